import type { IsoDate } from '../dates';

/**
 * Gregorian ↔ Vietnamese lunar calendar conversion, after Hồ Ngọc Đức's published algorithm
 * ("Thuật toán tính âm lịch", the one behind most Vietnamese calendar software): new moons and
 * solar terms from Jean Meeus' "Astronomical Algorithms", evaluated at UTC+7. The Vietnamese
 * calendar differs from the Chinese one (UTC+8) in some years, so a Chinese table is no substitute.
 *
 * Used here only to place the lunar holidays (Tết, Hùng Kings' day) of the years for which no
 * decision has been published yet; the tests check it against every decided year.
 * Kept rather than `date-chinese` (same Tết and Hùng Kings' day 1968–2100, but 80 times the
 * bundled size and inconsistent leap months in 2033 and 2053): docs/adr/0008-hand-written-code-kept-or-replaced.md.
 */

const VIETNAM_TIME_ZONE = 7;
const MEAN_SYNODIC_MONTH = 29.530588853;
/** The Julian day of the new moon of 1900-01-01, the epoch of `newMoonNumber`. */
const NEW_MOON_EPOCH = 2415021.076998695;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True for the intercalary (nhuận) month that repeats the month before it. */
  leap: boolean;
}

const int = Math.floor;

function julianDay(date: IsoDate): number {
  const [yy, mm, dd] = date.split('-').map(Number) as [number, number, number];
  const a = int((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  return dd + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - int(y / 100) + int(y / 400) - 32045;
}

function fromJulianDay(jd: number): IsoDate {
  const a = jd + 32044;
  const b = int((4 * a + 3) / 146097);
  const c = a - int((b * 146097) / 4);
  const d = int((4 * c + 3) / 1461);
  const e = c - int((1461 * d) / 4);
  const m = int((5 * e + 2) / 153);
  const day = e - int((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * int(m / 10);
  const year = b * 100 + d - 4800 + int(m / 10);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant (Julian day, UT) of the k-th new moon after the epoch (Meeus ch. 49, abridged). */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const c1 =
    (0.1734 - 0.000393 * t) * Math.sin(m * dr) +
    0.0021 * Math.sin(2 * dr * m) -
    0.4068 * Math.sin(mpr * dr) +
    0.0161 * Math.sin(dr * 2 * mpr) -
    0.0004 * Math.sin(dr * 3 * mpr) +
    0.0104 * Math.sin(dr * 2 * f) -
    0.0051 * Math.sin(dr * (m + mpr)) -
    0.0074 * Math.sin(dr * (m - mpr)) +
    0.0004 * Math.sin(dr * (2 * f + m)) -
    0.0004 * Math.sin(dr * (2 * f - m)) -
    0.0006 * Math.sin(dr * (2 * f + mpr)) +
    0.001 * Math.sin(dr * (2 * f - mpr)) +
    0.0005 * Math.sin(dr * (2 * mpr + m));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians, normalised to [0, 2π). */
function sunLongitude(jdn: number): number {
  const t = (jdn - 2451545.0) / 36525;
  const t2 = t * t;
  const dr = Math.PI / 180;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
  dl += (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.00029 * Math.sin(dr * 3 * m);
  const l = (l0 + dl) * dr;
  return l - Math.PI * 2 * int(l / (Math.PI * 2));
}

/** Which twelfth of the ecliptic (0–11, a major solar term per step) the sun is in at local midnight. */
const solarTermIndex = (dayNumber: number): number =>
  int((sunLongitude(dayNumber - 0.5 - VIETNAM_TIME_ZONE / 24) / Math.PI) * 6);

const newMoonDay = (k: number): number => int(newMoon(k) + 0.5 + VIETNAM_TIME_ZONE / 24);

/** The Julian day on which the 11th lunar month (the one holding the winter solstice) of `year` begins. */
function month11Start(year: number): number {
  const offset = julianDay(`${String(year).padStart(4, '0')}-12-31`) - 2415021;
  const k = int(offset / MEAN_SYNODIC_MONTH);
  const start = newMoonDay(k);
  return solarTermIndex(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** In a 13-month year, how many months after month 11 the leap month (one with no major term) falls. */
function leapMonthOffset(month11: number): number {
  const k = int((month11 - NEW_MOON_EPOCH) / MEAN_SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = solarTermIndex(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = solarTermIndex(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The Vietnamese lunar date of a Gregorian date. */
export function toLunar(date: IsoDate): LunarDate {
  const dayNumber = julianDay(date);
  const year = Number(date.slice(0, 4));
  const k = int((dayNumber - NEW_MOON_EPOCH) / MEAN_SYNODIC_MONTH);
  // k estimates the month from the mean lunation; the true new moon can fall a day either side.
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  if (monthStart > dayNumber) monthStart = newMoonDay(k - 1);
  let a11 = month11Start(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = month11Start(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = month11Start(year + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = int((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/** The Gregorian date of a (non-leap) lunar date, e.g. `fromLunar(2027, 1, 1)` for Tết 2027. */
export function fromLunar(lunarYear: number, month: number, day: number): IsoDate {
  const [a11, b11] =
    month < 11
      ? [month11Start(lunarYear - 1), month11Start(lunarYear)]
      : [month11Start(lunarYear), month11Start(lunarYear + 1)];
  const k = int(0.5 + (a11 - NEW_MOON_EPOCH) / MEAN_SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365 && offset >= leapMonthOffset(a11)) offset += 1;
  return fromJulianDay(newMoonDay(k + offset) + day - 1);
}

/** Mùng 1 Tết: the first day of the first lunar month of `year`. */
export const lunarNewYear = (year: number): IsoDate => fromLunar(year, 1, 1);

/** Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month of `year`. */
export const hungKingsDay = (year: number): IsoDate => fromLunar(year, 3, 10);
