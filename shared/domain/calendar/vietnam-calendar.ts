import { addDays, type IsoDate, isValidIsoDate } from '../dates';
import {
  addWorkingDays,
  fixedHolidayCalendar,
  type HolidayCalendar,
  isWorkingDay,
  nextWorkingDayOnOrAfter as nextWorkingDay,
} from '../working-days';
import { type HolidayYear, vietnamHolidayYears, type YearStatus } from './holidays';

/**
 * Vietnam's working-day calendar: Saturdays and Sundays are rest days, public holidays and the
 * days decided around them are days off, and make-up Saturdays ("làm bù") are working days.
 *
 * ```ts
 * addWorkingDaysVn('2026-02-13', 1); // '2026-02-23': Tết Bính Ngọ ran 14–22 February
 * vietnameseCalendar.coverage('2028-01-26'); // 'statutory': no decision for 2028 yet
 * ```
 *
 * `coverage` says how far a date can be trusted: `decided` (the year's decision is in the data),
 * `statutory` (Labour Code and lunar calendar only; a later decision may add swaps or move Tết
 * days) or `fallback` (a year outside the data: only weekends and the four fixed solar holidays,
 * 1/1, 30/4, 1/5, 2/9, are known — no Tết, no Hùng Kings' day, no compensatory days).
 */
export type Coverage = YearStatus | 'fallback';

export interface WorkingCalendar extends HolidayCalendar {
  /** The years for which the calendar holds data, ascending. */
  readonly coveredYears: readonly number[];
  /** A day off for a public holiday, including compensatory and swapped days. */
  isHoliday(date: IsoDate): boolean;
  /** A Saturday (or Sunday) that is a working day because a weekday was swapped for it. */
  isMakeUpWorkday(date: IsoDate): boolean;
  /** The holiday a day off belongs to ("Tết Nguyên đán Bính Ngọ"), or undefined. */
  holidayName(date: IsoDate): string | undefined;
  coverage(date: IsoDate): Coverage;
}

/** Holiday data that contradicts itself; raised when a calendar is built, never later. */
export class InvalidHolidayData extends Error {
  override name = 'InvalidHolidayData';
}

const FIXED_HOLIDAY_NAMES: Readonly<Record<string, string>> = {
  '01-01': 'Tết Dương lịch',
  '04-30': 'Ngày Chiến thắng',
  '05-01': 'Ngày Quốc tế Lao động',
  '09-02': 'Quốc khánh',
};

const weekday = (date: IsoDate): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: IsoDate): boolean => weekday(date) === 0 || weekday(date) === 6;
const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

function checkDateOfYear(date: IsoDate, year: number, what: string): void {
  if (!isValidIsoDate(date) || yearOf(date) !== year) {
    throw new InvalidHolidayData(`${year}: ${what} ${date} is not a valid date of that year`);
  }
}

function periodDates(year: number, from: IsoDate, to: IsoDate): IsoDate[] {
  checkDateOfYear(from, year, 'day-off period start');
  checkDateOfYear(to, year, 'day-off period end');
  if (from > to) throw new InvalidHolidayData(`${year}: day-off period ${from}–${to} ends before it starts`);
  const dates: IsoDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** Builds a calendar from holiday data (by default the Vietnamese data for 2020–2030). */
export function calendarFor(years: readonly HolidayYear[] = vietnamHolidayYears): WorkingCalendar {
  const statusByYear = new Map<number, YearStatus>();
  const daysOff = new Map<IsoDate, string>();
  const makeUpWorkdays = new Set<IsoDate>();

  for (const entry of years) {
    if (statusByYear.has(entry.year)) throw new InvalidHolidayData(`${entry.year} appears twice`);
    statusByYear.set(entry.year, entry.status);
    for (const period of entry.daysOff) {
      for (const date of periodDates(entry.year, period.from, period.to)) {
        if (daysOff.has(date)) throw new InvalidHolidayData(`${date} is in two day-off periods`);
        daysOff.set(date, period.name);
      }
    }
    for (const day of entry.makeUpWorkdays) {
      checkDateOfYear(day.date, entry.year, 'make-up working day');
      if (!isWeekend(day.date) || daysOff.has(day.date)) {
        throw new InvalidHolidayData(`make-up working day ${day.date} must be a weekend day that is not off`);
      }
      if (!daysOff.has(day.replaces) || isWeekend(day.replaces)) {
        throw new InvalidHolidayData(`make-up day ${day.date} replaces ${day.replaces}, not a weekday off`);
      }
      makeUpWorkdays.add(day.date);
    }
  }

  const fallback = fixedHolidayCalendar();
  const covered = (date: IsoDate): boolean => statusByYear.has(yearOf(date));
  return {
    coveredYears: [...statusByYear.keys()].sort((a, b) => a - b),
    coverage: (date) => statusByYear.get(yearOf(date)) ?? 'fallback',
    isHoliday: (date) => (covered(date) ? daysOff.has(date) : fallback.isHoliday(date)),
    isMakeUpWorkday: (date) => makeUpWorkdays.has(date),
    holidayName: (date) => (covered(date) ? daysOff.get(date) : FIXED_HOLIDAY_NAMES[date.slice(5)]),
  };
}

/** Vietnam's public-service calendar, 2020–2030 from the data, other years by `fallback`. */
export const vietnameseCalendar: WorkingCalendar = calendarFor();

function requireDate(date: IsoDate): void {
  if (!isValidIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
}

/** A working day: a make-up Saturday, or a weekday that is not a day off. */
export function isWorkingDayVn(date: IsoDate, calendar: WorkingCalendar = vietnameseCalendar): boolean {
  return isWorkingDay(date, calendar);
}

/**
 * The last day of a period of `days` working days counted from the day after `from` (the day of
 * the triggering event is not counted: Civil Code 91/2015/QH13 Art. 147; LEGAL-BRIEF §0).
 * `days` = 0 gives `from` itself.
 */
export function addWorkingDaysVn(
  from: IsoDate,
  days: number,
  calendar: WorkingCalendar = vietnameseCalendar,
): IsoDate {
  requireDate(from);
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`a number of working days must be a whole number ≥ 0, got ${days}`);
  }
  return addWorkingDays(from, days, calendar);
}

/**
 * `date` if it is a working day, else the next working day: a period whose last day is a day off
 * ends on the next working day (Civil Code 91/2015/QH13 Art. 148(5); LEGAL-BRIEF §0).
 */
export function nextWorkingDayOnOrAfter(
  date: IsoDate,
  calendar: WorkingCalendar = vietnameseCalendar,
): IsoDate {
  requireDate(date);
  return nextWorkingDay(date, calendar);
}
