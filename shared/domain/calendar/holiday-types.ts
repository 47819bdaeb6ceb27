import type { IsoDate } from '../dates';

/**
 * Days off for public holidays in Vietnam, as dated data, one entry per year.
 *
 * - `decided`: the days off as set by the Prime Minister's decision for that year (conveyed by a
 *   Government Office letter, "Công văn …/VPCP-KGVX") and announced by the ministry in charge of
 *   labour (Bộ LĐTBXH until 2025, Bộ Nội vụ since), including swaps and make-up Saturdays.
 * - `statutory`: no decision found yet; the days follow from the Labour Code alone (45/2019/QH14
 *   Arts. 111(3), 112) and the lunar calendar. A later decision may add swaps or move Tết days.
 */
export type YearStatus = 'decided' | 'statutory';

export interface SourceDocument {
  /** `law` states the entitlement; `decision` fixes the days of one year; `computation` places lunar dates. */
  kind: 'law' | 'decision' | 'computation';
  /** Number, symbol and date, as cited ("Công văn 8726/VPCP-KGVX ngày 26/11/2024"). */
  document: string;
  /** What it says, in short (Vietnamese). */
  title: string;
  /** Where its content was read (a public portal or a news report quoting it). */
  readAt?: string;
}

/** A run of days off, written as the notices write it: "nghỉ từ … đến hết …" (both ends included). */
export interface DayOffPeriod {
  name: string;
  from: IsoDate;
  to: IsoDate;
  /** Which days are holidays, which are compensatory (nghỉ bù) or swapped (hoán đổi). */
  note?: string;
}

/** A Saturday worked in exchange for a weekday given off ("làm bù"); it is a working day. */
export interface MakeUpWorkday {
  date: IsoDate;
  name: string;
  /** The weekday given off in exchange; it lies inside one of the year's day-off periods. */
  replaces: IsoDate;
}

export interface HolidayYear {
  year: number;
  status: YearStatus;
  sources: readonly SourceDocument[];
  daysOff: readonly DayOffPeriod[];
  makeUpWorkdays: readonly MakeUpWorkday[];
  notes?: readonly string[];
}

export const LABOUR_CODE_2019: SourceDocument = {
  kind: 'law',
  document: 'Bộ luật Lao động số 45/2019/QH14 (hiệu lực 01/01/2021), Điều 111 khoản 3, Điều 112',
  title:
    '11 ngày nghỉ lễ, tết: Tết Dương lịch 01, Tết Âm lịch 05, Ngày Chiến thắng 01, Quốc tế Lao động 01, ' +
    'Quốc khánh 02 (02/9 và 01 ngày liền kề trước hoặc sau), Giỗ Tổ Hùng Vương 01 (10/3 âm lịch); ' +
    'ngày lễ trùng ngày nghỉ hằng tuần thì nghỉ bù vào ngày làm việc kế tiếp; Thủ tướng quyết định ' +
    'cụ thể ngày nghỉ Tết Âm lịch và ngày liền kề Quốc khánh',
};
