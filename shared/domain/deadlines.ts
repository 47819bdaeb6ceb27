import type { DeadlineRule } from '#shared/pipeline/actions/define';
import type { CaseRecord } from './case';
import { addDays, addMonths, type IsoDate } from './dates';
import { legalProfile, type TimeLimit } from './legal-profile';
import { addWorkingDays, type HolidayCalendar, nextWorkingDayOnOrAfter } from './working-days';

/**
 * The last day of a time limit that runs from `from` (the day of the event itself is not counted:
 * Civil Code Art. 147). Working days skip weekends and holidays; a period in calendar days that
 * ends on a day off runs to the next working day; months and years are calendar months.
 */
export function endOfLimit(limit: TimeLimit, from: IsoDate, calendar: HolidayCalendar): IsoDate {
  switch (limit.unit) {
    case 'workingDays':
      return addWorkingDays(from, limit.amount, calendar);
    case 'calendarDays':
      return nextWorkingDayOnOrAfter(addDays(from, limit.amount), calendar);
    case 'months':
      return addMonths(from, limit.amount);
    case 'years':
      return addMonths(from, 12 * limit.amount);
  }
}

/** When a task opened today is due, under the case's own legal profile. */
export function dueOn(
  rule: DeadlineRule,
  today: IsoDate,
  record: CaseRecord,
  calendar: HolidayCalendar,
): IsoDate {
  if (rule.kind === 'caseDate') return record[rule.field] ?? today;
  const from = (rule.from && record[rule.from]) || today;
  return endOfLimit(legalProfile(record.legalProfile).limits[rule.limit], from, calendar);
}

/** The article a task's deadline comes from, as shown to officers. */
export function deadlineSource(rule: DeadlineRule, record: Pick<CaseRecord, 'legalProfile'>): string {
  if (rule.kind === 'caseDate') return rule.source;
  return legalProfile(record.legalProfile).limits[rule.limit].source;
}
