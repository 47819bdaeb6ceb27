import { addDays, addMonths, daysBetween, type IsoDate } from './dates';

/**
 * The end of the measure: admission plus the term in calendar months (XLVPHC Art. 95), less the
 * days of interim management at a facility, deducted day for day (ND-116 Art. 44(2)-(3)), plus
 * the days the person was absent after absconding, which do not count (ND-116 Art. 56(4)).
 */
export interface ReleaseTerm {
  admittedOn: IsoDate;
  months: number;
  /** Days of interim management at a facility before admission. */
  deductedDays: number;
  /** Periods of absence: from the day of absconding to the day before being brought back. */
  absences: readonly { from: IsoDate; returnedOn: IsoDate }[];
}

export const absentDays = (absences: ReleaseTerm['absences']): number =>
  absences.reduce((sum, a) => sum + Math.max(0, daysBetween(a.from, a.returnedOn)), 0);

export function releaseDate(term: ReleaseTerm): IsoDate {
  const end = addMonths(term.admittedOn, term.months);
  return addDays(end, absentDays(term.absences) - term.deductedDays);
}
