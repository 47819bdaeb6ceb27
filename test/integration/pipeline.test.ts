import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { aCaseFile, handover, sessionOpening, sessionRecord } from '../support/factories';
import { type ApiClient, type ApiResponse, startTestRuntime, users } from '../support/local-api';
import { openApiChecker } from '../support/openapi';

const DAY = 24 * 60 * 60 * 1000;

describe('the pipeline through the local HTTP API', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;
  let nextCitizen = 100;

  beforeAll(async () => {
    ({ runtime, api } = await startTestRuntime());
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  const today = () => api.today();

  const openCase = async (citizenId = `012090${String(++nextCitizen).padStart(6, '0')}`) => {
    const file = aCaseFile({ person: { citizenId } });
    const response = await api.request('POST', '/cases', { as: users.police, body: file });
    expect(response.status).toBe(201);
    return response.body.caseId as string;
  };

  const fileToCourt = async (caseId: string) => {
    expect((await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true })).status).toBe(200);
    expect((await api.act(caseId, 'review', users.reviewer, { decision: 'forward' })).status).toBe(200);
    const accepted = await api.act(caseId, 'acceptFile', users.court, {
      decision: 'accept',
      acceptedOn: await today(),
      judgeName: 'Nguyễn Thị Hạnh',
    });
    expect(accepted.status).toBe(200);
  };

  /** Nobody complains or protests within the window: the decision takes effect. */
  const takeEffect = async (caseId: string) =>
    expect(
      (await api.act(caseId, 'closeAppealWindow', users.court, { effectiveOn: await today() })).status,
    ).toBe(200);

  it('takes a case from the file to the end of supervision, each step by its own officer', async () => {
    const caseId = await openCase();
    const notified = await api.waitFor(caseId, 'submitFile', users.police);
    expect(notified.body.stage).toBe('NOTIFIED');
    // The case keeps the legal profile in force when it was opened, and names its bodies.
    expect(notified.body.legalProfile).toBe('2026-07-01');
    expect(notified.body.bodies).toMatchObject({ court: 'Tòa án nhân dân khu vực' });
    const task = notified.body.pendingTasks[0];
    expect(task).toMatchObject({
      action: 'submitFile',
      role: 'police',
      unitId: 'p-dong-phong',
      overdue: false,
    });
    expect(task.inputSchema.properties.opinionsRecorded.type).toBe('boolean');
    expect(task.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await fileToCourt(caseId);
    // Accepted, the court first decides to open its session: the decision is not offered yet.
    const accepted = await api.waitFor(caseId, 'openSession', users.court);
    expect(accepted.body.stage).toBe('ACCEPTED');
    expect(accepted.body.pendingTasks.map((t: { action: string }) => t.action).sort()).toEqual([
      'openSession',
      'recordDeath',
      'requestDocuments',
      'terminateCase',
    ]);
    const scheduled = await api.act(caseId, 'openSession', users.court, {
      ...sessionOpening(await today()),
      sessionPlace: 'Phòng họp số 2, trụ sở Tòa án',
    });
    expect(scheduled.status).toBe(200);
    const atSession = await api.waitFor(caseId, 'decide', users.court);
    expect(atSession.body.stage).toBe('SESSION_SCHEDULED');
    expect(atSession.body.session).toMatchObject({ place: 'Phòng họp số 2, trụ sở Tòa án', online: false });
    expect(atSession.body.pendingTasks.map((t: { action: string }) => t.action).sort()).toEqual([
      'decide',
      'recordDeath',
      'requestDocuments',
      'terminateCase',
    ]);
    const decided = await api.act(caseId, 'decide', users.court, {
      outcome: 'apply',
      ...sessionRecord,
      decidedOn: await today(),
      months: 12,
    });
    expect(decided.status).toBe(200);
    expect((await api.waitFor(caseId, 'closeAppealWindow', users.court)).body.stage).toBe('APPEAL_WINDOW');
    await takeEffect(caseId);

    const awaiting = await api.waitFor(caseId, 'admit', users.centre);
    expect(awaiting.body.stage).toBe('AWAITING_ADMISSION');
    const admittedOn = await today();
    expect((await api.act(caseId, 'admit', users.centre, { admittedOn, ...handover })).status).toBe(200);
    const inTreatment = await api.waitUntil(caseId, users.centre, (c) => c.stage === 'IN_TREATMENT');
    // No workflow waits through the term: only the events that may happen in the centre are offered.
    expect(inTreatment.body.pendingTasks.map((t: { action: string }) => t.action).sort()).toEqual([
      'recordAbscondingInTreatment',
      'recordDeathInCentre',
      'recordEarlyEnd',
      'recordReduction',
    ]);

    // The term runs on a timer, not an open execution: move the clock to the release notice.
    await runtime.advanceClock(360 * DAY);
    const releasing = await api.waitFor(caseId, 'release', users.centre);
    expect(releasing.body).toMatchObject({ stage: 'IN_TREATMENT', admittedOn });
    expect(releasing.body.releaseDueOn > admittedOn).toBe(true);
    await runtime.advanceClock(10 * DAY);
    expect(
      (
        await api.act(caseId, 'release', users.centre, {
          releasedOn: await today(),
        })
      ).status,
    ).toBe(200);

    const supervised = await api.waitFor(caseId, 'recordRelapse', users.supervisor);
    expect(supervised.body.stage).toBe('UNDER_SUPERVISION');
    await runtime.advanceClock(2 * 366 * DAY);
    const closed = await api.waitFor(caseId, 'CLOSED', users.police);
    expect(closed.body).toMatchObject({ stage: 'CLOSED', outcome: 'completed', pendingTasks: [] });

    await runtime.engine.idle();
    const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
    expect(history.status).toBe(200);
    const types = history.body.events.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('caseOpened');
    expect(types.at(-1)).toBe('caseClosed');
    const performed = history.body.events
      .filter((e: { type: string }) => e.type === 'actionPerformed')
      .map((e: { action: string; actor: { role: string } }) => `${e.action}:${e.actor.role}`);
    expect(performed).toEqual([
      'submitFile:police',
      'review:reviewer',
      'acceptFile:court',
      'openSession:court',
      'decide:court',
      'closeAppealWindow:court',
      'admit:centre',
      'release:centre',
    ]);
    expect(history.body.events.map((e: { seq: number }) => e.seq)).toEqual(
      types.map((_: string, i: number) => i + 1),
    );
    const review = history.body.events.find(
      (e: { action?: string; type: string }) => e.action === 'review' && e.type === 'actionPerformed',
    );
    expect(review).toMatchObject({
      actor: { kind: 'person', userId: users.reviewer, role: 'reviewer', unitId: 'ldtbxh-tp-lai-chau' },
      input: { decision: 'forward' },
      stateName: 'Await Review',
      executionArn: expect.stringMatching(new RegExp(`:execution:CaseFiling:${caseId}-filing$`)),
    });
    expect(Date.parse(review.at)).toBeGreaterThan(0);
    const workflows = history.body.executions.map(
      (e: { workflow: string; status: string }) => `${e.workflow}:${e.status}`,
    );
    expect(workflows).toEqual([
      'filing:SUCCEEDED',
      'admission:SUCCEEDED',
      'release:SUCCEEDED',
      'supervisionEnd:SUCCEEDED',
    ]);
    const filing = history.body.executions[0];
    const states = filing.events.map((e: { stateName?: string }) => e.stateName);
    expect(states).toContain('Await Session Scheduling');
    expect(states).toContain('Await Court Decision');
    expect(JSON.stringify(history.body)).not.toMatch(/taskToken"\s*:\s*"[^[]/);
  });

  it('returns the file for supplement any number of times, then closes it as ineligible', async () => {
    const caseId = await openCase();
    await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
    for (let round = 1; round <= 2; round += 1) {
      const returned = await api.act(caseId, 'review', users.reviewer, {
        decision: 'returnForSupplement',
        reason: 'Thiếu bản tóm tắt lý lịch có xác nhận.',
      });
      expect(returned.status).toBe(200);
      const supplementing = await api.waitFor(caseId, 'supplementFile', users.police);
      expect(supplementing.body).toMatchObject({ stage: 'SUPPLEMENTING', supplementRounds: round });
      const supplemented = await api.act(caseId, 'supplementFile', users.police, {
        documents: [{ kind: 'personalHistory', title: `Bản tóm tắt lý lịch (lần ${round})` }],
      });
      expect(supplemented.status).toBe(200);
    }
    const ineligible = await api.act(caseId, 'review', users.reviewer, {
      decision: 'ineligible',
      reason: 'Người bị đề nghị đang chấp hành án phạt tù.',
    });
    expect(ineligible.status).toBe(200);
    const closed = await api.waitFor(caseId, 'CLOSED', users.police);
    expect(closed.body).toMatchObject({ outcome: 'rejectedAtReview', supplementRounds: 2 });
    expect(closed.body.file.documents).toHaveLength(3);
  });

  it('shows each person the steps waiting for them, overdue first, then by due date', async () => {
    const inbox = async (as: string) => (await api.request('GET', '/me/tasks', { as })).body;
    const caseId = await openCase();
    await api.waitFor(caseId, 'submitFile', users.police);
    const police = await inbox(users.police);
    const mine = police.items.find((t: { caseId: string }) => t.caseId === caseId);
    expect(mine).toMatchObject({ action: 'submitFile', role: 'police', overdue: false, stage: 'NOTIFIED' });
    expect(mine.person.fullName).toBe('Lò Văn Thử');
    expect(police.counts.submitFile).toBeGreaterThanOrEqual(1);
    const order = police.items.map(
      (t: { overdue: boolean; dueOn: string }) => `${t.overdue ? 0 : 1}${t.dueOn}`,
    );
    expect(order).toEqual([...order].sort());
    expect((await inbox(users.otherPolice)).items.some((t: { caseId: string }) => t.caseId === caseId)).toBe(
      false,
    );
    expect((await inbox(users.auditor)).items).toEqual([]);

    await fileToCourt(caseId);
    await api.waitFor(caseId, 'openSession', users.court);
    const judge = await inbox(users.judge);
    expect(
      judge.items
        .filter((t: { caseId: string }) => t.caseId === caseId)
        .map((t: { action: string }) => t.action)
        .sort(),
    ).toEqual(['openSession', 'requestDocuments', 'terminateCase']);
    // A procurator's work is the protest in the appeal window, not the court's other steps.
    expect(
      (await inbox(users.procurator)).items.filter((t: { caseId: string }) => t.caseId === caseId),
    ).toEqual([]);
  });

  it('decides only at a session the court has opened, and records where it sat', async () => {
    const caseId = await openCase();
    await fileToCourt(caseId);
    // The decision is not a step of this wait: the session is scheduled first.
    const accepted = await api.waitFor(caseId, 'openSession', users.court);
    const early = await api.request('POST', `/cases/${caseId}/actions/decide`, {
      as: users.court,
      body: {
        expectedVersion: accepted.body.version,
        input: { outcome: 'apply', ...sessionRecord, decidedOn: await today(), months: 12 },
      },
    });
    expect(early.status).toBe(409);
    expect((await api.request('GET', `/cases/${caseId}`, { as: users.court })).body.version).toBe(
      accepted.body.version,
    );
    const opened = await api.act(caseId, 'openSession', users.court, {
      decidedOn: await today(),
      sessionDate: await today(),
      sessionPlace: 'Hội trường Ủy ban nhân dân phường Đông Phong',
      online: true,
    });
    expect(opened.status).toBe(200);
    expect(opened.body.session).toMatchObject({
      place: 'Hội trường Ủy ban nhân dân phường Đông Phong',
      online: true,
    });
    // The session scheduled, the workflow moves on to the decision.
    const waiting = await api.waitFor(caseId, 'decide', users.court);
    expect(waiting.body.stage).toBe('SESSION_SCHEDULED');
    const decided = await api.act(caseId, 'decide', users.court, {
      outcome: 'apply',
      ...sessionRecord,
      decidedOn: await today(),
      months: 12,
    });
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toMatchObject({ outcome: 'apply', months: 12 });
  });

  it('closes the case when the court declines to apply the measure', async () => {
    const caseId = await openCase();
    await fileToCourt(caseId);
    await api.act(caseId, 'openSession', users.court, sessionOpening(await today()));
    const declined = await api.act(caseId, 'decide', users.court, {
      outcome: 'notApply',
      ...sessionRecord,
      decidedOn: await today(),
      reason: 'Không đủ căn cứ.',
    });
    expect(declined.status).toBe(200);
    await takeEffect(caseId);
    expect((await api.waitFor(caseId, 'CLOSED', users.court)).body.outcome).toBe('notApplied');
  });

  it('closes the case as relapsed when the supervisor records a relapse', async () => {
    const caseId = await openCase();
    await fileToCourt(caseId);
    await api.act(caseId, 'openSession', users.court, sessionOpening(await today()));
    await api.act(caseId, 'decide', users.court, {
      outcome: 'apply',
      ...sessionRecord,
      decidedOn: await today(),
      months: 12,
    });
    await takeEffect(caseId);
    await api.act(caseId, 'admit', users.centre, {
      admittedOn: await today(),
      ...handover,
    });
    await runtime.advanceClock(366 * DAY);
    await api.act(caseId, 'release', users.centre, { releasedOn: await today() });
    const relapse = await api.act(caseId, 'recordRelapse', users.supervisor, {
      detectedOn: await today(),
      note: 'Xét nghiệm dương tính với ma túy.',
    });
    expect(relapse.status).toBe(200);
    const closed = await api.waitFor(caseId, 'CLOSED', users.supervisor);
    expect(closed.body.outcome).toBe('relapsed');

    // The relapse opens a new file for the same person, ground (d) prefilled, linked to this case.
    const citizenId = closed.body.file.person.citizenId;
    await runtime.engine.idle();
    const person = await api.request('GET', `/persons/${citizenId}/cases`, { as: users.police });
    expect(person.status).toBe(200);
    expect(person.body.items.map((c: { stage: string }) => c.stage)).toEqual(['DRAFT', 'CLOSED']);
    expect(person.body.items[1]).toMatchObject({ caseId, outcome: 'relapsed', decision: { months: 12 } });
    const draftId = person.body.items[0].caseId as string;
    const draft = await api.waitFor(draftId, 'completeFile', users.police);
    expect(draft.body).toMatchObject({ draft: true, linkedCaseId: caseId, file: { grounds: ['d'] } });
    const duplicate = await api.request('POST', '/cases', {
      as: users.police,
      body: aCaseFile({ person: { citizenId } }),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.openCaseId).toBe(draftId);
    const completed = await api.act(draftId, 'completeFile', users.police, {
      addictionDetermination: {
        facility: 'Trung tâm Y tế thành phố Lai Châu',
        determinedOn: await today(),
        documentNumber: '31/XĐTTN',
      },
      documents: [{ kind: 'addictionDetermination', title: 'Phiếu kết quả xác định tình trạng nghiện' }],
    });
    expect(completed.status).toBe(200);
    const notified = await api.waitFor(draftId, 'submitFile', users.police);
    expect(notified.body).toMatchObject({
      stage: 'NOTIFIED',
      file: { addictionDetermination: { documentNumber: '31/XĐTTN' } },
    });
    expect(notified.body.draft).toBeUndefined();
    expect((await api.request('GET', '/persons/12345/cases', { as: users.police })).status).toBe(400);
  });

  it('marks a missed deadline overdue, records the escalation and lists it for the supervising unit', async () => {
    const caseId = await openCase();
    const pending = await api.waitFor(caseId, 'submitFile', users.police);
    expect(pending.body.pendingTasks[0].overdue).toBe(false);
    await runtime.advanceClock(10 * DAY);
    const overdue = await api.waitUntil(caseId, users.police, (c) => Boolean(c.pendingTasks[0]?.escalatedAt));
    expect(overdue.body.pendingTasks[0]).toMatchObject({ action: 'submitFile', overdue: true });
    const list = await api.request('GET', '/units/tp-lai-chau/overdue-tasks?limit=500', {
      as: users.reviewer,
    });
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ caseId, action: 'submitFile', unitId: 'p-dong-phong' }),
    );
    const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
    expect(history.body.events.filter((e: { type: string }) => e.type === 'deadlineMissed')).toHaveLength(1);
    // The officer can still act late; the task leaves the overdue list.
    expect((await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true })).status).toBe(200);
    const after = await api.request('GET', '/units/tp-lai-chau/overdue-tasks?limit=500', {
      as: users.reviewer,
    });
    expect(after.body.items.map((t: { caseId: string }) => t.caseId)).not.toContain(caseId);
    expect((await api.request('GET', '/units/nowhere/overdue-tasks', { as: users.reviewer })).status).toBe(
      404,
    );
    // Deny by default: a commune of another district does not see this district's list.
    const elsewhere = await runtime.identity.tokenFor({
      userId: 'police-tam-duong',
      name: 'Người Kiểm Thử',
      role: 'police',
      unitId: 'tt-tam-duong',
    });
    api.useToken('police-tam-duong', elsewhere);
    expect(
      (await api.request('GET', '/units/tp-lai-chau/overdue-tasks', { as: 'police-tam-duong' })).status,
    ).toBe(403);
  });

  it('lets one of two officers acting at once win and tells the other, recording the step once', async () => {
    const caseId = await openCase();
    const pending = await api.waitFor(caseId, 'submitFile', users.police);
    const body = { expectedVersion: pending.body.version, input: { opinionsRecorded: true } };
    const [a, b] = await Promise.all([
      api.request('POST', `/cases/${caseId}/actions/submitFile`, { as: users.police, body }),
      api.request('POST', `/cases/${caseId}/actions/submitFile`, { as: users.police, body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.headers.get('content-type')).toContain('application/problem+json');
    expect(loser.body.current.caseId).toBe(caseId);
    const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.police });
    expect(
      history.body.events.filter(
        (e: { action?: string; type: string }) => e.action === 'submitFile' && e.type === 'actionPerformed',
      ),
    ).toHaveLength(1);
  });

  it('returns the first result for a retried Idempotency-Key', async () => {
    const caseId = await openCase();
    const headers = { 'Idempotency-Key': `submit-${caseId}` };
    const first = await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true }, headers);
    const retry = await api.request('POST', `/cases/${caseId}/actions/submitFile`, {
      as: users.police,
      headers,
      body: { expectedVersion: first.body.version - 1, input: { opinionsRecorded: true } },
    });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    await api.waitFor(caseId, 'review', users.reviewer);
  });

  it('refuses the wrong role, a missing token and bad input, and changes nothing', async () => {
    const caseId = await openCase();
    const pending = await api.waitFor(caseId, 'submitFile', users.police);
    const version = pending.body.version;
    const path = `/cases/${caseId}/actions/submitFile`;

    const forbidden = await api.request('POST', path, {
      as: users.otherPolice,
      body: { expectedVersion: version, input: { opinionsRecorded: true } },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({
      requiredUnit: 'p-dong-phong',
      unit: 'p-tan-phong',
      relation: 'other',
    });

    expect((await api.request('POST', path, { body: { expectedVersion: version, input: {} } })).status).toBe(
      401,
    );

    const invalid = await api.request('POST', path, {
      as: users.police,
      body: { expectedVersion: version, input: { opinionsRecorded: 'yes' } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([{ field: 'input.opinionsRecorded', rule: expect.any(String) }]);

    const stale = await api.request('POST', path, {
      as: users.police,
      body: { expectedVersion: version - 1, input: { opinionsRecorded: true } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(version);

    const after = await api.request('GET', `/cases/${caseId}`, { as: users.police });
    expect(after.body.version).toBe(version);

    // Reading is checked too: the police of another commune do not handle this case.
    const foreign = await api.request('GET', `/cases/${caseId}`, { as: users.otherPolice });
    expect(foreign.status).toBe(403);
    expect(foreign.body.unit).toBe('p-tan-phong');
    expect((await api.request('GET', `/cases/${caseId}/history`, { as: users.otherPolice })).status).toBe(
      403,
    );
    expect((await api.request('GET', '/cases?unit=p-dong-phong', { as: users.otherPolice })).status).toBe(
      403,
    );
  });

  it('lists cases by unit and stage a page at a time with an opaque cursor', async () => {
    const ids = [await openCase(), await openCase(), await openCase()];
    for (const id of ids) await api.waitFor(id, 'submitFile', users.police);
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({
        unit: 'p-dong-phong',
        stage: 'NOTIFIED',
        limit: '2',
        ...(cursor && { cursor }),
      });
      const page = await api.request('GET', `/cases?${query}`, { as: users.police });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const item of page.body.items) {
        expect(item.stage).toBe('NOTIFIED');
        seen.add(item.caseId);
      }
      cursor = page.body.cursor;
    } while (cursor);
    for (const id of ids) expect(seen.has(id)).toBe(true);

    const bad = await api.request('GET', '/cases?stage=SOMEWHERE', { as: users.police });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('stage');
  });

  it('publishes an OpenAPI document generated from the schemas, and a health check', async () => {
    const doc = await api.request('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/cases',
        '/cases/{id}',
        '/cases/{id}/history',
        '/cases/{id}/actions/{action}',
      ]),
    );
    expect(doc.body.components.schemas.CaseFile.properties.person.properties.citizenId.pattern).toBe(
      '^\\d{12}$',
    );
    expect((await api.request('GET', '/health')).body).toEqual({
      status: 'ok',
      checks: { table: { ok: true }, engine: { ok: true } },
    });
  });

  it('answers as its served OpenAPI document says, errors included', async () => {
    const document = (await api.request('GET', '/openapi.json')).body;
    const check = openApiChecker(document);
    const caseId = await openCase();
    const submitted = await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
    const answers: [{ method: string; path: string }, ApiResponse][] = [
      [{ method: 'POST', path: '/cases/{id}/actions/{action}' }, submitted],
      [{ method: 'GET', path: '/health' }, await api.request('GET', '/health')],
      [
        { method: 'GET', path: '/cases/{id}' },
        await api.request('GET', `/cases/${caseId}`, { as: users.reviewer }),
      ],
      [{ method: 'GET', path: '/cases' }, await api.request('GET', '/cases', { as: users.police })],
      [
        { method: 'GET', path: '/cases' },
        await api.request('GET', '/cases?stage=SOMEWHERE', { as: users.police }),
      ],
      [{ method: 'GET', path: '/me/tasks' }, await api.request('GET', '/me/tasks', { as: users.reviewer })],
      [
        { method: 'GET', path: '/cases/{id}/history' },
        await api.request('GET', `/cases/${caseId}/history`, { as: users.police }),
      ],
      [
        { method: 'GET', path: '/cases/{id}/history/verify' },
        await api.request('GET', `/cases/${caseId}/history/verify`, { as: users.auditor }),
      ],
      [
        { method: 'GET', path: '/cases/{id}/reads' },
        await api.request('GET', `/cases/${caseId}/reads`, { as: users.auditor }),
      ],
      [
        { method: 'GET', path: '/cases/{id}/documents' },
        await api.request('GET', `/cases/${caseId}/documents`, { as: users.police }),
      ],
      [
        { method: 'GET', path: '/cases/{id}' },
        await api.request('GET', '/cases/no-such-case', { as: users.police }),
      ],
      [
        { method: 'GET', path: '/units/{unitId}/indicators' },
        await api.request('GET', '/units/p-dong-phong/indicators?period=2026', { as: users.police }),
      ],
    ];
    expect(answers.map(([, answer]) => answer.status)).toEqual([
      200, 200, 200, 200, 400, 200, 200, 200, 200, 200, 404, 200,
    ]);
    for (const [route, answer] of answers) {
      expect(check(route, answer), `${route.method} ${route.path} ${answer.status}`).toEqual([]);
    }
  });
});
