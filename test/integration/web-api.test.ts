import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { aCaseFile, handover, sessionOpening, sessionRecord } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';
import { flatText } from '../support/pdf-text';

const DAY = 24 * 60 * 60 * 1000;

describe('the web front end API', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;
  let nextCitizen = 500;

  beforeAll(async () => {
    ({ runtime, api } = await startTestRuntime());
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  const openCase = async (person: { fullName?: string; citizenId?: string } = {}) => {
    const citizenId = person.citizenId ?? `012091${String(++nextCitizen).padStart(6, '0')}`;
    const file = aCaseFile({ person: { ...person, citizenId } });
    const response = await api.request('POST', '/cases', { as: users.police, body: file });
    expect(response.status).toBe(201);
    const caseId = response.body.caseId as string;
    await api.waitFor(caseId, 'submitFile', users.police);
    return { caseId, citizenId };
  };

  describe('GET /me/tasks', () => {
    it("lists the tasks waiting for the caller's role and unit, overdue first, with counts", async () => {
      const late = await openCase({ fullName: 'Lường Văn Muộn' });
      await runtime.advanceClock(10 * DAY);
      await api.waitUntil(late.caseId, users.police, (c) => Boolean(c.pendingTasks[0]?.escalatedAt));
      const fresh = await openCase({ fullName: 'Tòng Thị Mới' });

      const inbox = await api.request('GET', '/me/tasks', { as: users.police });
      expect(inbox.status).toBe(200);
      // Each case also offers standing steps (death, absconding…) beside the main one.
      const mine = inbox.body.items.filter(
        (t: { caseId: string; action: string }) =>
          [late.caseId, fresh.caseId].includes(t.caseId) && t.action === 'submitFile',
      );
      expect(mine).toEqual([
        expect.objectContaining({
          caseId: late.caseId,
          action: 'submitFile',
          label: expect.any(String),
          role: 'police',
          unitId: 'p-dong-phong',
          overdue: true,
          stage: 'NOTIFIED',
          person: { fullName: 'Lường Văn Muộn', citizenId: late.citizenId, dateOfBirth: '1990-05-17' },
        }),
        expect.objectContaining({
          caseId: fresh.caseId,
          overdue: false,
          person: expect.objectContaining({ fullName: 'Tòng Thị Mới' }),
        }),
      ]);
      // Most urgent first over the whole list: every overdue task before any other, then by due date.
      const items = inbox.body.items as { overdue: boolean; dueOn: string }[];
      const firstOnTime = items.findIndex((t) => !t.overdue);
      expect(items.slice(firstOnTime).every((t) => !t.overdue)).toBe(true);
      const onTime = items.slice(firstOnTime).map((t) => t.dueOn);
      expect(onTime).toEqual([...onTime].sort());
      expect(inbox.body.counts.submitFile).toBe(
        items.filter((t) => (t as { action?: string }).action === 'submitFile').length,
      );
      expect(inbox.body.overdueCount).toBe(items.filter((t) => t.overdue).length);
      expect(inbox.body.overdueCount).toBeGreaterThanOrEqual(1);

      // Another commune's police and the review office see none of them.
      for (const other of [users.otherPolice, users.reviewer]) {
        const theirs = await api.request('GET', '/me/tasks', { as: other });
        expect(theirs.status).toBe(200);
        expect(theirs.body.items.map((t: { caseId: string }) => t.caseId)).not.toContain(late.caseId);
      }

      // Once submitted, the task moves to the review office's inbox.
      expect(
        (await api.act(fresh.caseId, 'submitFile', users.police, { opinionsRecorded: true })).status,
      ).toBe(200);
      await api.waitFor(fresh.caseId, 'review', users.reviewer);
      const police = await api.request('GET', '/me/tasks', { as: users.police });
      expect(police.body.items).not.toContainEqual(
        expect.objectContaining({ caseId: fresh.caseId, action: 'submitFile' }),
      );
      const reviewer = await api.request('GET', '/me/tasks', { as: users.reviewer });
      expect(reviewer.body.items).toContainEqual(
        expect.objectContaining({ caseId: fresh.caseId, action: 'review', stage: 'UNDER_REVIEW' }),
      );
    });

    it('needs a signed-in user', async () => {
      expect((await api.request('GET', '/me/tasks')).status).toBe(401);
    });
  });

  describe('GET /cases: filters and search', () => {
    const ids = (response: { body: { items: { caseId: string }[] } }) =>
      response.body.items.map((item) => item.caseId);

    it('finds a case by citizen ID or by a diacritic-insensitive prefix of the name or of a word of it', async () => {
      const hung = await openCase({ fullName: 'Nguyễn Văn Hùng' });
      const huong = await openCase({ fullName: 'Lò Thị Hương' });
      const search = (q: string, as: string = users.police) =>
        api.request('GET', `/cases?q=${encodeURIComponent(q)}`, { as });

      const byId = await search(hung.citizenId);
      expect(byId.status).toBe(200);
      expect(byId.body.items).toEqual([
        expect.objectContaining({
          caseId: hung.caseId,
          person: { fullName: 'Nguyễn Văn Hùng', citizenId: hung.citizenId, dateOfBirth: '1990-05-17' },
          stage: 'NOTIFIED',
          filingUnitId: 'p-dong-phong',
          nextDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          overdue: false,
        }),
      ]);
      expect(ids(await search('nguyen van h'))).toContain(hung.caseId);
      expect(ids(await search('NGUYỄN'))).toContain(hung.caseId);
      expect(ids(await search('hùng'))).toContain(hung.caseId);
      const huon = ids(await search('huon'));
      expect(huon).toContain(huong.caseId);
      expect(huon).not.toContain(hung.caseId);
      expect(ids(await search('van hung'))).not.toContain(hung.caseId);

      // Within the units the caller may list: the review office and the province's auditor see it,
      // another commune's police do not.
      expect(ids(await search('hung', users.reviewer))).toContain(hung.caseId);
      expect(ids(await search('hung', users.auditor))).toContain(hung.caseId);
      expect(ids(await search('hung', users.otherPolice))).not.toContain(hung.caseId);
      expect(ids(await search(hung.citizenId, users.otherPolice))).toEqual([]);
      for (const role of [users.supervisor, users.centre])
        expect((await search('hung', role)).status).toBe(403);
    });

    it('names the field and the rule when the search text is not usable', async () => {
      const short = await api.request('GET', '/cases?q=12345', { as: users.police });
      expect(short.status).toBe(422);
      expect(JSON.stringify(short.body)).toContain('12 chữ số');
      expect(short.body.errors?.[0]?.field ?? short.body.field).toBe('q');
      const tooShort = await api.request('GET', '/cases?q=a', { as: users.police });
      expect(tooShort.status).toBeGreaterThanOrEqual(400);
      expect(tooShort.status).toBeLessThan(500);
      const bad = await api.request('GET', '/cases?overdue=maybe', { as: users.police });
      expect(bad.status).toBeGreaterThanOrEqual(400);
    });

    it('keeps only the cases with a missed deadline when overdue=true', async () => {
      const late = await openCase({ fullName: 'Quàng Văn Trễ' });
      await runtime.advanceClock(10 * DAY);
      await api.waitUntil(late.caseId, users.police, (c) => Boolean(c.pendingTasks[0]?.escalatedAt));
      const fresh = await openCase({ fullName: 'Quàng Thị Đúng' });
      const overdue = await api.request('GET', '/cases?overdue=true&limit=100', { as: users.police });
      expect(overdue.status).toBe(200);
      expect(ids(overdue)).toContain(late.caseId);
      expect(ids(overdue)).not.toContain(fresh.caseId);
      expect(overdue.body.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
      const both = await api.request('GET', '/cases?overdue=true&q=quang', { as: users.police });
      expect(ids(both)).toEqual([late.caseId]);
      const plain = await api.request('GET', '/cases?unit=p-dong-phong&limit=100', { as: users.police });
      expect(plain.body.items).toContainEqual(
        expect.objectContaining({ caseId: late.caseId, overdue: true }),
      );
      expect(plain.body.items).toContainEqual(
        expect.objectContaining({ caseId: fresh.caseId, overdue: false }),
      );
    });
  });

  describe('indicators kept as counters', () => {
    const today = () => api.today();
    const reportUnits = ['p-dong-phong', 'tp-lai-chau', 'tinh-lai-chau'];
    const indicators = async (unitId: string, period: string) => {
      const response = await api.request('GET', `/units/${unitId}/indicators?period=${period}`, {
        as: users.auditor,
      });
      expect(response.status).toBe(200);
      return response.body;
    };
    const snapshot = (period: string) => Promise.all(reportUnits.map((unit) => indicators(unit, period)));

    it('moves the counters of the commune, its district and the province on each transition', async () => {
      const year = (await today()).slice(0, 4);
      const before = await snapshot(year);
      const { caseId } = await openCase({ fullName: 'Vàng A Chỉ' });
      expect((await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true })).status).toBe(
        200,
      );
      await api.waitFor(caseId, 'review', users.reviewer);
      expect((await api.act(caseId, 'review', users.reviewer, { decision: 'forward' })).status).toBe(200);
      await api.waitFor(caseId, 'acceptFile', users.court);
      const accepted = await api.act(caseId, 'acceptFile', users.court, {
        decision: 'accept',
        acceptedOn: await today(),
        judgeName: 'Nguyễn Thị Hạnh',
      });
      expect(accepted.status).toBe(200);
      await api.waitFor(caseId, 'openSession', users.court);
      expect((await api.act(caseId, 'openSession', users.court, sessionOpening(await today()))).status).toBe(
        200,
      );
      const decided = await api.act(caseId, 'decide', users.court, {
        outcome: 'apply',
        ...sessionRecord,
        decidedOn: await today(),
        months: 12,
      });
      expect(decided.status).toBe(200);
      await api.waitFor(caseId, 'closeAppealWindow', users.court);
      const effective = await api.act(caseId, 'closeAppealWindow', users.court, {
        effectiveOn: await today(),
      });
      expect(effective.status).toBe(200);
      await api.waitFor(caseId, 'admit', users.centre);
      const admitted = await api.act(caseId, 'admit', users.centre, {
        admittedOn: await today(),
        ...handover,
      });
      expect(admitted.status).toBe(200);
      await api.waitUntil(caseId, users.centre, (c) => c.stage === 'IN_TREATMENT');
      await runtime.engine.idle();

      const after = await snapshot(year);
      for (const [i, unit] of reportUnits.entries()) {
        const was = before[i].indicators;
        const now = after[i].indicators;
        expect(now.filesCompiled - was.filesCompiled, unit).toBe(1);
        expect(now.decisionsToApply - was.decisionsToApply, unit).toBe(1);
        expect(now.sentToTreatment - was.sentToTreatment, unit).toBe(1);
        expect((now.casesByStage.IN_TREATMENT ?? 0) - (was.casesByStage.IN_TREATMENT ?? 0), unit).toBe(1);
        expect(now.stepTimes.submitFile.count - (was.stepTimes.submitFile?.count ?? 0), unit).toBe(1);
        expect(now.stepTimes.review.count - (was.stepTimes.review?.count ?? 0), unit).toBe(1);
        // The months add up to the period.
        const monthly = after[i].byMonth.reduce(
          (sum: number, m: { filesCompiled: number }) => sum + m.filesCompiled,
          0,
        );
        expect(monthly).toBe(now.filesCompiled);
      }
      expect(after[0]).toMatchObject({
        unitId: 'p-dong-phong',
        unitName: 'Phường Đông Phong',
        period: year,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
      });
      expect(after[0].byMonth).toHaveLength(12);

      // The term ends: released and taken under post-treatment management in the release's year.
      await runtime.advanceClock(370 * 24 * 60 * 60 * 1000);
      await api.waitFor(caseId, 'release', users.centre);
      const releaseYear = (await today()).slice(0, 4);
      const beforeRelease = await indicators('tp-lai-chau', releaseYear);
      const released = await api.act(caseId, 'release', users.centre, {
        releasedOn: await today(),
      });
      expect(released.status).toBe(200);
      await api.waitFor(caseId, 'recordRelapse', users.supervisor);
      await runtime.engine.idle();
      const afterRelease = await indicators('tp-lai-chau', releaseYear);
      expect(afterRelease.indicators.released - beforeRelease.indicators.released).toBe(1);
      expect(afterRelease.indicators.supervisionBegun - beforeRelease.indicators.supervisionBegun).toBe(1);
      expect(afterRelease.indicators.underSupervision - beforeRelease.indicators.underSupervision).toBe(1);
      expect(afterRelease.indicators.supervisionCoverage).toBe(100);
    });

    it('loses no count when transitions of different cases commit at once', async () => {
      const year = (await today()).slice(0, 4);
      const before = await indicators('tinh-lai-chau', year);
      const opened = await Promise.all([1, 2, 3, 4].map(() => openCase()));
      const submitted = await Promise.all(
        opened.map(({ caseId }) => api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true })),
      );
      expect(submitted.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      await Promise.all(opened.map(({ caseId }) => api.waitFor(caseId, 'review', users.reviewer)));
      await runtime.engine.idle();
      const after = await indicators('tinh-lai-chau', year);
      expect(after.indicators.filesCompiled - before.indicators.filesCompiled).toBe(4);
      expect(
        after.indicators.stepTimes.submitFile.count - (before.indicators.stepTimes.submitFile?.count ?? 0),
      ).toBe(4);
      expect(
        (after.indicators.casesByStage.UNDER_REVIEW ?? 0) -
          (before.indicators.casesByStage.UNDER_REVIEW ?? 0),
      ).toBe(4);
    });

    it('lets an administrator set targets, validates them and shows them beside the indicators', async () => {
      const year = (await today()).slice(0, 4);
      const put = (body: unknown, as: string = 'admin-lai-chau', unit = 'tp-lai-chau', y = year) =>
        api.request('PUT', `/units/${unit}/targets/${y}`, { as, body });
      const saved = await put({ sentToTreatment: 12 });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        unitId: 'tp-lai-chau',
        year: Number(year),
        sentToTreatment: 12,
        supervisionCoverage: 100,
      });
      const report = await indicators('tp-lai-chau', year);
      expect(report.targets).toMatchObject({
        year: Number(year),
        sentToTreatment: 12,
        supervisionCoverage: 100,
      });
      expect(report.targets.sentToTreatmentProgress).toBe(
        Math.round((1000 * report.indicators.sentToTreatment) / 12) / 10,
      );

      const negative = await put({ sentToTreatment: -1 });
      expect(negative.status).toBe(400);
      expect(JSON.stringify(negative.body)).toContain('sentToTreatment');
      expect((await put({ sentToTreatment: 5, extra: 1 })).status).toBe(400);
      expect((await put({ sentToTreatment: 5 }, 'admin-lai-chau', 'tp-lai-chau', 'next')).status).toBe(400);
      expect((await put({ sentToTreatment: 5 }, users.auditor)).status).toBe(403);
      expect((await put({ sentToTreatment: 5 }, users.police, 'p-dong-phong')).status).toBe(403);
      expect((await indicators('tp-lai-chau', year)).targets.sentToTreatment).toBe(12);
    });

    it('lets officers read their own unit and auditors the units within theirs, nothing else', async () => {
      const year = (await today()).slice(0, 4);
      const get = (unit: string, as: string, period = year) =>
        api.request('GET', `/units/${unit}/indicators?period=${period}`, { as });
      expect((await get('p-dong-phong', users.police)).status).toBe(200);
      expect((await get('p-dong-phong', users.otherPolice)).status).toBe(403);
      expect((await get('tp-lai-chau', users.police)).status).toBe(403);
      expect((await get('p-tan-phong', users.auditor)).status).toBe(200);
      expect((await get('nowhere', users.auditor)).status).toBe(404);
      const badPeriod = await get('p-dong-phong', users.police, `${year}-H3`);
      expect(badPeriod.status).toBe(400);
      expect(JSON.stringify(badPeriod.body)).toContain('period');
      const half = await get('p-dong-phong', users.police, `${year}-H2`);
      expect(half.body).toMatchObject({ from: `${year}-07-01`, to: `${year}-12-31` });
      expect(half.body.byMonth).toHaveLength(6);
    });

    it('exports the indicators as CSV with a BOM and Vietnamese headers, and as a Vietnamese PDF', async () => {
      const year = (await today()).slice(0, 4);
      const token = await api.token(users.auditor);
      const fetchAs = (format: string) =>
        fetch(`${api.baseUrl}/units/tp-lai-chau/indicators?period=${year}&format=${format}`, {
          headers: { authorization: `Bearer ${token}` },
        });
      const csv = await fetchAs('csv');
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      expect(text).toContain('Chỉ tiêu,Cả kỳ,Kế hoạch năm,Tháng 01/');
      expect(text).toContain('Số người được đưa vào cơ sở cai nghiện bắt buộc (đã tiếp nhận)');
      expect(text).toContain('Thành phố Lai Châu');

      const pdf = await fetchAs('pdf');
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const document = new Uint8Array(await pdf.arrayBuffer());
      expect(new TextDecoder().decode(document.slice(0, 5))).toBe('%PDF-');
      const pdfText = await flatText(document);
      expect(pdfText).toContain('BÁO CÁO');
      expect(pdfText).toContain('Số hồ sơ đã lập');
      expect(pdfText).toContain('THÀNH PHỐ LAI CHÂU');
    });
  });
});
