import { type HolidayYear, LABOUR_CODE_2019, type SourceDocument } from './holiday-types';

/**
 * Years with no published decision found (searched up to 2026-11-22): the days off follow from
 * the Labour Code alone, with Tết taken as the last day of the lunar year plus the 1st–4th of the
 * first month, and the lunar dates from `lunar.ts` (Hồ Ngọc Đức's algorithm, UTC+7). Written out
 * by hand so they can be read and reviewed; the tests re-derive them (`statutoryDaysOff`).
 * When a year's decision is published, replace its entry and move it to `decided-years.ts`.
 */

const LUNAR_CALENDAR: SourceDocument = {
  kind: 'computation',
  document: 'Âm lịch Việt Nam (múi giờ UTC+7), tính theo thuật toán của Hồ Ngọc Đức',
  title: 'Ngày mùng 1 Tết và ngày 10/3 âm lịch dương lịch tương ứng; xem shared/domain/calendar/lunar.ts',
};

const NOT_DECIDED =
  'Chưa tìm thấy quyết định/thông báo của Thủ tướng Chính phủ hoặc Bộ Nội vụ về lịch nghỉ năm này; ' +
  'các ngày nghỉ Tết, ngày liền kề Quốc khánh và mọi hoán đổi có thể khác khi được quyết định.';

const statutorySources: readonly SourceDocument[] = [LABOUR_CODE_2019, LUNAR_CALENDAR];

export const statutoryYears: readonly HolidayYear[] = [
  {
    year: 2027,
    status: 'statutory',
    sources: statutorySources,
    daysOff: [
      { name: 'Tết Dương lịch', from: '2027-01-01', to: '2027-01-01' },
      {
        name: 'Tết Nguyên đán Đinh Mùi',
        from: '2027-02-05',
        to: '2027-02-11',
        note: '29 tháng Chạp Bính Ngọ – mùng 4 Tết (5/2–9/2); mùng 1, mùng 2 (6–7/2) trùng cuối tuần nên nghỉ bù 10–11/2',
      },
      { name: 'Giỗ Tổ Hùng Vương', from: '2027-04-16', to: '2027-04-16' },
      {
        name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động',
        from: '2027-04-30',
        to: '2027-05-03',
        note: '01/5 là thứ Bảy nên nghỉ bù thứ Hai 03/5',
      },
      { name: 'Quốc khánh', from: '2027-09-02', to: '2027-09-03', note: '02/9 (thứ Năm) và 03/9 (ước tính)' },
    ],
    makeUpWorkdays: [],
    notes: [NOT_DECIDED],
  },
  {
    year: 2028,
    status: 'statutory',
    sources: statutorySources,
    daysOff: [
      {
        name: 'Tết Dương lịch',
        from: '2028-01-01',
        to: '2028-01-03',
        note: '01/1 là thứ Bảy nên nghỉ bù thứ Hai 03/1',
      },
      {
        name: 'Tết Nguyên đán Mậu Thân',
        from: '2028-01-25',
        to: '2028-01-31',
        note: '29 tháng Chạp Đinh Mùi – mùng 4 Tết (25/1–29/1); mùng 4 là thứ Bảy nên nghỉ bù thứ Hai 31/1',
      },
      { name: 'Giỗ Tổ Hùng Vương', from: '2028-04-04', to: '2028-04-04' },
      {
        name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động',
        from: '2028-04-30',
        to: '2028-05-02',
        note: '30/4 là Chủ nhật nên nghỉ bù thứ Ba 02/5',
      },
      {
        name: 'Quốc khánh',
        from: '2028-09-01',
        to: '2028-09-04',
        note: '01/9 (ước tính) và 02/9; 02/9 là thứ Bảy nên nghỉ bù thứ Hai 04/9',
      },
    ],
    makeUpWorkdays: [],
    notes: [NOT_DECIDED],
  },
  {
    year: 2029,
    status: 'statutory',
    sources: statutorySources,
    daysOff: [
      { name: 'Tết Dương lịch', from: '2029-01-01', to: '2029-01-01' },
      {
        name: 'Tết Nguyên đán Kỷ Dậu',
        from: '2029-02-12',
        to: '2029-02-16',
        note: '29 tháng Chạp Mậu Thân – mùng 4 Tết',
      },
      { name: 'Giỗ Tổ Hùng Vương', from: '2029-04-23', to: '2029-04-23' },
      { name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động', from: '2029-04-30', to: '2029-05-01' },
      {
        name: 'Quốc khánh',
        from: '2029-09-02',
        to: '2029-09-04',
        note: '02/9 là Chủ nhật: ngày liền kề 03/9 và nghỉ bù 04/9 (chọn 01/9 cũng cho cùng kết quả)',
      },
    ],
    makeUpWorkdays: [],
    notes: [NOT_DECIDED],
  },
  {
    year: 2030,
    status: 'statutory',
    sources: statutorySources,
    daysOff: [
      { name: 'Tết Dương lịch', from: '2030-01-01', to: '2030-01-01' },
      {
        name: 'Tết Nguyên đán Canh Tuất',
        from: '2030-02-01',
        to: '2030-02-07',
        note:
          '29 tháng Chạp Kỷ Dậu – mùng 4 Tết (1/2–5/2); mùng 1, mùng 2 (2–3/2) trùng cuối tuần nên nghỉ bù 6–7/2. ' +
          'Mùng 1 Tết ở Việt Nam (UTC+7) là 02/2/2030, sớm hơn Trung Quốc (03/2) một ngày',
      },
      { name: 'Giỗ Tổ Hùng Vương', from: '2030-04-12', to: '2030-04-12' },
      { name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động', from: '2030-04-30', to: '2030-05-01' },
      { name: 'Quốc khánh', from: '2030-09-02', to: '2030-09-03', note: '02/9 (thứ Hai) và 03/9' },
    ],
    makeUpWorkdays: [],
    notes: [NOT_DECIDED],
  },
];
