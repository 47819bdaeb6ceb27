import { addDays, type IsoDate } from './dates';

/**
 * Working days exclude Saturdays, Sundays and public holidays (Labour Code 45/2019/QH14 Art. 112).
 * The fixed solar-calendar holidays are encoded here; the lunar ones (Tết, Hùng Kings' day) and the
 * substitute days are decided each year and come in as dated data.
 */
const fixedHolidays = ['01-01', '04-30', '05-01', '09-02'];

export interface HolidayCalendar {
  isHoliday(date: IsoDate): boolean;
  /** A Saturday or Sunday made a working day when holidays were swapped ("làm bù"). */
  isMakeUpWorkday?(date: IsoDate): boolean;
}

export const fixedHolidayCalendar = (extraHolidays: readonly IsoDate[] = []): HolidayCalendar => {
  const extra = new Set(extraHolidays);
  return { isHoliday: (date) => extra.has(date) || fixedHolidays.includes(date.slice(5)) };
};

export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  if (calendar.isMakeUpWorkday?.(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.isHoliday(date);
}

/**
 * A period counted in calendar days whose last day is a day off ends on the next working day
 * (Civil Code 91/2015/QH13, Art. 148(5); LEGAL-BRIEF §0).
 */
export function nextWorkingDayOnOrAfter(date: IsoDate, calendar: HolidayCalendar): IsoDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/** The date on which a period of `days` working days that starts the day after `from` ends. */
export function addWorkingDays(from: IsoDate, days: number, calendar: HolidayCalendar): IsoDate {
  let date = from;
  let remaining = days;
  while (remaining > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) remaining -= 1;
  }
  return date;
}
