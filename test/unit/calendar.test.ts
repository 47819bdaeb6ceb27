import { describe, expect, it } from 'vitest';
import { type HolidayYear, vietnamHolidayYears } from '#shared/domain/calendar/holidays';
import { fromLunar, hungKingsDay, lunarNewYear, toLunar } from '#shared/domain/calendar/lunar';
import { statutoryDaysOff } from '#shared/domain/calendar/statutory-days';
import {
  addWorkingDaysVn,
  calendarFor,
  InvalidHolidayData,
  isWorkingDayVn,
  nextWorkingDayOnOrAfter,
  vietnameseCalendar,
} from '#shared/domain/calendar/vietnam-calendar';
import { addDays, type IsoDate, isValidIsoDate } from '#shared/domain/dates';

const datesBetween = (from: IsoDate, to: IsoDate): IsoDate[] => {
  const dates: IsoDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
};
const weekday = (date: IsoDate): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: IsoDate): boolean => weekday(date) === 0 || weekday(date) === 6;
const daysOffOf = (entry: HolidayYear): IsoDate[] =>
  entry.daysOff.flatMap((period) => datesBetween(period.from, period.to));
const yearEntry = (year: number): HolidayYear => {
  const entry = vietnamHolidayYears.find((candidate) => candidate.year === year);
  if (!entry) throw new Error(`no data for ${year}`);
  return entry;
};

/** Tết and Hùng Kings' day as the decisions of 2020–2026 state them (mùng 1 from their lunar labels). */
const DECIDED_LUNAR_DATES = [
  { year: 2020, tet: '2020-01-25', hungKings: '2020-04-02' },
  { year: 2021, tet: '2021-02-12', hungKings: '2021-04-21' },
  { year: 2022, tet: '2022-02-01', hungKings: '2022-04-10' },
  { year: 2023, tet: '2023-01-22', hungKings: '2023-04-29' },
  { year: 2024, tet: '2024-02-10', hungKings: '2024-04-18' },
  { year: 2025, tet: '2025-01-29', hungKings: '2025-04-07' },
  { year: 2026, tet: '2026-02-17', hungKings: '2026-04-26' },
];

describe('decided days off', () => {
  const expectOff = (from: IsoDate, to: IsoDate) => {
    for (const date of datesBetween(from, to)) expect(isWorkingDayVn(date), date).toBe(false);
  };

  it('gives Tết Giáp Thìn 2024 from Thursday 8 to Wednesday 14 February, and no more', () => {
    expectOff('2024-02-08', '2024-02-14');
    expect(isWorkingDayVn('2024-02-07')).toBe(true);
    expect(isWorkingDayVn('2024-02-15')).toBe(true);
  });

  it('gives Tết Ất Tỵ 2025 from Saturday 25 January to Sunday 2 February', () => {
    expectOff('2025-01-25', '2025-02-02');
    expect(isWorkingDayVn('2025-01-24')).toBe(true);
    expect(isWorkingDayVn('2025-02-03')).toBe(true);
  });

  it('gives Tết Bính Ngọ 2026 from Saturday 14 to Sunday 22 February', () => {
    expectOff('2026-02-14', '2026-02-22');
    expect(isWorkingDayVn('2026-02-13')).toBe(true);
    expect(isWorkingDayVn('2026-02-23')).toBe(true);
    expect(vietnameseCalendar.holidayName('2026-02-17')).toBe('Tết Nguyên đán Bính Ngọ');
  });

  it('gives 2 September 2025 and the Monday before it off, and works on 3 September', () => {
    expect(isWorkingDayVn('2025-09-01')).toBe(false);
    expect(isWorkingDayVn('2025-09-02')).toBe(false);
    expect(isWorkingDayVn('2025-09-03')).toBe(true);
    expect(isWorkingDayVn('2025-08-29')).toBe(true);
  });

  it('makes up swapped weekdays on Saturdays that become working days', () => {
    const swaps = [
      { saturday: '2024-05-04', weekdayOff: '2024-04-29' },
      { saturday: '2025-04-26', weekdayOff: '2025-05-02' },
      { saturday: '2026-01-10', weekdayOff: '2026-01-02' },
      { saturday: '2026-08-22', weekdayOff: '2026-08-31' },
    ];
    for (const { saturday, weekdayOff } of swaps) {
      expect(weekday(saturday)).toBe(6);
      expect(vietnameseCalendar.isMakeUpWorkday(saturday)).toBe(true);
      expect(isWorkingDayVn(saturday), saturday).toBe(true);
      expect(isWorkingDayVn(weekdayOff), weekdayOff).toBe(false);
    }
    expect(vietnameseCalendar.isMakeUpWorkday('2024-05-11')).toBe(false);
    expect(isWorkingDayVn('2024-05-11')).toBe(false);
  });

  it('gives a compensatory Monday when a holiday falls on a weekend', () => {
    expect(isWorkingDayVn('2022-01-03')).toBe(false); // 1 January 2022 was a Saturday
    expect(isWorkingDayVn('2026-04-27')).toBe(false); // Hùng Kings' day 2026 was a Sunday
    expect(isWorkingDayVn('2026-04-28')).toBe(true);
  });

  it('gives 2020 only 2 September for National Day (Labour Code 2012)', () => {
    expect(isWorkingDayVn('2020-09-02')).toBe(false);
    expect(isWorkingDayVn('2020-09-01')).toBe(true);
    expect(isWorkingDayVn('2020-09-03')).toBe(true);
  });
});

