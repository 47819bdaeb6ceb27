import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { aCaseFile } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';

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
});
