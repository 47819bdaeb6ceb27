import { addDays, type IsoDate } from '../dates';
import { hungKingsDay, lunarNewYear } from './lunar';

/**
 * The days off that the Labour Code alone gives in a year, before any decision of the Prime
 * Minister: how the `statutory` years of the data were written, and what the tests check them
 * against.
 *
 * - Labour Code 45/2019/QH14 Art. 112(1): 1 January; Tết 5 days; 10/3 lunar; 30 April; 1 May;
 *   2 September and one adjacent day (from 2021; the 2012 Code, Art. 115, gave 2 September alone).
 * - Art. 112(3): the Prime Minister fixes the Tết days and the adjacent National Day. Until he does,
 *   Tết is taken as the last day of the lunar year and the 1st–4th of the first month (the pattern
 *   of the decisions for 2022 and 2026), and the adjacent day as the one the decisions chose in
 *   the years 2021–2026 for the same weekday of 2 September.
 * - Art. 111(3): a holiday on a weekly rest day (Saturday, Sunday for the public service) is made
 *   up on the next working day.
 */

export interface StatutoryDayOff {
  date: IsoDate;
  name: string;
  /** A compensatory day (nghỉ bù) for a holiday that fell on a Saturday or Sunday. */
  inLieu: boolean;
}

const weekday = (date: IsoDate): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: IsoDate): boolean => weekday(date) === 0 || weekday(date) === 6;

/** 2 September's adjacent day, by 2 September's weekday (Sunday = 0), as chosen in 2021–2026. */
const NATIONAL_DAY_ADJACENT_OFFSET: readonly number[] = [
  +1, // Sunday: Monday 3/9 (either choice leaves Monday and Tuesday off)
  +1, // Monday: Tuesday 3/9 (2024)
  -1, // Tuesday: Monday 1/9 (2025)
  -1, // Wednesday: Tuesday 1/9 (2026)
  +1, // Thursday: Friday 3/9 (2021)
  -1, // Friday: Thursday 1/9 (2022)
  -1, // Saturday: Friday 1/9 (2023)
];

function holidays(year: number): StatutoryDayOff[] {
  const tet = lunarNewYear(year);
  const nationalDay = `${year}-09-02`;
  const days: Array<[IsoDate, string]> = [
    [`${year}-01-01`, 'Tết Dương lịch'],
    [addDays(tet, -1), 'Tết Nguyên đán (ngày cuối năm âm lịch)'],
    [tet, 'Tết Nguyên đán (mùng 1)'],
    [addDays(tet, 1), 'Tết Nguyên đán (mùng 2)'],
    [addDays(tet, 2), 'Tết Nguyên đán (mùng 3)'],
    [addDays(tet, 3), 'Tết Nguyên đán (mùng 4)'],
    [hungKingsDay(year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    [`${year}-04-30`, 'Ngày Chiến thắng'],
    [`${year}-05-01`, 'Ngày Quốc tế Lao động'],
    [nationalDay, 'Quốc khánh'],
  ];
  if (year >= 2021) {
    const offset = NATIONAL_DAY_ADJACENT_OFFSET[weekday(nationalDay)] ?? 1;
    days.push([addDays(nationalDay, offset), 'Quốc khánh (ngày liền kề)']);
  }
  return days
    .map(([date, name]) => ({ date, name, inLieu: false }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The holidays of `year` and their compensatory days, in date order. */
export function statutoryDaysOff(year: number): StatutoryDayOff[] {
  const days = holidays(year);
  const taken = new Set(days.map((day) => day.date));
  const inLieu: StatutoryDayOff[] = [];
  for (const holiday of days.filter((day) => isWeekend(day.date))) {
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    inLieu.push({ date, name: `Nghỉ bù ${holiday.name}`, inLieu: true });
  }
  return [...days, ...inLieu].sort((a, b) => a.date.localeCompare(b.date));
}