describe('counting working days with the Vietnamese calendar', () => {
  it('counts across Tết: the day after Friday 13 February 2026 is Monday 23 February', () => {
    expect(addWorkingDaysVn('2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDaysVn('2026-02-12', 5)).toBe('2026-02-26');
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(addWorkingDaysVn('2024-05-03', 1)).toBe('2024-05-04');
    // Friday 26 April 2024: 27–28 weekend, 29 swapped, 30/4 and 1/5 holidays.
    expect(addWorkingDaysVn('2024-04-26', 1)).toBe('2024-05-02');
    expect(addWorkingDaysVn('2026-08-21', 1)).toBe('2026-08-22');
  });

  it('returns the start date for zero days and rejects negative or fractional counts', () => {
    expect(addWorkingDaysVn('2026-02-14', 0)).toBe('2026-02-14');
    expect(() => addWorkingDaysVn('2026-02-14', -1)).toThrow(RangeError);
    expect(() => addWorkingDaysVn('2026-02-14', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDaysVn('2026-02-30', 1)).toThrow(RangeError);
  });

  it('moves a period ending on a day off to the next working day', () => {
    expect(nextWorkingDayOnOrAfter('2026-02-14')).toBe('2026-02-23');
    expect(nextWorkingDayOnOrAfter('2026-02-23')).toBe('2026-02-23');
    expect(nextWorkingDayOnOrAfter('2026-08-22')).toBe('2026-08-22');
    expect(nextWorkingDayOnOrAfter('2026-08-29')).toBe('2026-09-03');
  });
});

describe('coverage', () => {
  it('covers 2020 through 2030 and says which years are decided', () => {
    expect(vietnameseCalendar.coveredYears).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030,
    ]);
    expect(vietnameseCalendar.coverage('2026-11-24')).toBe('decided');
    expect(vietnameseCalendar.coverage('2027-02-08')).toBe('statutory');
    expect(vietnameseCalendar.coverage('2019-12-31')).toBe('fallback');
    expect(vietnameseCalendar.coverage('2031-01-23')).toBe('fallback');
  });

  it('knows only weekends and the fixed holidays outside the covered years', () => {
    expect(isWorkingDayVn('2031-09-02')).toBe(false);
    expect(vietnameseCalendar.holidayName('2031-09-02')).toBe('Quốc khánh');
    // Tết 2031 (Thursday 23 January) is not in the data: the fallback cannot know it.
    expect(isWorkingDayVn('2031-01-23')).toBe(true);
    expect(vietnameseCalendar.holidayName('2031-01-23')).toBeUndefined();
  });

  it('uses the statutory days where no decision exists yet', () => {
    for (const date of datesBetween('2027-02-05', '2027-02-11'))
      expect(isWorkingDayVn(date), date).toBe(false);
    expect(isWorkingDayVn('2027-02-04')).toBe(true);
    expect(isWorkingDayVn('2027-02-12')).toBe(true);
    expect(isWorkingDayVn('2028-05-02')).toBe(false); // 30 April 2028 is a Sunday
  });
});

describe('lunar calendar', () => {
  it('finds Tết and Hùng Kings’ day of every decided year', () => {
    for (const { year, tet, hungKings } of DECIDED_LUNAR_DATES) {
      expect(lunarNewYear(year), `Tết ${year}`).toBe(tet);
      expect(hungKingsDay(year), `Hùng Kings ${year}`).toBe(hungKings);
    }
  });

  it('gives the lunar dates the decisions print beside their solar dates', () => {
    expect(toLunar('2020-01-23')).toEqual({ day: 29, month: 12, year: 2019, leap: false });
    expect(toLunar('2023-01-20')).toEqual({ day: 29, month: 12, year: 2022, leap: false });
    expect(toLunar('2025-01-25')).toEqual({ day: 26, month: 12, year: 2024, leap: false });
    expect(toLunar('2026-02-14')).toEqual({ day: 27, month: 12, year: 2025, leap: false });
    expect(toLunar('2026-02-22')).toEqual({ day: 6, month: 1, year: 2026, leap: false });
  });

  it('places Tết 2030 on 2 February in Vietnam (UTC+7), a day before China', () => {
    expect(lunarNewYear(2030)).toBe('2030-02-02');
  });

  it('handles a leap month: 2023 had a leap second month, so 10/3 came late', () => {
    expect(toLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(fromLunar(2023, 3, 1)).toBe('2023-04-20');
    // First days of the lunar months of Quý Mão (2023), as printed in Vietnamese calendars.
    const monthStarts = ['2023-02-20', '2023-04-20', '2023-05-19', '2023-06-18', '2023-07-18', '2023-08-16'];
    const later = ['2023-09-15', '2023-10-15', '2023-11-13', '2023-12-13', '2024-01-11'];
    [...monthStarts, ...later].forEach((start, i) => {
      expect(toLunar(start), start).toEqual({ day: 1, month: i + 2, year: 2023, leap: false });
    });
  });

  it('never gives day 0 when the true new moon comes a day after the mean one', () => {
    // Found by the property test: the original algorithm returned day 0 on these dates.
    expect(toLunar('2054-05-07')).toEqual({ day: 30, month: 3, year: 2054, leap: false });
    expect(toLunar('2062-04-09')).toEqual({ day: 30, month: 2, year: 2062, leap: false });
  });

  it('converts back and forth', () => {
    for (const date of ['2027-02-06', '2028-04-04', '2029-09-02', '2030-12-31']) {
      const lunar = toLunar(date);
      if (!lunar.leap) expect(fromLunar(lunar.year, lunar.month, lunar.day)).toBe(date);
    }
  });
});

describe('holiday data', () => {
  it('has every year 2020–2030 once, in order, decided through 2026 and statutory after', () => {
    expect(vietnamHolidayYears.map((entry) => entry.year)).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030,
    ]);
    for (const entry of vietnamHolidayYears) {
      expect(entry.status, String(entry.year)).toBe(entry.year <= 2026 ? 'decided' : 'statutory');
    }
  });

  it('cites a decision for every decided year and says why the others are not decided', () => {
    for (const entry of vietnamHolidayYears) {
      const decisions = entry.sources.filter((source) => source.kind === 'decision');
      if (entry.status === 'decided') {
        expect(decisions.length, String(entry.year)).toBeGreaterThan(0);
        for (const decision of decisions) expect(decision.document).toMatch(/\d+/);
      } else {
        expect(decisions, String(entry.year)).toEqual([]);
        expect(entry.notes?.join(' ')).toMatch(/Chưa tìm thấy quyết định/);
      }
      expect(entry.sources.some((source) => source.kind === 'law')).toBe(true);
    }
  });

  it('has valid ISO dates, within their year, and no date twice', () => {
    const seen = new Set<IsoDate>();
    for (const entry of vietnamHolidayYears) {
      for (const period of entry.daysOff) {
        expect(isValidIsoDate(period.from) && isValidIsoDate(period.to), period.name).toBe(true);
        expect(period.from <= period.to).toBe(true);
        expect(period.name.length).toBeGreaterThan(0);
      }
      const dates = [...daysOffOf(entry), ...entry.makeUpWorkdays.map((day) => day.date)];
      for (const date of dates) {
        expect(Number(date.slice(0, 4)), date).toBe(entry.year);
        expect(seen.has(date), `${date} twice`).toBe(false);
        seen.add(date);
      }
    }
  });

  it('pairs each make-up Saturday with a weekday off of the same year', () => {
    for (const entry of vietnamHolidayYears) {
      const off = new Set(daysOffOf(entry));
      for (const day of entry.makeUpWorkdays) {
        expect(weekday(day.date), day.date).toBe(6);
        expect(isWeekend(day.replaces)).toBe(false);
        expect(off.has(day.replaces), day.replaces).toBe(true);
      }
    }
  });

  it('puts each decided year’s holidays inside its day-off periods, with 5 weekdays or more for Tết', () => {
    for (const { year, tet, hungKings } of DECIDED_LUNAR_DATES) {
      const off = new Set(daysOffOf(yearEntry(year)));
      const fixed = [`${year}-01-01`, `${year}-04-30`, `${year}-05-01`, `${year}-09-02`];
      for (const date of [...fixed, tet, addDays(tet, 1), addDays(tet, 2), hungKings]) {
        expect(off.has(date), `${year}: ${date}`).toBe(true);
      }
      const tetPeriod = yearEntry(year).daysOff.find((period) => period.from <= tet && tet <= period.to);
      const tetWeekdays = datesBetween(tetPeriod?.from ?? tet, tetPeriod?.to ?? tet).filter(
        (d) => !isWeekend(d),
      );
      expect(tetWeekdays.length, `Tết ${year}`).toBeGreaterThanOrEqual(5);
    }
  });

  it('writes the statutory years exactly as the Labour Code and the lunar calendar give them', () => {
    for (const year of [2027, 2028, 2029, 2030]) {
      const derived = statutoryDaysOff(year);
      const off = new Set(daysOffOf(yearEntry(year)));
      for (const day of derived) expect(off.has(day.date), `${year}: ${day.name} ${day.date}`).toBe(true);
      const derivedWeekdays = derived.map((day) => day.date).filter((date) => !isWeekend(date));
      const dataWeekdays = [...off].filter((date) => !isWeekend(date));
      expect(dataWeekdays.sort(), String(year)).toEqual(derivedWeekdays.sort());
    }
  });

  it('refuses contradictory data when a calendar is built', () => {
    const base = yearEntry(2024);
    expect(() => calendarFor([base, base])).toThrow(InvalidHolidayData);
    const saturdayInsidePeriod = {
      ...base,
      makeUpWorkdays: [{ date: '2024-04-27', name: 'x', replaces: '2024-04-29' }],
    };
    expect(() => calendarFor([saturdayInsidePeriod])).toThrow(InvalidHolidayData);
    const periodInWrongYear = { ...base, daysOff: [{ name: 'x', from: '2025-01-01', to: '2025-01-01' }] };
    expect(() => calendarFor([periodInWrongYear])).toThrow(InvalidHolidayData);
  });
});
