import { beforeEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '#shared/clock';
import { documentPlansFor } from '#shared/documents/case-documents';
import type { CaseRecord } from '#shared/domain/case';
import { CaseCommands } from '#shared/domain/case-commands';
import { WorkflowSteps } from '#shared/domain/workflow-steps';
import { fixedHolidayCalendar } from '#shared/domain/working-days';
import { ApprovalError } from '#shared/errors';
import {
  aCaseFile,
  actors,
  aMinorCaseFile,
  anActor,
  sessionOpening,
  sessionRecord,
} from '../support/factories';
import { testIssuer } from '../support/issuer';
import { MemoryCaseStore, RecordingEngine } from '../support/memory-store';

const NOW = Date.parse('2026-11-23T02:00:00Z'); // Monday 23 November 2026, 09:00 in Vietnam

async function rejection(promise: Promise<unknown>): Promise<ApprovalError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApprovalError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('CaseCommands', () => {
  let store: MemoryCaseStore;
  let engine: RecordingEngine;
  let clock: AdjustableClock;
  let commands: CaseCommands;
  let steps: WorkflowSteps;
  let ids = 0;

  beforeEach(() => {
    store = new MemoryCaseStore();
    engine = new RecordingEngine();
    clock = new AdjustableClock(NOW - Date.now());
    commands = new CaseCommands({
      store,
      engine,
      clock,
      newId: () => `case-${++ids}`,
      issuer: testIssuer(store),
    });
    steps = new WorkflowSteps({
      store,
      engine,
      clock,
      calendar: fixedHolidayCalendar(),
      issuer: testIssuer(store),
      plansFor: documentPlansFor,
    });
  });

  const openAndWaitFor = async (action: string) => {
    const opened = await commands.openCase(actors.police, aCaseFile());
    const caseId = opened.body.caseId;
    await steps.openTask({ taskToken: `token-${action}`, caseId, action, executionArn: 'arn:exec' });
    return caseId;
  };

  describe('opening a file', () => {
    it('opens the case at NOTIFIED with version 1 and starts the filing stage', async () => {
      const result = await commands.openCase(actors.police, aCaseFile());
      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({
        stage: 'NOTIFIED',
        version: 1,
        minor: false,
        legalProfile: '2026-07-01',
      });
      expect(result.body.routing).toEqual({
        filing: 'p-dong-phong',
        review: 'ldtbxh-tp-lai-chau',
        court: 'tand-tp-lai-chau',
        centre: 'cscn-lai-chau',
        supervision: 'p-dong-phong',
      });
      expect(engine.started).toEqual([
        { workflow: 'filing', caseId: result.body.caseId, input: { caseId: result.body.caseId } },
      ]);
      expect(store.events.map((e) => e.type)).toEqual(['caseOpened']);
    });

    it('names every missing or malformed field and changes nothing', async () => {
      const error = await rejection(
        commands.openCase(actors.police, {
          ...aCaseFile(),
          person: { ...aCaseFile().person, citizenId: '12ab' },
          grounds: [],
        }),
      );
      expect(error.status).toBe(400);
      const fields = (error.details.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['person.citizenId', 'grounds']));
      expect(store.cases.size).toBe(0);
      expect(engine.started).toHaveLength(0);
    });

    it('lets only the police of the commune where the person lives open the file', async () => {
      expect((await rejection(commands.openCase(actors.reviewer, aCaseFile()))).status).toBe(403);
      const otherCommune = anActor({ unitId: 'p-tan-phong' });
      expect((await rejection(commands.openCase(otherCommune, aCaseFile()))).status).toBe(403);
      expect(store.cases.size).toBe(0);
    });

    it('refuses a person under 12 and ground (d) for a minor', async () => {
      const child = await rejection(
        commands.openCase(actors.police, aCaseFile({ person: { dateOfBirth: '2015-01-01' } })),
      );
      expect(child.details.errors).toEqual([
        { field: 'person.dateOfBirth', rule: expect.stringContaining('12 tuổi') },
      ]);
      const minor = await rejection(
        commands.openCase(
          actors.police,
          aCaseFile({ person: { dateOfBirth: '2010-01-01' }, grounds: ['d'] }),
        ),
      );
      expect(minor.status).toBe(422);
      expect(minor.details.errors).toEqual([{ field: 'grounds', rule: expect.any(String) }]);
    });

    it('refuses a second file for a person whose earlier case is still open', async () => {
      const first = await commands.openCase(actors.police, aCaseFile());
      const error = await rejection(commands.openCase(actors.police, aCaseFile()));
      expect(error.status).toBe(409);
      expect(error.details).toMatchObject({
        openCaseId: first.body.caseId,
        errors: [{ field: 'person.citizenId', rule: expect.any(String) }],
      });
      const closed = store.cases.get(first.body.caseId);
      if (closed) closed.stage = 'CLOSED';
      expect((await commands.openCase(actors.police, aCaseFile())).status).toBe(201);
    });

    it("marks a person from 12 to under 18 as a minor, whose file names a parent or guardian and holds the minor's account and their opinion", async () => {
      const person = { dateOfBirth: '2010-01-01' };
      const bare = await rejection(commands.openCase(actors.police, aCaseFile({ person })));
      expect(bare.status).toBe(422);
      expect(bare.details.errors).toEqual([
        { field: 'guardian', rule: expect.stringContaining('Điều 34') },
        { field: 'documents', rule: expect.stringContaining('Mẫu số 31') },
        { field: 'documents', rule: expect.stringContaining('Mẫu số 38') },
      ]);
      const result = await commands.openCase(actors.police, aMinorCaseFile());
      expect(result.body.minor).toBe(true);
    });

    it('shows which body plays each role under the profile the case was opened under', async () => {
      const at = async (iso: string, citizenId: string) => {
        const then = new CaseCommands({
          store,
          engine,
          clock: new AdjustableClock(Date.parse(iso) - Date.now()),
          newId: () => `case-${++ids}`,
          issuer: testIssuer(store),
        });
        // The determination is dated that day: one dated later would be refused.
        const file = aCaseFile({
          person: { citizenId },
          addictionDetermination: { ...aCaseFile().addictionDetermination, determinedOn: iso.slice(0, 10) },
        });
        const opened = await then.openCase(actors.police, file);
        return opened.body;
      };
      const in2023 = await at('2023-06-01T03:00:00Z', '012090000201');
      expect(in2023.legalProfile).toBe('2022-01-01');
      expect(in2023.roleBodies.review).toMatchObject({
        label: 'Trưởng phòng Lao động - Thương binh và Xã hội cấp huyện',
        unitId: 'ldtbxh-tp-lai-chau',
        unitName: 'Phòng Lao động - Thương binh và Xã hội thành phố Lai Châu',
        confidence: 'C',
      });
      expect(in2023.roleBodies.court.unitName).toBe('Tòa án nhân dân thành phố Lai Châu');
      const inApril2025 = await at('2025-04-01T03:00:00Z', '012090000202');
      expect(inApril2025.legalProfile).toBe('2025-03-01');
      expect(inApril2025.roleBodies.filing.label).toBe('Trưởng Công an cấp xã');
      expect(inApril2025.roleBodies.review).toMatchObject({
        unitName: 'Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh Lai Châu',
        confidence: 'U',
      });
      expect(inApril2025.roleBodies.court.label).toBe('Tòa án nhân dân cấp huyện');
      const in2026 = await at('2026-11-23T03:00:00Z', '012090000203');
      expect(in2026.legalProfile).toBe('2026-07-01');
      expect(in2026.roleBodies.court).toMatchObject({
        label: 'Tòa án nhân dân khu vực',
        unitId: 'tand-tp-lai-chau',
        unitName: 'Tòa án nhân dân khu vực 1 - Lai Châu',
      });
      // The task routing follows the same units: the court task goes to the unit shown above.
      expect(in2026.routing.court).toBe(in2026.roleBodies.court.unitId);
    });
    it('refuses an addiction determination dated after today, naming the field, and stores nothing', async () => {
      const file = aCaseFile();
      const error = await rejection(
        commands.openCase(actors.police, {
          ...file,
          addictionDetermination: { ...file.addictionDetermination, determinedOn: '2026-11-24' },
        }),
      );
      expect(error.status).toBe(422);
      expect(error.details.errors).toEqual([
        { field: 'addictionDetermination.determinedOn', rule: 'không được sau ngày hôm nay' },
      ]);
      expect(store.cases.size).toBe(0);
      expect(store.events).toHaveLength(0);
      expect(store.documents.size).toBe(0);
      expect(engine.started).toHaveLength(0);
    });
  });

  describe('performing an action', () => {
    it('moves the case on, records who did it and completes the waiting task', async () => {
      const caseId = await openAndWaitFor('submitFile');
      const result = await commands.performAction(actors.police, caseId, 'submitFile', {
        expectedVersion: 2,
        input: { opinionsRecorded: true },
      });
      expect(result.body.version).toBe(3);
      expect(result.body.pendingTasks).toEqual([]);
      expect(engine.completed).toEqual([
        {
          taskToken: 'token-submitFile',
          output: expect.objectContaining({
            action: 'submitFile',
            eventSeq: 3,
            input: { opinionsRecorded: true },
          }),
        },
      ]);
      expect(store.events.at(-1)).toMatchObject({
        type: 'actionPerformed',
        action: 'submitFile',
        actor: { kind: 'person', userId: 'police-dong-phong', role: 'police', unitId: 'p-dong-phong' },
      });
    });

    it('refuses a role the task does not name, with 403, and changes nothing', async () => {
      const caseId = await openAndWaitFor('submitFile');
      const error = await rejection(
        commands.performAction(actors.reviewer, caseId, 'submitFile', {
          expectedVersion: 2,
          input: { opinionsRecorded: true },
        }),
      );
      expect(error.status).toBe(403);
      expect(error.details).toMatchObject({ requiredRole: ['police'], role: 'reviewer' });
      expect(store.cases.get(caseId)?.version).toBe(2);
      // The right role from another commune is refused for its unit.
      const elsewhere = await rejection(
        commands.performAction(anActor({ unitId: 'p-tan-phong' }), caseId, 'submitFile', {
          expectedVersion: 2,
          input: { opinionsRecorded: true },
        }),
      );
      expect(elsewhere.details).toMatchObject({
        requiredUnit: 'p-dong-phong',
        unit: 'p-tan-phong',
        relation: 'other',
      });
      expect(engine.completed).toHaveLength(0);
    });

    it('answers 409 with the current state when the expected version is stale', async () => {
      const caseId = await openAndWaitFor('submitFile');
      const error = await rejection(
        commands.performAction(actors.police, caseId, 'submitFile', {
          expectedVersion: 1,
          input: { opinionsRecorded: true },
        }),
      );
      expect(error.status).toBe(409);
      expect(error.details.current).toMatchObject({ caseId, version: 2 });
    });

    it('answers 409 when the action is not pending and 404 for an unknown action', async () => {
      const caseId = await openAndWaitFor('submitFile');
      const notPending = await rejection(
        commands.performAction(actors.reviewer, caseId, 'review', {
          expectedVersion: 2,
          input: { decision: 'forward' },
        }),
      );
      expect(notPending.status).toBe(409);
      expect((await rejection(commands.performAction(actors.police, caseId, 'approveAll', {}))).status).toBe(
        404,
      );
    });

    it('requires a reason when the reviewer returns the file', async () => {
      const caseId = await openAndWaitFor('review');
      const error = await rejection(
        commands.performAction(actors.reviewer, caseId, 'review', {
          expectedVersion: 2,
          input: { decision: 'returnForSupplement' },
        }),
      );
      expect(error.status).toBe(400);
      expect(error.details.errors).toEqual([
        { field: 'input.reason', rule: expect.stringContaining('bắt buộc') },
      ]);
    });

    it('refuses completing a draft file with an addiction determination dated after today', async () => {
      // Prepare: a draft opened on a relapse waits for the police to complete it.
      const opened = await commands.openCase(actors.police, aCaseFile());
      const caseId = opened.body.caseId;
      const draft = { ...(store.cases.get(caseId) as CaseRecord), stage: 'DRAFT' as const, draft: true };
      store.cases.set(caseId, draft);
      await steps.openTask({
        taskToken: 'token-completeFile',
        caseId,
        action: 'completeFile',
        executionArn: 'arn:exec',
      });
      const before = structuredClone(store.cases.get(caseId));
      const events = store.events.length;
      const documents = store.documents.size;

      // Act
      const error = await rejection(
        commands.performAction(actors.police, caseId, 'completeFile', {
          expectedVersion: before?.version,
          input: {
            addictionDetermination: {
              facility: 'Trung tâm Y tế thành phố Lai Châu',
              determinedOn: '2026-11-24',
              documentNumber: '31/XĐTTN',
            },
            documents: [
              { kind: 'addictionDetermination', title: 'Phiếu kết quả xác định tình trạng nghiện' },
            ],
          },
        }),
      );

      // Assess
      expect(error.status).toBe(422);
      expect(error.details.errors).toEqual([
        { field: 'input.addictionDetermination.determinedOn', rule: 'không được sau ngày hôm nay' },
      ]);
      expect(store.cases.get(caseId)).toEqual(before);
      expect(store.events).toHaveLength(events);
      expect(store.documents.size).toBe(documents);
      expect(engine.completed).toHaveLength(0);
    });

    it('keeps the court within the legal term of 12 to 24 months for adults', async () => {
      const caseId = await openAndWaitFor('openSession');
      await commands.performAction(actors.court, caseId, 'openSession', {
        expectedVersion: 2,
        input: sessionOpening('2026-11-23'),
      });
      await steps.openTask({ taskToken: 'token-decide', caseId, action: 'decide', executionArn: 'arn:exec' });
      const error = await rejection(
        commands.performAction(actors.court, caseId, 'decide', {
          expectedVersion: 4,
          input: { outcome: 'apply', ...sessionRecord, decidedOn: '2026-11-23', months: 30 },
        }),
      );
      expect(error.status).toBe(422);
      expect(error.details.errors).toEqual([
        { field: 'input.months', rule: expect.stringContaining('12 đến 24') },
      ]);
    });

    it('returns the first result for a retried Idempotency-Key and performs the step once', async () => {
      const caseId = await openAndWaitFor('submitFile');
      const body = { expectedVersion: 2, input: { opinionsRecorded: true } };
      const first = await commands.performAction(actors.police, caseId, 'submitFile', body, 'retry-key-0001');
      const second = await commands.performAction(
        actors.police,
        caseId,
        'submitFile',
        body,
        'retry-key-0001',
      );
      expect(second.replayed).toBe(true);
      expect(second.body).toEqual(first.body);
      expect(store.events.filter((e) => e.type === 'actionPerformed')).toHaveLength(1);
      // The retry repeats the workflow call in case the first attempt stopped before it.
      expect(engine.completed.map((c) => c.taskToken)).toEqual(['token-submitFile', 'token-submitFile']);
    });

    it('refuses an Idempotency-Key reused for a different request', async () => {
      const caseId = await openAndWaitFor('submitFile');
      await commands.performAction(
        actors.police,
        caseId,
        'submitFile',
        { expectedVersion: 2, input: { opinionsRecorded: true } },
        'retry-key-0002',
      );
      const error = await rejection(
        commands.performAction(
          actors.police,
          caseId,
          'submitFile',
          { expectedVersion: 2, input: { opinionsRecorded: false } },
          'retry-key-0002',
        ),
      );
      expect(error.status).toBe(422);
    });

    it('lets exactly one of two concurrent attempts win', async () => {
      const caseId = await openAndWaitFor('submitFile');
      const body = { expectedVersion: 2, input: { opinionsRecorded: true } };
      const results = await Promise.allSettled([
        commands.performAction(actors.police, caseId, 'submitFile', body),
        commands.performAction(actors.police, caseId, 'submitFile', body),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((failed.reason as ApprovalError).status).toBe(409);
      expect(engine.completed).toHaveLength(1);
    });

    it('answers concurrent requests with one Idempotency-Key with the first answer or "in progress", never another', async () => {
      const caseId = await openAndWaitFor('submitFile');
      const body = { expectedVersion: 2, input: { opinionsRecorded: true } };
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () =>
          commands.performAction(actors.police, caseId, 'submitFile', body, 'same-key-0001'),
        ),
      );
      const answered = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as ApprovalError] : []));
      expect(answered.length).toBeGreaterThanOrEqual(1);
      for (const result of answered) expect(result.body).toEqual(answered[0]?.body);
      for (const error of refused) {
        expect(error.status).toBe(409);
        expect(error.title).toBe('Idempotency key in use');
        expect(error.headers['retry-after']).toBe('1');
      }
      expect(store.events.filter((e) => e.type === 'actionPerformed')).toHaveLength(1);
      // Once the first has answered, a retry gets that answer.
      const retried = await commands.performAction(
        actors.police,
        caseId,
        'submitFile',
        body,
        'same-key-0001',
      );
      expect(retried).toMatchObject({ replayed: true, body: answered[0]?.body });
    });

    it('frees the key of a request refused before it wrote anything, so a corrected retry runs', async () => {
      const caseId = await openAndWaitFor('submitFile');
      const stale = await rejection(
        commands.performAction(
          actors.police,
          caseId,
          'submitFile',
          { expectedVersion: 1, input: { opinionsRecorded: true } },
          'fix-key-0001',
        ),
      );
      expect(stale.status).toBe(409);
      expect(store.idempotency.has(`${actors.police.userId}#fix-key-0001`)).toBe(false);
      // Run afresh (not "in progress", not a stored refusal): the same request meets the same rule.
      const again = await rejection(
        commands.performAction(
          actors.police,
          caseId,
          'submitFile',
          { expectedVersion: 1, input: { opinionsRecorded: true } },
          'fix-key-0001',
        ),
      );
      expect(again.details.errors).toEqual([{ field: 'expectedVersion', rule: expect.any(String) }]);
      const corrected = await commands.performAction(
        actors.police,
        caseId,
        'submitFile',
        { expectedVersion: 2, input: { opinionsRecorded: true } },
        'fix-key-0001',
      );
      expect(corrected.status).toBe(200);
    });

    it('lets a retry take over a key whose request died holding it', async () => {
      const caseId = await openAndWaitFor('submitFile');
      const body = { expectedVersion: 2, input: { opinionsRecorded: true } };
      const key = `${actors.police.userId}#dead-key-0001`;
      const reservedAt = clock.now();
      await store.reserveIdempotency({
        key,
        requestHash: 'of-a-request-that-died',
        state: 'inProgress',
        reservationId: 'died',
        reservedAt: reservedAt.toISOString(),
        expiresAt: new Date(reservedAt.getTime() + 60_000).toISOString(),
      });
      clock.advance(61_000);
      const result = await commands.performAction(actors.police, caseId, 'submitFile', body, 'dead-key-0001');
      expect(result.status).toBe(200);
    });
  });
});
