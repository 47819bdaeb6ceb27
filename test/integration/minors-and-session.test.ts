import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { aCaseFile, aMinorCaseFile, handover, sessionRecord } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';

const DAY = 24 * 60 * 60 * 1000;

/** Days from one ISO date to another. */
const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY;

describe('minors and the court session, through the local HTTP API', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;
  let nextCitizen = 700;

  beforeAll(async () => {
    ({ runtime, api } = await startTestRuntime());
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  const today = () => api.today();
  const citizen = () => `012210${String(++nextCitizen).padStart(6, '0')}`;
  const actions = (body: { pendingTasks: { action: string }[] }) =>
    body.pendingTasks.map((t) => t.action).sort();

  const toCourt = async (caseId: string) => {
    // The minor's parents or guardian are notified of the file and may read it (LAW73 Art. 34(2)).
    const unnotified = await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
    expect(unnotified.status).toBe(422);
    expect(unnotified.body.errors).toEqual([{ field: 'input.guardianNotified', rule: expect.any(String) }]);
    const submitted = await api.act(caseId, 'submitFile', users.police, {
      opinionsRecorded: true,
      guardianNotified: true,
    });
    expect(submitted.status).toBe(200);
    await api.act(caseId, 'review', users.reviewer, {
      decision: 'forward',
      childProtectionOpinion:
        'Bảo đảm quyền được học văn hóa; gia đình phối hợp quản lý, thăm gặp hằng tháng.',
    });
    const acceptedOn = await today();
    const accepted = await api.act(caseId, 'acceptFile', users.court, {
      decision: 'accept',
      acceptedOn,
      judgeName: 'Nguyễn Thị Hạnh',
    });
    expect(accepted.status).toBe(200);
    return acceptedOn;
  };

  it("refuses a minor's file without the guardian, the minor's account and the guardian's opinion, creating nothing", async () => {
    const citizenId = citizen();
    const bare = aCaseFile({ person: { citizenId, dateOfBirth: '2010-03-04' } });
    const refused = await api.request('POST', '/cases', { as: users.police, body: bare });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      { field: 'guardian', rule: expect.stringContaining('Điều 34') },
      { field: 'documents', rule: expect.stringContaining('Mẫu số 31') },
      { field: 'documents', rule: expect.stringContaining('Mẫu số 38') },
    ]);
    const onlyGuardian = aMinorCaseFile({
      person: { citizenId },
      documents: [{ kind: 'violationRecord', title: 'Biên bản vi phạm' }],
    });
    const stillRefused = await api.request('POST', '/cases', { as: users.police, body: onlyGuardian });
    expect(stillRefused.status).toBe(422);
    expect(stillRefused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'documents',
      'documents',
    ]);
    const person = await api.request('GET', `/persons/${citizenId}/cases`, { as: users.police });
    expect(person.body.items).toEqual([]);
    // An adult's file needs none of these.
    const adult = aCaseFile({ person: { citizenId: citizen() } });
    expect((await api.request('POST', '/cases', { as: users.police, body: adult })).status).toBe(201);
  });

  it('takes a minor through the session with a guardian, a 6–12 month term and one year of supervision', async () => {
    const opened = await api.request('POST', '/cases', {
      as: users.police,
      body: aMinorCaseFile({ person: { citizenId: citizen() } }),
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ minor: true, file: { guardian: { relation: 'mẹ' } } });
    const caseId = opened.body.caseId as string;
    const acceptedOn = await toCourt(caseId);

    // After acceptance the court decides to open a session; no decision can be recorded yet.
    const accepted = await api.waitFor(caseId, 'openSession', users.court);
    expect(accepted.body.stage).toBe('ACCEPTED');
    expect(actions(accepted.body)).toEqual([
      'openSession',
      'recordDeath',
      'requestDocuments',
      'terminateCase',
    ]);
    const scheduling = accepted.body.pendingTasks.find((t: { action: string }) => t.action === 'openSession');
    expect(scheduling.deadlineSource).toContain('Điều 17');
    expect(daysBetween(acceptedOn, scheduling.dueOn)).toBeGreaterThanOrEqual(10);
    const tooEarly = await api.request('POST', `/cases/${caseId}/actions/decide`, {
      as: users.court,
      body: {
        expectedVersion: accepted.body.version,
        input: {
          outcome: 'apply',
          ...sessionRecord,
          decidedOn: acceptedOn,
          months: 6,
          guardianPresent: true,
        },
      },
    });
    expect(tooEarly.status).toBe(409);

    const session = {
      decidedOn: await today(),
      sessionDate: new Date(Date.parse(`${await today()}T00:00:00Z`) + 2 * DAY).toISOString().slice(0, 10),
      sessionPlace: 'Phòng họp thân thiện, Tòa án nhân dân thành phố Lai Châu',
    };
    // The friendly procedure: a minor's parent or guardian is summoned to the session.
    const unsummoned = await api.act(caseId, 'openSession', users.court, session);
    expect(unsummoned.status).toBe(422);
    expect(unsummoned.body.errors).toEqual([{ field: 'input.guardianSummoned', rule: expect.any(String) }]);
    const badDates = await api.act(caseId, 'openSession', users.court, {
      ...session,
      guardianSummoned: true,
      sessionDate: '2020-01-01',
    });
    expect(badDates.status).toBe(400);
    expect(badDates.body.errors).toEqual([{ field: 'input.sessionDate', rule: expect.any(String) }]);
    expect(
      (await api.act(caseId, 'openSession', users.court, { ...session, guardianSummoned: true })).status,
    ).toBe(200);

    const scheduled = await api.waitFor(caseId, 'decide', users.court);
    expect(scheduled.body).toMatchObject({
      stage: 'SESSION_SCHEDULED',
      session: {
        decidedOn: session.decidedOn,
        date: session.sessionDate,
        place: session.sessionPlace,
        online: false,
        guardianSummoned: true,
      },
    });
    expect(actions(scheduled.body)).toEqual(['decide', 'recordDeath', 'requestDocuments', 'terminateCase']);
    const deciding = scheduled.body.pendingTasks.find((t: { action: string }) => t.action === 'decide');
    // Opened under the profile in force today (from 07/2025): a regional court decides.
    expect(deciding).toMatchObject({
      role: 'court',
      unitId: 'tand-tp-lai-chau',
      body: 'Tòa án nhân dân khu vực',
    });
    expect(scheduled.body.roleBodies.court.unitName).toBe('Tòa án nhân dân khu vực 1 - Lai Châu');
    // 15 days from acceptance (PL-03 Art. 8), not from the session decision.
    expect(daysBetween(acceptedOn, deciding.dueOn)).toBeGreaterThanOrEqual(15);
    expect(daysBetween(acceptedOn, deciding.dueOn)).toBeLessThan(20);

    const decision = { outcome: 'apply', ...sessionRecord, guardianPresent: true };
    const beforeSession = await api.act(caseId, 'decide', users.court, {
      ...decision,
      decidedOn: await today(),
      months: 6,
    });
    expect(beforeSession.status).toBe(422);
    expect(beforeSession.body.errors).toEqual([
      { field: 'input.decidedOn', rule: expect.stringContaining('phiên họp') },
    ]);
    await runtime.advanceClock(2 * DAY);
    const sessionDay = await today();
    const tooLong = await api.act(caseId, 'decide', users.court, {
      ...decision,
      decidedOn: sessionDay,
      months: 18,
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors).toEqual([
      { field: 'input.months', rule: expect.stringContaining('6 đến 12') },
    ]);
    const { guardianPresent: _omitted, ...withoutPresence } = decision;
    const presenceUnknown = await api.act(caseId, 'decide', users.court, {
      ...withoutPresence,
      decidedOn: sessionDay,
      months: 12,
    });
    expect(presenceUnknown.status).toBe(422);
    expect(presenceUnknown.body.errors[0].field).toBe('input.guardianPresent');
    expect(
      (await api.act(caseId, 'decide', users.court, { ...decision, decidedOn: sessionDay, months: 12 }))
        .status,
    ).toBe(200);

    await api.act(caseId, 'closeAppealWindow', users.court, { effectiveOn: await today() });
    await api.act(caseId, 'admit', users.centre, { admittedOn: await today(), ...handover });
    await runtime.advanceClock(360 * DAY);
    await api.waitFor(caseId, 'release', users.centre);
    await runtime.advanceClock(10 * DAY);
    const releasedOn = await today();
    await api.act(caseId, 'release', users.centre, { releasedOn });
    const supervised = await api.waitFor(caseId, 'recordRelapse', users.supervisor);
    // Minors are managed for one year after release (LAW73 Art. 40(1)), adults two.
    expect(supervised.body.supervisionEndsOn.slice(0, 4)).toBe(String(Number(releasedOn.slice(0, 4)) + 1));
    expect(supervised.body.supervisionEndsOn.slice(5)).toBe(releasedOn.slice(5));
  });
});
