import { beforeEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '#shared/clock';
import { documentPlansFor } from '#shared/documents/case-documents';
import { CaseCommands } from '#shared/domain/case-commands';
import { WorkflowSteps } from '#shared/domain/workflow-steps';
import { fixedHolidayCalendar } from '#shared/domain/working-days';
import { ValidationFailedError } from '#shared/errors';
import {
  aCaseFile,
  actors,
  centreProposal,
  handover,
  sessionOpening,
  sessionRecord,
} from '../support/factories';
import { testIssuer } from '../support/issuer';
import { MemoryCaseStore, RecordingEngine } from '../support/memory-store';

const NOW = Date.parse('2026-11-20T02:00:00Z'); // Friday 20 November 2026 in Vietnam
const DAY = 24 * 60 * 60 * 1000;

describe('WorkflowSteps', () => {
  let store: MemoryCaseStore;
  let engine: RecordingEngine;
  let clock: AdjustableClock;
  let steps: WorkflowSteps;
  let commands: CaseCommands;
  let caseId: string;

  beforeEach(async () => {
    store = new MemoryCaseStore();
    engine = new RecordingEngine();
    clock = new AdjustableClock(NOW - Date.now());
    steps = new WorkflowSteps({
      store,
      engine,
      clock,
      calendar: fixedHolidayCalendar(),
      issuer: testIssuer(store),
      plansFor: documentPlansFor,
    });
    commands = new CaseCommands({ store, engine, clock, newId: () => 'case-1', issuer: testIssuer(store) });
    caseId = (await commands.openCase(actors.police, aCaseFile())).body.caseId;
  });

  const act = async (action: string, actor: (typeof actors)[keyof typeof actors], input: unknown) => {
    await steps.openTask({ taskToken: `t-${action}`, caseId, action, executionArn: 'arn:exec' });
    const version = store.cases.get(caseId)?.version ?? 0;
    await commands.performAction(actor, caseId, action, { expectedVersion: version, input });
  };

  it('opens a task once per token, with its role, unit and working-day due date', async () => {
    await steps.openTask({ taskToken: 'tok', caseId, action: 'submitFile', executionArn: 'arn:exec' });
    await steps.openTask({ taskToken: 'tok', caseId, action: 'submitFile', executionArn: 'arn:exec' });
    const tasks = [...store.tasks.values()];
    expect(tasks).toHaveLength(1);
    // 4 working days from Friday 20/11: Mon 23, Tue 24, Wed 25, Thu 26.
    expect(tasks[0]).toMatchObject({
      action: 'submitFile',
      role: 'police',
      unitId: 'p-dong-phong',
      dueOn: '2026-11-26',
    });
    expect(store.cases.get(caseId)?.stage).toBe('NOTIFIED');
    expect(store.events.filter((e) => e.type === 'taskOpened')).toHaveLength(1);
  });

  describe("a wait near its execution's limit", () => {
    const arn = 'arn:aws:states:ap-southeast-1:000000000000:execution:CaseFiling:case-1-filing';
    /** Fresh executions only: opening the case started the stage's first one. */
    const fresh = () => engine.started.filter((s) => s.name !== undefined);
    const wait = (startedDaysAgo: number, taskToken = 'tok') =>
      steps.openTask({
        taskToken,
        caseId,
        action: 'submitFile',
        executionArn: arn,
        executionStartTime: new Date(clock.now().getTime() - startedDaysAgo * DAY).toISOString(),
        executionLimitSeconds: (300 * DAY) / 1000,
        waitSeconds: (60 * DAY) / 1000,
      });

    it('opens a wait that ends more than a day inside the limit', async () => {
      await wait(238);
      expect([...store.tasks.values()].map((t) => t.action)).toEqual(['submitFile']);
      expect(fresh()).toEqual([]);
    });

    it('refuses one that could outlast it, with ExecutionNearLimit, once a fresh execution holds the wait', async () => {
      await expect(wait(240)).rejects.toMatchObject({ name: 'ExecutionNearLimit' });
      expect(store.tasks.size).toBe(0);
      expect(fresh()).toEqual([
        {
          workflow: 'filing',
          caseId,
          input: { caseId, resumeAt: 'submitFile' },
          name: expect.stringMatching(/^case-1-filing-[0-9a-f]{12}$/),
        },
      ]);
      // A retry of the same refusal starts nothing more and says so once.
      await expect(wait(240)).rejects.toMatchObject({ name: 'ExecutionNearLimit' });
      expect(fresh()).toHaveLength(1);
      const continued = store.events.filter((e) => e.type === 'workflowContinued');
      expect(continued).toHaveLength(1);
      expect(continued[0]).toMatchObject({ action: 'submitFile', executionArn: arn });
    });
  });

  it('rejects a malformed payload from the workflow by name', async () => {
    await expect(steps.openTask({ caseId, action: 'nope' })).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it('schedules release 15 days before the end of the term and begins two years of supervision', async () => {
    await act('openSession', actors.court, sessionOpening('2026-11-20'));
    await act('decide', actors.court, {
      outcome: 'apply',
      ...sessionRecord,
      decidedOn: '2026-11-20',
      months: 18,
    });
    await act('admit', actors.centre, { admittedOn: '2026-11-20', ...handover });
    await steps.runSystemStep({ step: 'scheduleRelease', caseId, executionArn: 'arn:exec' });
    expect(store.cases.get(caseId)).toMatchObject({ stage: 'IN_TREATMENT', releaseDueOn: '2028-05-20' });
    expect(store.timers.get(`${caseId}-release`)).toMatchObject({
      workflow: 'release',
      fireAt: '2028-05-04T17:00:00.000Z',
      status: 'PENDING',
    });

    expect(await steps.fireDueTimers()).toBe(0);
    clock.advance(540 * DAY);
    expect(await steps.fireDueTimers()).toBe(1);
    expect(engine.started.at(-1)).toEqual({ workflow: 'release', caseId, input: { caseId } });
    expect(store.timers.size).toBe(0);

    await act('release', actors.centre, { releasedOn: '2028-05-12' });
    await steps.runSystemStep({ step: 'beginSupervision', caseId, executionArn: 'arn:exec' });
    expect(store.cases.get(caseId)).toMatchObject({
      stage: 'UNDER_SUPERVISION',
      supervisionEndsOn: '2030-05-12',
    });
    expect([...store.tasks.values()].map((t) => t.action).sort()).toEqual([
      'recordDeathUnderSupervision',
      'recordRelapse',
    ]);
    expect(store.tasks.get(`${caseId}-recordDeathUnderSupervision`)?.dueOn).toBe('2030-05-12');
  });

  it('starts the closing stage on relapse and cancels the end-of-supervision timer', async () => {
    await act('release', actors.centre, { releasedOn: '2026-11-20' });
    await steps.runSystemStep({ step: 'beginSupervision', caseId, executionArn: 'arn:exec' });
    const version = store.cases.get(caseId)?.version ?? 0;
    await commands.performAction(actors.supervisor, caseId, 'recordRelapse', {
      expectedVersion: version,
      input: { detectedOn: '2026-11-20', note: 'Xét nghiệm dương tính.' },
    });
    expect(engine.started.at(-1)).toEqual({
      workflow: 'supervisionEnd',
      caseId,
      input: { caseId, outcome: 'relapsed' },
    });
    expect(store.timers.size).toBe(0);
  });

  it('refuses a relapse recorded after the supervision timer has fired', async () => {
    await act('release', actors.centre, { releasedOn: '2026-11-20' });
    await steps.runSystemStep({ step: 'beginSupervision', caseId, executionArn: 'arn:exec' });
    await store.claimTimer(`${caseId}-supervisionEnd`);
    const version = store.cases.get(caseId)?.version ?? 0;
    await expect(
      commands.performAction(actors.supervisor, caseId, 'recordRelapse', {
        expectedVersion: version,
        input: { detectedOn: '2026-11-20', note: 'Xét nghiệm dương tính.' },
      }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('closes a case once, removing its pending tasks and timers', async () => {
    await steps.openTask({ taskToken: 'tok', caseId, action: 'submitFile', executionArn: 'arn:exec' });
    await steps.runSystemStep({
      step: 'closeCase',
      outcome: 'rejectedAtReview',
      caseId,
      executionArn: 'arn:exec',
    });
    await steps.runSystemStep({
      step: 'closeCase',
      outcome: 'rejectedAtReview',
      caseId,
      executionArn: 'arn:exec',
    });
    expect(store.cases.get(caseId)).toMatchObject({ stage: 'CLOSED', outcome: 'rejectedAtReview' });
    expect(store.tasks.size).toBe(0);
    expect(store.events.filter((e) => e.type === 'caseClosed')).toHaveLength(1);
  });

  it('records a stalled task and withdraws it so the workflow can open it again', async () => {
    await steps.openTask({ taskToken: 'tok', caseId, action: 'submitFile', executionArn: 'arn:exec' });
    await steps.runSystemStep({
      step: 'escalateStalledTask',
      action: 'submitFile',
      caseId,
      executionArn: 'arn:exec',
    });
    expect(store.tasks.size).toBe(0);
    expect(store.events.at(-1)).toMatchObject({
      type: 'taskStalled',
      action: 'submitFile',
      actor: { kind: 'system' },
    });
  });

  it('completes a token handed out again for a task already performed, instead of reopening it', async () => {
    await steps.openTask({ taskToken: 'tok', caseId, action: 'submitFile', executionArn: 'arn:exec' });
    const version = store.cases.get(caseId)?.version ?? 0;
    await commands.performAction(actors.police, caseId, 'submitFile', {
      expectedVersion: version,
      input: { opinionsRecorded: true },
    });
    // The process died before the workflow heard of it; after a restart the engine hands the same token out.
    await steps.openTask({ taskToken: 'tok', caseId, action: 'submitFile', executionArn: 'arn:exec' });
    expect(store.tasks.size).toBe(0);
    expect(store.cases.get(caseId)?.version).toBe(version + 1);
    expect(engine.completed.map((c) => c.taskToken)).toEqual(['tok', 'tok']);
    expect(engine.completed[1]?.output).toEqual(engine.completed[0]?.output);
  });

  it('escalates a missed deadline once, to the unit above the one that must act', async () => {
    await steps.openTask({ taskToken: 'tok', caseId, action: 'submitFile', executionArn: 'arn:exec' });
    expect(await steps.escalateOverdueTasks()).toBe(0);
    clock.advance(10 * DAY); // due Thursday 26/11; now Monday 30/11
    expect(await steps.escalateOverdueTasks()).toBe(1);
    expect(await steps.escalateOverdueTasks()).toBe(0);
    const [task] = [...store.tasks.values()];
    expect(task).toMatchObject({ supervisingUnitId: 'tp-lai-chau', escalatedAt: expect.any(String) });
    expect(store.events.filter((e) => e.type === 'deadlineMissed')).toEqual([
      expect.objectContaining({
        action: 'submitFile',
        actor: { kind: 'system' },
        detail: { dueOn: '2026-11-26', unitId: 'p-dong-phong', supervisingUnitId: 'tp-lai-chau' },
      }),
    ]);
    expect((await store.listOverdueTasks('tp-lai-chau')).items.map((t) => t.action)).toEqual(['submitFile']);
  });

  it('does not escalate the open end of supervision as if it were a deadline', async () => {
    await act('release', actors.centre, { releasedOn: '2026-11-20' });
    await steps.runSystemStep({ step: 'beginSupervision', caseId, executionArn: 'arn:exec' });
    clock.advance(800 * DAY);
    expect(await steps.escalateOverdueTasks()).toBe(0);
  });

  it('deducts interim management at a facility from the release date', async () => {
    await act('openSession', actors.court, sessionOpening('2026-11-20'));
    await act('decide', actors.court, {
      outcome: 'apply',
      ...sessionRecord,
      decidedOn: '2026-11-20',
      months: 12,
    });
    await act('admit', actors.centre, {
      admittedOn: '2026-11-20',
      ...handover,
      deductedDays: 25,
    });
    await steps.runSystemStep({ step: 'scheduleRelease', caseId, executionArn: 'arn:exec' });
    expect(store.cases.get(caseId)).toMatchObject({ deductedDays: 25, releaseDueOn: '2027-10-26' });
  });

  describe('during treatment', () => {
    const admitted = async (months = 12) => {
      await act('openSession', actors.court, sessionOpening('2026-11-20'));
      await act('decide', actors.court, {
        outcome: 'apply',
        ...sessionRecord,
        decidedOn: '2026-11-20',
        months,
      });
      await act('admit', actors.centre, { admittedOn: '2026-11-20', ...handover });
      await steps.runSystemStep({ step: 'scheduleRelease', caseId, executionArn: 'arn:exec' });
    };
    const perform = async (action: string, actor: (typeof actors)[keyof typeof actors], input: unknown) =>
      commands.performAction(actor, caseId, action, {
        expectedVersion: store.cases.get(caseId)?.version ?? 0,
        input,
      });
    const pending = () => [...store.tasks.values()].map((t) => t.action).sort();

    it('offers the treatment events as standing actions once the release is scheduled', async () => {
      await admitted();
      expect(pending()).toEqual([
        'recordAbscondingInTreatment',
        'recordDeathInCentre',
        'recordEarlyEnd',
        'recordReduction',
      ]);
      expect(store.timers.get(`${caseId}-release`)?.fireAt).toBe('2027-11-04T17:00:00.000Z');
    });

    it('does not count the time absent after absconding, and stops the release timer meanwhile', async () => {
      await admitted();
      await perform('recordAbscondingInTreatment', actors.centre, {
        abscondedOn: '2026-11-20',
        searchDecisionNumber: '1/QĐ-TT',
      });
      expect(store.cases.get(caseId)?.stage).toBe('WANTED');
      expect(store.timers.has(`${caseId}-release`)).toBe(false);
      expect(pending()).toEqual(['recordDeathInCentre', 'recordReturnToCentre']);
      clock.advance(30 * DAY);
      await perform('recordReturnToCentre', actors.centre, { foundOn: '2026-12-20' });
      expect(store.cases.get(caseId)).toMatchObject({ stage: 'IN_TREATMENT', releaseDueOn: '2027-12-20' });
      expect(store.timers.get(`${caseId}-release`)?.fireAt).toBe('2027-12-04T17:00:00.000Z');
      expect(pending()).toHaveLength(4);
    });

    it('reduces the term only after half of it has been served', async () => {
      await admitted();
      const early = perform('recordReduction', actors.court, {
        months: 2,
        meritorious: false,
        ...centreProposal,
        decidedOn: '2026-11-20',
      });
      await expect(early).rejects.toMatchObject({ status: 422 });
      clock.advance(190 * DAY);
      await perform('recordReduction', actors.court, {
        months: 2,
        meritorious: false,
        ...centreProposal,
        decidedOn: '2027-05-29',
      });
      expect(store.cases.get(caseId)).toMatchObject({ reducedMonths: 2, releaseDueOn: '2027-09-20' });
      const tooMuch = perform('recordReduction', actors.court, {
        months: 4,
        meritorious: false,
        ...centreProposal,
        decidedOn: '2027-05-29',
      });
      await expect(tooMuch).rejects.toMatchObject({ status: 400 });
    });

    it('ends the term at once when the rest is exempted, and closes the case on a death in the centre', async () => {
      await admitted();
      await perform('recordEarlyEnd', actors.court, {
        grounds: 'pregnancy',
        decisionNumber: '4/QĐ-M',
        decidedOn: '2026-11-20',
      });
      expect(store.cases.get(caseId)?.releaseDueOn).toBe('2026-11-20');
      expect(await steps.fireDueTimers()).toBe(1);
      expect(engine.started.at(-1)).toMatchObject({ workflow: 'release', caseId });
    });

    it('closes the case when the person dies in the centre', async () => {
      await admitted();
      await perform('recordDeathInCentre', actors.centre, {
        diedOn: '2026-11-20',
        note: 'Biên bản ghi nhận tử vong.',
      });
      expect(store.cases.get(caseId)).toMatchObject({ stage: 'CLOSED', outcome: 'deceased' });
      expect(store.tasks.size).toBe(0);
      expect(store.timers.size).toBe(0);
    });
  });

  it('closes the case and cancels the end of supervision when the person dies under supervision', async () => {
    await act('release', actors.centre, { releasedOn: '2026-11-20' });
    await steps.runSystemStep({ step: 'beginSupervision', caseId, executionArn: 'arn:exec' });
    await commands.performAction(actors.supervisor, caseId, 'recordDeathUnderSupervision', {
      expectedVersion: store.cases.get(caseId)?.version ?? 0,
      input: { diedOn: '2026-11-20', note: 'Giấy chứng tử số 7.' },
    });
    expect(store.cases.get(caseId)).toMatchObject({
      stage: 'CLOSED',
      outcome: 'deceased',
      diedOn: '2026-11-20',
    });
    expect(store.tasks.size).toBe(0);
    expect(store.timers.size).toBe(0);
  });
});
