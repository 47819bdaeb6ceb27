/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) in the Asia/Ho_Chi_Minh zone (UTC+7, no
 * daylight saving). Dates are never floats and never carry a time of day.
 */
export type IsoDate = string;

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in Vietnam at this instant. */
export function vietnamDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of this date in Vietnam, as an instant. */
export function startOfVietnamDay(date: IsoDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}

const toUtc = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);
const fromUtc = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/**
 * Adds whole months; a day that does not exist in the target month falls back to that month's
 * last day (31 January + 1 month = 28/29 February).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay))));
}

export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);

/** Whole years of age on a date (a birthday counts on the day itself). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = toUtc(value);
  return !Number.isNaN(parsed.getTime()) && fromUtc(parsed) === value;
}
