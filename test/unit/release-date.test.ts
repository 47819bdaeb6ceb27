import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '#shared/domain/dates';
import { releaseDate } from '#shared/domain/release-date';

const isoDate = fc
  .date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('release date', () => {
  it('is admission plus the term when nothing is deducted or added', () => {
    expect(releaseDate({ admittedOn: '2026-01-15', months: 18, deductedDays: 0, absences: [] })).toBe(
      '2027-07-15',
    );
    expect(releaseDate({ admittedOn: '2026-08-31', months: 12, deductedDays: 0, absences: [] })).toBe(
      '2027-08-31',
    );
  });

  it('deducts interim management at a facility and adds absent time', () => {
    const base = { admittedOn: '2026-03-10', months: 12 };
    expect(releaseDate({ ...base, deductedDays: 20, absences: [] })).toBe('2027-02-18');
    expect(
      releaseDate({ ...base, deductedDays: 0, absences: [{ from: '2026-06-01', returnedOn: '2026-06-11' }] }),
    ).toBe('2027-03-20');
  });

  it('moves exactly one day earlier for each deducted day (property)', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 6, max: 24 }),
        fc.integer({ min: 0, max: 120 }),
        (admittedOn, months, d) => {
          const plain = releaseDate({ admittedOn, months, deductedDays: 0, absences: [] });
          const deducted = releaseDate({ admittedOn, months, deductedDays: d, absences: [] });
          expect(daysBetween(deducted, plain)).toBe(d);
        },
      ),
    );
  });

  it('moves exactly one day later for each day absent, however the absences are split (property)', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 6, max: 24 }),
        fc.array(
          fc.record({ offset: fc.integer({ min: 0, max: 300 }), length: fc.integer({ min: 0, max: 60 }) }),
          {
            maxLength: 4,
          },
        ),
        (admittedOn, months, spans) => {
          const absences = spans.map((s) => ({
            from: addDays(admittedOn, s.offset),
            returnedOn: addDays(admittedOn, s.offset + s.length),
          }));
          const total = spans.reduce((sum, s) => sum + s.length, 0);
          const plain = releaseDate({ admittedOn, months, deductedDays: 0, absences: [] });
          expect(daysBetween(plain, releaseDate({ admittedOn, months, deductedDays: 0, absences }))).toBe(
            total,
          );
        },
      ),
    );
  });

  it('never ends before admission while the deduction is shorter than the term, and grows with the term (property)', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 6, max: 23 }),
        fc.integer({ min: 0, max: 150 }),
        (admittedOn, months, d) => {
          const shorter = releaseDate({ admittedOn, months, deductedDays: d, absences: [] });
          const longer = releaseDate({ admittedOn, months: months + 1, deductedDays: d, absences: [] });
          expect(shorter > admittedOn).toBe(true);
          expect(longer > shorter).toBe(true);
        },
      ),
    );
  });
});
