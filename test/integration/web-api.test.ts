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
});
