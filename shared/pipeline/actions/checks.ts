import type { CaseRecord } from '#shared/domain/case';
import type { IsoDate } from '#shared/domain/dates';
import { legalProfile } from '#shared/domain/legal-profile';
import { ruleViolation } from '#shared/domain/validation';

/** Rules several actions apply to their input. */

export function notInFuture(field: string, date: IsoDate, today: IsoDate): void {
  if (date > today) throw ruleViolation(field, 'không được sau ngày hôm nay');
}

/** The term within its legal range: adults 12–24 months, minors 6–12 (per the case's profile). */
export function checkTerm(record: CaseRecord, months: number | undefined, field: string): void {
  const { term } = legalProfile(record.legalProfile);
  const range = record.minor ? term.minor : term.adult;
  if (months === undefined || months < range.min || months > range.max) {
    throw ruleViolation(field, `phải từ ${range.min} đến ${range.max} tháng (${range.source})`);
  }
}

/** A death recorded at any stage: the date, not after today. */
export function recordDiedOn(next: CaseRecord, { diedOn }: { diedOn: IsoDate }, today: IsoDate): void {
  notInFuture('input.diedOn', diedOn, today);
  next.diedOn = diedOn;
}

/** An absconding recorded before admission or in the centre: the date, not after today. */
export function recordAbscondedOn(
  next: CaseRecord,
  { abscondedOn }: { abscondedOn: IsoDate },
  today: IsoDate,
): void {
  notInFuture('input.abscondedOn', abscondedOn, today);
  next.abscondedOn = abscondedOn;
}
