import type { IsoDate } from '#shared/domain/dates';

/**
 * Vietnamese wording rules of Decree 30/2020/NĐ-CP (ND-30), Appendix I, Part I, Section II.
 * Sources read: the Appendix text (scribd.com/document/652855730/Phuluc1) and two summaries
 * quoting it (ttpc.ktxhcm.edu.vn "Hướng dẫn viết ngày tháng năm trong văn bản đúng chuẩn Nghị định
 * 30"; luatvietnam.vn "Cách ghi số và ký hiệu văn bản đúng chuẩn Nghị định 30").
 */

const pad2 = (n: number): string => String(n).padStart(2, '0');

function parts(date: IsoDate): { day: number; month: number; year: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { day, month, year };
}

/**
 * "ngày 05 tháng 3 năm 2026". ND-30 App. I §II.4(b): "các số thể hiện ngày, tháng, năm dùng chữ số
 * Ả Rập; đối với những số thể hiện ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước" —
 * so days 01–09 and months 01, 02 take a zero; months 3–12 do not (no month 13 to forge).
 */
export function dateInWords(date: IsoDate): string {
  const { day, month, year } = parts(date);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** Place and date of issue, ND-30 App. I §II.4: "Lai Châu, ngày 05 tháng 3 năm 2026". */
export const placeAndDate = (place: string, date: IsoDate): string => `${place}, ${dateInWords(date)}`;

/** A short date for tables and lists: "05/3/2026", with the same zero rule. */
export function shortDate(date: IsoDate): string {
  const { day, month, year } = parts(date);
  return `${pad2(day)}/${month <= 2 ? pad2(month) : month}/${year}`;
}

export interface DocumentNumber {
  /** The register's running number for the year. */
  sequence: number;
  /** The symbol: type of document and issuing body, e.g. "QĐ-UBND", "QĐ-TA", "TB-UBND". */
  symbol: string;
  /** Courts write the year between number and symbol ("05/2026/QĐ-TA"); ND-30 bodies do not. */
  year?: number;
}

/**
 * "Số: 05/QĐ-UBND". ND-30 App. I §II.3(c): numbers below 10 take a leading zero; the symbol is
 * upper case, joined to the number by "/" and its groups by "-".
 */
export function numberLine({ sequence, symbol, year }: DocumentNumber): string {
  const number = sequence < 10 ? pad2(sequence) : String(sequence);
  return `Số: ${[number, year, symbol.toUpperCase()].filter((p) => p !== undefined).join('/')}`;
}

/** Upper case with every diacritic kept ("Ủy ban nhân dân" → "ỦY BAN NHÂN DÂN"). */
export const upperVi = (text: string): string => text.normalize('NFC').toLocaleUpperCase('vi-VN');

/** "Ông" / "Bà", as the person is addressed in a document. */
export const honorific = (gender: 'male' | 'female'): string => (gender === 'male' ? 'Ông' : 'Bà');

const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** 0–99 in words, as durations are written beside their figures: 18 → "mười tám", 21 → "hai mươi mốt". */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`numberInWords: ${n} is outside 0–99`);
  if (n < 10) return digits[n] as string;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const head = tens === 1 ? 'mười' : `${digits[tens]} mươi`;
  if (units === 0) return head;
  if (units === 5) return `${head} lăm`;
  if (units === 1 && tens > 1) return `${head} mốt`;
  if (units === 4 && tens > 1) return `${head} tư`;
  return `${head} ${digits[units]}`;
}

/** "18 (mười tám) tháng". */
export const monthsInWords = (months: number): string => `${pad2(months)} (${numberInWords(months)}) tháng`;

/** "05 (năm) ngày làm việc". */
export const workingDaysInWords = (days: number): string =>
  `${pad2(days)} (${numberInWords(days)}) ngày làm việc`;

/** Legal-basis lines as ND-30 App. I §II.6 sets them: each ends with ";" and the last with ".". */
export function withBasisPunctuation(lines: readonly string[]): string[] {
  return lines.map((line, i) => `${line.replace(/[;.,\s]+$/, '')}${i === lines.length - 1 ? '.' : ';'}`);
}
