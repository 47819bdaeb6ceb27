import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, isValidIsoDate, startOfVietnamDay, vietnamDate } from '#shared/domain/dates';
import { addWorkingDays, fixedHolidayCalendar, isWorkingDay } from '#shared/domain/working-days';

describe('calendar dates', () => {
  it('adds months and falls back to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 24)).toBe('2028-03-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('counts age in whole years, turning over on the birthday itself', () => {
    expect(ageOn('2008-11-22', '2026-11-21')).toBe(17);
    expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
  });

  it('uses the Vietnamese calendar date, seven hours ahead of UTC', () => {
    expect(vietnamDate(new Date('2026-11-22T16:59:59Z'))).toBe('2026-11-22');
    expect(vietnamDate(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
    expect(startOfVietnamDay('2026-11-23').toISOString()).toBe('2026-11-22T17:00:00.000Z');
  });

  it('rejects dates that do not exist', () => {
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
  });
});

describe('working days', () => {
  const calendar = fixedHolidayCalendar();

  it('skips Saturdays and Sundays', () => {
    // Friday 20 November 2026 + 1 working day = Monday 23 November.
    expect(addWorkingDays('2026-11-20', 1, calendar)).toBe('2026-11-23');
    expect(isWorkingDay('2026-11-21', calendar)).toBe(false);
  });

  it('skips the fixed public holidays of 30 April and 1 May', () => {
    // Wednesday 29 April 2026 + 2 working days: Thu 30/4 and Fri 1/5 are holidays, so Tue 5 May.
    expect(addWorkingDays('2026-04-29', 2, calendar)).toBe('2026-05-05');
  });

  it('skips holidays supplied as dated data', () => {
    const withTet = fixedHolidayCalendar(['2026-02-16', '2026-02-17']);
    expect(addWorkingDays('2026-02-13', 1, withTet)).toBe('2026-02-18');
  });
});
