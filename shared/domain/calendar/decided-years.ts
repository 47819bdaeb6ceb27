import { type HolidayYear, LABOUR_CODE_2019, type SourceDocument } from './holiday-types';

/**
 * Years whose days off were decided (Prime Minister via the Government Office) and announced.
 * Periods are copied from the decisions ("nghỉ từ … đến hết …"); holidays that the decisions do
 * not mention follow the Labour Code (a holiday on a weekly rest day is made up on the next
 * working day). Each `readAt` is where the decision's content was read; the document numbers are
 * as cited there.
 */

const LABOUR_CODE_2012: SourceDocument = {
  kind: 'law',
  document: 'Bộ luật Lao động số 10/2012/QH13, Điều 115',
  title:
    '10 ngày nghỉ lễ, tết (Quốc khánh 01 ngày: 02/9); ngày lễ trùng ngày nghỉ hằng tuần thì nghỉ bù ' +
    'vào ngày kế tiếp. Áp dụng đến hết 31/12/2020',
};

export const decidedYears: readonly HolidayYear[] = [
  {
    year: 2020,
    status: 'decided',
    sources: [
      LABOUR_CODE_2012,
      {
        kind: 'decision',
        document: 'Văn bản số 4544 của Bộ Lao động - Thương binh và Xã hội ngày 25/10/2019',
        title:
          'Thông báo nghỉ Tết Âm lịch năm 2020 theo ý kiến của Thủ tướng Chính phủ (ký hiệu đầy đủ của ' +
          'văn bản chưa được xác minh; số và ngày theo báo chí đưa tin)',
        readAt: 'https://tinbong247news.net/chinh-thuc-ban-hanh-lich-nghi-tet-am-lich-2020-98584.html',
      },
    ],
    daysOff: [
      { name: 'Tết Dương lịch', from: '2020-01-01', to: '2020-01-01' },
      {
        name: 'Tết Nguyên đán Canh Tý',
        from: '2020-01-23',
        to: '2020-01-29',
        note: '29 tháng Chạp Kỷ Hợi – mùng 5 Tết; mùng 1, mùng 2 (25–26/1) trùng thứ Bảy, Chủ nhật nên nghỉ bù 28–29/1',
      },
      { name: 'Giỗ Tổ Hùng Vương', from: '2020-04-02', to: '2020-04-02' },
      { name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động', from: '2020-04-30', to: '2020-05-01' },
      { name: 'Quốc khánh', from: '2020-09-02', to: '2020-09-02', note: 'Bộ luật Lao động 2012: 01 ngày' },
    ],
    makeUpWorkdays: [],
  },
  {
    year: 2021,
    status: 'decided',
    sources: [
      LABOUR_CODE_2019,
      {
        kind: 'decision',
        document: 'Công văn 9895/VPCP-KGVX ngày 26/11/2020 của Văn phòng Chính phủ',
        title:
          'V/v nghỉ Tết Âm lịch và Quốc khánh năm 2021 của cán bộ, công chức, viên chức và người lao động',
        readAt:
          'https://thuvienphapluat.vn/cong-van/EN/Lao-dong-Tien-luong/Official-Dispatch-9895-VPCP-KGVX-2020-Lunar-New-Year-and-National-Day-holidays-of-officials/460294/tieng-anh.aspx',
      },
    ],
    daysOff: [
      { name: 'Tết Dương lịch', from: '2021-01-01', to: '2021-01-01' },
      {
        name: 'Tết Nguyên đán Tân Sửu',
        from: '2021-02-10',
        to: '2021-02-16',
        note: '29 tháng Chạp Canh Tý – mùng 5 Tết; mùng 2, mùng 3 (13–14/2) trùng cuối tuần nên nghỉ bù 15–16/2',
      },
      { name: 'Giỗ Tổ Hùng Vương', from: '2021-04-21', to: '2021-04-21' },
      {
        name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động',
        from: '2021-04-30',
        to: '2021-05-03',
        note: '01/5 là thứ Bảy nên nghỉ bù thứ Hai 03/5',
      },
      {
        name: 'Quốc khánh',
        from: '2021-09-02',
        to: '2021-09-05',
        note: '02/9 và 03/9, cùng 2 ngày cuối tuần',
      },
    ],
    makeUpWorkdays: [],
  },
  {
    year: 2022,
    status: 'decided',
    sources: [
      LABOUR_CODE_2019,
      {
        kind: 'decision',
        document: 'Công văn 245/VPCP-KGVX ngày 11/01/2022 của Văn phòng Chính phủ',
        title: 'Nghỉ Tết Nguyên đán Nhâm Dần và nghỉ lễ Quốc khánh năm 2022 của cán bộ, công chức, viên chức',
        readAt:
          'https://vntrip.vn/cam-nang/nghi-tet-nguyen-dan-tu-ngay-31-01-2022-den-het-ngay-04-02-2022-118632/amp',
      },
    ],
    daysOff: [
      {
        name: 'Tết Dương lịch',
        from: '2022-01-01',
        to: '2022-01-03',
        note: '01/1 là thứ Bảy nên nghỉ bù thứ Hai 03/1',
      },
      {
        name: 'Tết Nguyên đán Nhâm Dần',
        from: '2022-01-31',
        to: '2022-02-04',
        note: '29 tháng Chạp Tân Sửu – mùng 4 Tết; cùng 2 kỳ cuối tuần là 9 ngày (29/1–6/2)',
      },
      {
        name: 'Giỗ Tổ Hùng Vương',
        from: '2022-04-10',
        to: '2022-04-11',
        note: '10/3 âm lịch là Chủ nhật nên nghỉ bù thứ Hai 11/4',
      },
      {
        name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động',
        from: '2022-04-30',
        to: '2022-05-03',
        note: '30/4, 01/5 là thứ Bảy, Chủ nhật nên nghỉ bù 02/5 và 03/5',
      },
      { name: 'Quốc khánh', from: '2022-09-01', to: '2022-09-02' },
    ],
    makeUpWorkdays: [],
  },
  {
    year: 2023,
    status: 'decided',
    sources: [
      LABOUR_CODE_2019,
      {
        kind: 'decision',
        document: 'Công văn 8056/VPCP-KGVX ngày 01/12/2022 của Văn phòng Chính phủ',
        title: 'Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2023',
        readAt: 'https://luatvietnam.vn/lao-dong/cong-van-8056-vpcp-kgvx-236783-d6.html',
      },
    ],
    daysOff: [
      {
        name: 'Tết Dương lịch',
        from: '2023-01-01',
        to: '2023-01-02',
        note: '01/1 là Chủ nhật nên nghỉ bù thứ Hai 02/1',
      },
      {
        name: 'Tết Nguyên đán Quý Mão',
        from: '2023-01-20',
        to: '2023-01-26',
        note: '29 tháng Chạp Nhâm Dần – mùng 5 Tết (5 ngày Tết và 2 ngày cuối tuần)',
      },
      {
        name: 'Giỗ Tổ Hùng Vương, Ngày Chiến thắng và Ngày Quốc tế Lao động',
        from: '2023-04-29',
        to: '2023-05-03',
        note: 'Giỗ Tổ (29/4) là thứ Bảy, 30/4 là Chủ nhật nên nghỉ bù 02/5 và 03/5',
      },
      {
        name: 'Quốc khánh',
        from: '2023-09-01',
        to: '2023-09-04',
        note: '01/9 và 02/9; 02/9 là thứ Bảy nên nghỉ bù thứ Hai 04/9',
      },
    ],
    makeUpWorkdays: [],
  },
  {
    year: 2024,
    status: 'decided',
    sources: [
      LABOUR_CODE_2019,
      {
        kind: 'decision',
        document: 'Công văn 8662/VPCP-KGVX ngày 03/11/2023 của Văn phòng Chính phủ',
        title: 'Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2024',
        readAt:
          'https://binhphuoc.gov.vn/vi/news/tin-tuc-su-kien-421/thu-tuong-chot-phuong-an-nghi-tet-am-lich-7-ngay-nghi-le-quoc-khanh-4-ngay-34244.html',
      },
      {
        kind: 'decision',
        document: 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 của Bộ Lao động - Thương binh và Xã hội',
        title:
          'Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2024 đối với cán bộ, công chức, viên chức và người lao động',
        readAt:
          'http://huyendakha.kontum.gov.vn/tin-tuc/thong-bao-ve-viec-nghi-tet-am-lich-va-nghi-le-quoc-khanh-nam-2024-doi-voi-can-bo-cong-chuc-vien-chuc-va-nguoi-lao-dong.html',
      },
      {
        kind: 'decision',
        document: 'Công văn 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ',
        title: 'Hoán đổi ngày làm việc dịp nghỉ lễ Ngày Chiến thắng 30/4 và Ngày Quốc tế Lao động 01/5/2024',
        readAt:
          'https://baotintuc.vn/infographics/ngay-nghi-le-dip-gio-to-hung-vuong-va-304-152024-20240412212054381.htm',
      },
    ],
    daysOff: [
      { name: 'Tết Dương lịch', from: '2024-01-01', to: '2024-01-01' },
      {
        name: 'Tết Nguyên đán Giáp Thìn',
        from: '2024-02-08',
        to: '2024-02-14',
        note: '29 tháng Chạp Quý Mão – mùng 5 Tết: 5 ngày Tết và 2 ngày nghỉ bù (khoản 3 Điều 111)',
      },
      { name: 'Giỗ Tổ Hùng Vương', from: '2024-04-18', to: '2024-04-18' },
      {
        name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động',
        from: '2024-04-27',
        to: '2024-05-01',
        note: 'hoán đổi thứ Hai 29/4 (nghỉ) với thứ Bảy 04/5 (làm bù)',
      },
      {
        name: 'Quốc khánh',
        from: '2024-08-31',
        to: '2024-09-03',
        note: '02/9 và 03/9, cùng 2 ngày cuối tuần',
      },
    ],
    makeUpWorkdays: [
      { date: '2024-05-04', name: 'Làm bù cho thứ Hai 29/4/2024 được nghỉ hoán đổi', replaces: '2024-04-29' },
    ],
  },
  {
    year: 2025,
    status: 'decided',
    sources: [
      LABOUR_CODE_2019,
      {
        kind: 'decision',
        document: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ',
        title: 'Nghỉ Tết Âm lịch và một số dịp nghỉ lễ trong năm 2025',
        readAt: 'https://pld.net.vn/tag/nghi-tet-nguyen-dan.html',
      },
      {
        kind: 'decision',
        document: 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024 của Bộ Lao động - Thương binh và Xã hội',
        title:
          'Nghỉ tết Âm lịch, nghỉ lễ Quốc khánh, nghỉ lễ Ngày Chiến thắng 30/4 và Ngày Quốc tế Lao động 01/5 ' +
          'năm 2025 đối với cán bộ, công chức, viên chức và người lao động',
        readAt:
          'http://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/76169/chinh-thuc-co-lich-nghi-tet-am-lich-va-le-quoc-khanh-nam-2025-voi-can-bo-cong-chuc-vien-chuc',
      },
    ],
    daysOff: [
      { name: 'Tết Dương lịch', from: '2025-01-01', to: '2025-01-01' },
      {
        name: 'Tết Nguyên đán Ất Tỵ',
        from: '2025-01-25',
        to: '2025-02-02',
        note: '26 tháng Chạp Giáp Thìn – mùng 5 Tết: 5 ngày Tết (27–31/1) và 4 ngày cuối tuần',
      },
      { name: 'Giỗ Tổ Hùng Vương', from: '2025-04-07', to: '2025-04-07' },
      {
        name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động',
        from: '2025-04-30',
        to: '2025-05-04',
        note: 'hoán đổi thứ Sáu 02/5 (nghỉ) với thứ Bảy 26/4 (làm bù)',
      },
      {
        name: 'Quốc khánh',
        from: '2025-08-30',
        to: '2025-09-02',
        note: '01/9 và 02/9, cùng 2 ngày cuối tuần',
      },
    ],
    makeUpWorkdays: [
      { date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/5/2025 được nghỉ hoán đổi', replaces: '2025-05-02' },
    ],
  },
  {
    year: 2026,
    status: 'decided',
    sources: [
      LABOUR_CODE_2019,
      {
        kind: 'decision',
        document: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ',
        title: 'Nghỉ Tết Dương lịch năm 2026 (hoán đổi thứ Sáu 02/1 với thứ Bảy 10/01/2026)',
        readAt:
          'https://tracuuquyhoach.com/tin-tuc/tin-vui-cho-nguoi-lao-dong-chinh-phu-dong-y-nghi-tet-duong-lich-4-ngay-54100289',
      },
      {
        kind: 'decision',
        document: 'Công văn 9859/VPCP-KGVX ngày 13/10/2025 của Văn phòng Chính phủ',
        title: 'Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2026',
        readAt:
          'https://vietnamnews.vn/society/1727239/prime-minister-approves-nine-day-lunar-new-year-holiday-plan.html',
      },
      {
        kind: 'decision',
        document: 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ',
        title:
          'Nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2026 đối với cán bộ, công chức, viên chức và người lao động',
        readAt:
          'https://www.vietnam.vn/en/cong-chuc-vien-chuc-nguoi-lao-dong-hai-phong-duoc-nghi-tet-binh-ngo-lien-tuc-9-ngay',
      },
    ],
    daysOff: [
      {
        name: 'Tết Dương lịch',
        from: '2026-01-01',
        to: '2026-01-04',
        note: 'hoán đổi thứ Sáu 02/1 (nghỉ) với thứ Bảy 10/1 (làm bù)',
      },
      {
        name: 'Tết Nguyên đán Bính Ngọ',
        from: '2026-02-14',
        to: '2026-02-22',
        note: '27 tháng Chạp Ất Tỵ – mùng 6 Tết: 5 ngày Tết (16–20/2, 29 tháng Chạp – mùng 4) và 4 ngày cuối tuần',
      },
      {
        name: 'Giỗ Tổ Hùng Vương',
        from: '2026-04-26',
        to: '2026-04-27',
        note: '10/3 âm lịch là Chủ nhật nên nghỉ bù thứ Hai 27/4 (khoản 3 Điều 111)',
      },
      { name: 'Ngày Chiến thắng và Ngày Quốc tế Lao động', from: '2026-04-30', to: '2026-05-01' },
      {
        name: 'Quốc khánh',
        from: '2026-08-29',
        to: '2026-09-02',
        note: '01/9 và 02/9; hoán đổi thứ Hai 31/8 (nghỉ) với thứ Bảy 22/8 (làm bù)',
      },
    ],
    makeUpWorkdays: [
      { date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/1/2026 được nghỉ hoán đổi', replaces: '2026-01-02' },
      { date: '2026-08-22', name: 'Làm bù cho thứ Hai 31/8/2026 được nghỉ hoán đổi', replaces: '2026-08-31' },
    ],
    notes: [
      'Ngày Văn hóa Việt Nam 24/11: Nghị quyết 80-NQ/TW (07/01/2026) chủ trương là ngày nghỉ hưởng nguyên ' +
        'lương và Nghị quyết 30/NQ-CP giao sửa khoản 1 Điều 112 Bộ luật Lao động; chưa xác minh được văn bản ' +
        'luật đã có hiệu lực cho năm 2026, nên 24/11/2026 CHƯA được tính là ngày nghỉ ở đây.',
    ],
  },
];
