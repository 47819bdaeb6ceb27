import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLunar, toLunar } from '#shared/domain/calendar/lunar';
import {
  addWorkingDaysVn,
  isWorkingDayVn,
  nextWorkingDayOnOrAfter,
} from '#shared/domain/calendar/vietnam-calendar';
import { addDays, addMonths, daysBetween, type IsoDate } from '#shared/domain/dates';

/** Dates from 2019 to 2031: inside the covered years and across both edges of the data. */
const FIRST = '2019-01-01';
const date = fc.integer({ min: 0, max: daysBetween(FIRST, '2031-12-31') }).map((n) => addDays(FIRST, n));
/** Any date from 1900 to 2100, for month arithmetic. */
const anyDate = fc
  .integer({ min: 0, max: daysBetween('1900-01-01', '2100-12-31') })
  .map((n) => addDays('1900-01-01', n));
const count = fc.integer({ min: 0, max: 80 });

const workingDaysIn = (after: IsoDate, upTo: IsoDate): number => {
  let n = 0;
  for (let day = addDays(after, 1); day <= upTo; day = addDays(day, 1)) if (isWorkingDayVn(day)) n += 1;
  return n;
};
const parts = (d: IsoDate) => d.split('-').map(Number) as [number, number, number];
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

describe('addWorkingDaysVn properties', () => {
  it('lands on a working day strictly after the start for n ≥ 1', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 80 }), (from, n) => {
        const end = addWorkingDaysVn(from, n);
        expect(isWorkingDayVn(end)).toBe(true);
        expect(end > from).toBe(true);
      }),
    );
  });

  it('counts exactly n working days in (start, result]', () => {
    fc.assert(
      fc.property(date, count, (from, n) => {
        const end = addWorkingDaysVn(from, n);
        expect(workingDaysIn(from, end)).toBe(n);
        // The result is the first date that completes the count, not a later one.
        if (n > 0) expect(workingDaysIn(from, addDays(end, -1))).toBe(n - 1);
      }),
    );
  });

  it('is monotone in n', () => {
    fc.assert(
      fc.property(date, count, count, (from, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowEnd = addWorkingDaysVn(from, low);
        const highEnd = addWorkingDaysVn(from, high);
        expect(lowEnd <= highEnd).toBe(true);
        if (low < high) expect(lowEnd < highEnd).toBe(true);
      }),
    );
  });

  it('adds in steps: n = a + b is a then b', () => {
    fc.assert(
      fc.property(date, count, count, (from, a, b) => {
        expect(addWorkingDaysVn(from, a + b)).toBe(addWorkingDaysVn(addWorkingDaysVn(from, a), b));
      }),
    );
  });

  it('never moves a working day, and moves a day off to the first working day after it', () => {
    fc.assert(
      fc.property(date, (day) => {
        const next = nextWorkingDayOnOrAfter(day);
        expect(isWorkingDayVn(next)).toBe(true);
        if (isWorkingDayVn(day)) expect(next).toBe(day);
        else expect(next).toBe(addWorkingDaysVn(day, 1));
      }),
    );
  });
});

describe('addMonths properties', () => {
  const months = fc.integer({ min: 0, max: 240 });

  it('never overflows into the following month, and keeps the day when it exists', () => {
    fc.assert(
      fc.property(anyDate, months, (from, m) => {
        const [y, mo, d] = parts(from);
        const [ry, rmo, rd] = parts(addMonths(from, m));
        const monthIndex = y * 12 + (mo - 1) + m;
        expect(ry * 12 + (rmo - 1)).toBe(monthIndex);
        expect(rd).toBeLessThanOrEqual(d);
        expect(rd).toBe(Math.min(d, daysInMonth(ry, rmo)));
      }),
    );
  });

  it('never goes back in time for m ≥ 0', () => {
    fc.assert(
      fc.property(anyDate, months, (from, m) => {
        expect(addMonths(from, m) >= from).toBe(true);
      }),
    );
  });

  it('moves to the same month of the next year when adding 12 months', () => {
    fc.assert(
      fc.property(anyDate, (from) => {
        const [y, mo] = parts(from);
        const [ry, rmo] = parts(addMonths(from, 12));
        expect(ry).toBe(y + 1);
        expect(rmo).toBe(mo);
      }),
    );
  });
});

describe('lunar conversion properties', () => {
  it('goes back to the same date from a non-leap lunar date', () => {
    fc.assert(
      fc.property(anyDate, (day) => {
        const lunar = toLunar(day);
        if (!lunar.leap) expect(fromLunar(lunar.year, lunar.month, lunar.day)).toBe(day);
      }),
    );
  });

  it('advances one lunar day a day, and months have 29 or 30 days', () => {
    fc.assert(
      fc.property(anyDate, (day) => {
        const today = toLunar(day);
        const tomorrow = toLunar(addDays(day, 1));
        if (tomorrow.day === 1) expect([29, 30]).toContain(today.day);
        else expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
      }),
    );
  });
});
