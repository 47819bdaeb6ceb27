import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '#shared/domain/case';
import { deadlineSource, dueOn, endOfLimit } from '#shared/domain/deadlines';
import { deadlineKeys, legalProfiles, profileInForceOn } from '#shared/domain/legal-profile';
import { fixedHolidayCalendar } from '#shared/domain/working-days';

const calendar = fixedHolidayCalendar();

describe('legal profiles', () => {
  it('picks the profile in force on the day the file is opened, boundaries included', () => {
    expect(profileInForceOn('2022-01-01').version).toBe('2022-01-01');
    expect(profileInForceOn('2025-02-28').version).toBe('2022-01-01');
    expect(profileInForceOn('2025-03-01').version).toBe('2025-03-01');
    expect(profileInForceOn('2025-07-01').version).toBe('2025-07-01');
    expect(profileInForceOn('2026-11-22').version).toBe('2026-07-01');
  });

  it('gives every time limit of every profile a number, a unit, a start event and an article', () => {
    for (const profile of legalProfiles) {
      for (const key of deadlineKeys) {
        const limit = profile.limits[key];
        expect(limit.amount, `${profile.version} ${key}`).toBeGreaterThan(0);
        expect(limit.source, `${profile.version} ${key}`).toMatch(/Điều \d+/);
        expect(limit.from.length).toBeGreaterThan(3);
      }
    }
  });

  it('marks limits carried into the 2026 profile as unconfirmed until its texts are read', () => {
    const current = profileInForceOn('2026-11-22');
    expect(current.status).toBe('partial');
    expect(Object.values(current.limits).every((l) => l.confidence === 'U')).toBe(true);
    expect(profileInForceOn('2023-05-01').limits.review.confidence).toBe('C');
  });

  it('says where every confirmed number was read, and confirms only what was read in the text', () => {
    const profile2022 = profileInForceOn('2023-05-01');
    for (const [key, limit] of Object.entries(profile2022.limits)) {
      expect(limit.note, key).toMatch(/\S{3,}/);
      if (limit.confidence === 'C') expect(limit.note, key).toContain('Bộ pháp điển');
    }
    // Court procedure (PL-03): only the article titles could be read, so no number is confirmed.
    for (const key of [
      'courtAcceptance',
      'sessionScheduling',
      'courtDecision',
      'appealWindow',
      'appealDecision',
    ] as const) {
      expect(profile2022.limits[key].confidence, key).not.toBe('C');
      expect(profile2022.limits[key].source, key).toContain('Pháp lệnh 03/2022/UBTVQH15');
    }
    expect(profile2022.term.minor).toMatchObject({ min: 6, max: 12, confidence: 'C' });
    expect(profile2022.term.minor.source).toContain('Điều 33 khoản 3');
  });

  it('cites the clause of LAW73 Art. 40 that sets each supervision period', () => {
    const { limits } = profileInForceOn('2023-05-01');
    expect(limits.supervisionAdult).toMatchObject({ amount: 2, unit: 'years' });
    expect(limits.supervisionAdult.source).toContain('Điều 40 khoản 2');
    expect(limits.supervisionMinor).toMatchObject({ amount: 1, unit: 'years' });
    expect(limits.supervisionMinor.source).toContain('Điều 40 khoản 1');
  });

  it('names the body playing each role under each profile', () => {
    const label = (date: string, role: 'filing' | 'review' | 'court' | 'centre' | 'supervision') =>
      profileInForceOn(date).roleBodies[role].label;
    expect(label('2023-05-01', 'review')).toContain('Lao động - Thương binh và Xã hội');
    expect(label('2023-05-01', 'court')).toBe('Tòa án nhân dân cấp huyện');
    expect(label('2025-04-01', 'filing')).toBe('Trưởng Công an cấp xã');
    expect(label('2025-04-01', 'review')).toMatch(/^Cơ quan Công an/);
    expect(label('2025-04-01', 'centre')).toContain('Công an');
    expect(label('2025-04-01', 'court')).toBe('Tòa án nhân dân cấp huyện');
    expect(label('2025-08-01', 'court')).toBe('Tòa án nhân dân khu vực');
    expect(label('2026-11-22', 'court')).toBe('Tòa án nhân dân khu vực');
    for (const profile of legalProfiles) {
      for (const body of Object.values(profile.roleBodies)) expect(body.source).toMatch(/\S/);
    }
    // Where the routing of the reviewing step after 03/2025 is not confirmed, it says so.
    expect(profileInForceOn('2025-04-01').roleBodies.review.confidence).toBe('U');
  });

  it('keeps profiles in date order without gaps or overlaps', () => {
    for (let i = 1; i < legalProfiles.length; i += 1) {
      const previous = legalProfiles[i - 1];
      const next = legalProfiles[i];
      expect(previous?.validTo && next && previous.validTo < next.validFrom).toBe(true);
    }
  });
});

describe('time limits', () => {
  const profile2022 = profileInForceOn('2023-01-01');

  it('counts working days from the day after the event', () => {
    // Friday 20 November 2026 + 2 working days = Tuesday 24 November.
    expect(endOfLimit(profile2022.limits.review, '2026-11-20', calendar)).toBe('2026-11-24');
  });

  it('moves a calendar-day period that ends on a day off to the next working day', () => {
    // 5 days from Tuesday 25 August 2026 is Sunday 30 August: the period runs to Monday 31 August.
    expect(endOfLimit(profile2022.limits.escort, '2026-08-25', calendar)).toBe('2026-08-31');
    // 5 days from 28 August ends on 2 September, a holiday: 3 September.
    expect(endOfLimit(profile2022.limits.escort, '2026-08-28', calendar)).toBe('2026-09-03');
  });

  it('follows the profile the case was opened under, not the one in force today', () => {
    const record = { legalProfile: '2022-01-01', releaseDueOn: '2027-05-01' } as CaseRecord;
    expect(deadlineSource({ kind: 'limit', limit: 'review' }, record)).toBe(
      'Nghị định 116/2021/NĐ-CP, Điều 43 khoản 1',
    );
    const newer = { legalProfile: '2026-07-01' } as CaseRecord;
    expect(deadlineSource({ kind: 'limit', limit: 'review' }, newer)).toContain('chưa đối chiếu');
    expect(
      dueOn({ kind: 'caseDate', field: 'releaseDueOn', source: '' }, '2026-11-20', record, calendar),
    ).toBe('2027-05-01');
  });
});
