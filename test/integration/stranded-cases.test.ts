import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { StepFunctionsWorkflowClient } from '#shared/clients/workflow-client';
import type { LocalRuntime } from '../../infra/local/runtime';
import { aCaseFile } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Issue 14, items 1 and 2: no wait of any lawful length strands a case, and a crash between the
 * case transaction and the engine call leaves every case drivable with no client retry.
 */
describe('no case left behind', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;
  let citizen = 700;

  beforeAll(async () => {
    ({ runtime, api } = await startTestRuntime());
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const openCase = async () => {
    citizen += 1;
    const file = aCaseFile({ person: { citizenId: `012090${String(citizen).padStart(6, '0')}` } });
    const response = await api.request('POST', '/cases', { as: users.police, body: file });
    return response;
  };
  const eventTypes = async (caseId: string) => {
    const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
    return history.body.events.map((e: { type: string }) => e.type) as string[];
  };
  const submitAndExpectReview = async (caseId: string) => {
    const submitted = await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
    expect(submitted.status).toBe(200);
    const review = await api.waitFor(caseId, 'review', users.reviewer);
    expect(review.body.stage).toBe('UNDER_REVIEW');
  };

  it.each([2, 4])(
    'a file that waits %i years for submission, as time passes, is continued in fresh executions and still moves',
    async (years) => {
      const caseId = (await openCase()).body.caseId as string;
      await api.waitFor(caseId, 'submitFile', users.police);
      const days = years * 365;
      for (let day = 0; day < days; day += 30) await runtime.advanceClock(30 * DAY);
      const waiting = await api.waitFor(caseId, 'submitFile', users.police);
      expect(waiting.body.pendingTasks.map((t: { action: string }) => t.action)).toEqual([
        'submitFile',
        'recordDeath',
      ]);
      const types = await eventTypes(caseId);
      expect(types.filter((t) => t === 'workflowContinued').length).toBeGreaterThanOrEqual(years * 1);
      // Continued before the limit: the reconciler never had to resume a dead execution.
      expect(types).not.toContain('workflowResumed');
      await submitAndExpectReview(caseId);
    },
    180_000,
  );

  it.each([2, 4])(
    'a file whose execution dies under a %i-year jump of the clock is resumed by the reconciler and still moves',
    async (years) => {
      const caseId = (await openCase()).body.caseId as string;
      await api.waitFor(caseId, 'submitFile', users.police);
      await runtime.advanceClock(years * 365 * DAY);
      const resumed = await api.waitUntil(caseId, users.police, (c) =>
        c.pendingTasks.some((t: { action: string }) => t.action === 'submitFile'),
      );
      expect(resumed.status).toBe(200);
      expect(await eventTypes(caseId)).toContain('workflowResumed');
      await submitAndExpectReview(caseId);
    },
    60_000,
  );

  it('a file whose workflow start is lost after the case transaction gets its workflow from the reconciler', async () => {
    let lost: string | undefined;
    // Only this case's first start fails: a background tick may start stages of other cases.
    const startStage = StepFunctionsWorkflowClient.prototype.startStage;
    vi.spyOn(StepFunctionsWorkflowClient.prototype, 'startStage').mockImplementation(async function (
      this: StepFunctionsWorkflowClient,
      workflow,
      caseId,
      input,
      name,
    ) {
      if (lost === undefined && workflow === 'filing' && name === undefined) {
        lost = caseId;
        throw new Error('the process died between the case transaction and StartExecution');
      }
      return startStage.call(this, workflow, caseId, input, name);
    });
    expect((await openCase()).status).toBe(500);
    if (!lost) throw new Error('the workflow was never asked to start');
    const caseId = lost;
    expect((await api.request('GET', `/cases/${caseId}`, { as: users.police })).body.pendingTasks).toEqual(
      [],
    );
    // No client retry: the reconciler makes the owed call once it is due.
    await runtime.advanceClock(3 * 60 * 1000);
    await api.waitFor(caseId, 'submitFile', users.police);
    expect(await eventTypes(caseId)).toContain('workflowCallRepaired');
    await submitAndExpectReview(caseId);
  });

  it('an action whose token completion is lost after the case transaction reaches the workflow through the reconciler', async () => {
    const caseId = (await openCase()).body.caseId as string;
    await api.waitFor(caseId, 'submitFile', users.police);
    // Only this action's completion fails: a background tick may complete other tokens.
    const completeTask = StepFunctionsWorkflowClient.prototype.completeTask;
    let failed = false;
    vi.spyOn(StepFunctionsWorkflowClient.prototype, 'completeTask').mockImplementation(async function (
      this: StepFunctionsWorkflowClient,
      token,
      output,
    ) {
      if (!failed && (output as { action?: string } | undefined)?.action === 'submitFile') {
        failed = true;
        throw new Error('the process died between the case transaction and SendTaskSuccess');
      }
      return completeTask.call(this, token, output);
    });
    const submitted = await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
    expect(submitted.status).toBe(500);
    const after = await api.request('GET', `/cases/${caseId}`, { as: users.police });
    expect(after.body.pendingTasks).toEqual([]);
    await runtime.advanceClock(3 * 60 * 1000);
    const review = await api.waitFor(caseId, 'review', users.reviewer);
    expect(review.body.stage).toBe('UNDER_REVIEW');
    expect(await eventTypes(caseId)).toContain('workflowCallRepaired');
  });

  it('an action on a case whose execution is gone is recorded and the stage resumed after it', async () => {
    const caseId = (await openCase()).body.caseId as string;
    const waiting = await api.waitFor(caseId, 'submitFile', users.police);
    const executionArn = `${(await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor })).body.executions[0].executionArn}`;
    // The reconciler must not get there first: stop the execution and act at once.
    await runtime.engine.stopExecution({ executionArn, error: 'Test', cause: 'an operator stopped it' });
    const submitted = await api.request('POST', `/cases/${caseId}/actions/submitFile`, {
      as: users.police,
      body: { expectedVersion: waiting.body.version, input: { opinionsRecorded: true } },
    });
    expect(submitted.status).toBe(200);
    await api.waitFor(caseId, 'review', users.reviewer);
  });
});
