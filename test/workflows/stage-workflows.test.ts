import { readFileSync } from 'node:fs';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import validator from 'asl-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StageWorkflow, stageWorkflowKeys, stageWorkflows } from '#shared/names';
import { type LocalRuntime, localStateMachineArn, localSubstitutions } from '../../infra/local/runtime';
import { loadWorkflowDefinition, workflowFile } from '../../workflows/definitions';
import { aCaseFile } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';

const DAY = 24 * 60 * 60 * 1000;
const visited = new Map<StageWorkflow, Set<string>>(stageWorkflowKeys.map((k) => [k, new Set<string>()]));

describe('the stage workflows', () => {
  describe.each(stageWorkflowKeys)('%s definition', (workflow) => {
    it('is valid Amazon States Language once its ARNs are substituted', () => {
      const { isValid, errors } = validator(loadWorkflowDefinition(workflow, localSubstitutions()));
      expect(errors).toEqual([]);
      expect(isValid).toBe(true);
    });

    it('gives every callback task a timeout and a path for when it fires, and stays under a year', () => {
      const definition = JSON.parse(readFileSync(workflowFile(workflow), 'utf8'));
      expect(definition.TimeoutSeconds).toBeLessThan(365 * 24 * 3600);
      for (const [name, state] of Object.entries<Record<string, unknown>>(definition.States)) {
        if (typeof state.Resource === 'string' && state.Resource.endsWith('.waitForTaskToken')) {
          expect(state.TimeoutSeconds, name).toBeGreaterThan(0);
          expect(state.Catch, name).toEqual([expect.objectContaining({ ErrorEquals: ['States.Timeout'] })]);
        }
      }
    });
  });

  describe('every path, on the local runtime', () => {
    let runtime: LocalRuntime;
    let api: ApiClient;
    let citizen = 500;

    beforeAll(async () => {
      ({ runtime, api } = await startTestRuntime());
    });

    afterAll(async () => {
      await runtime?.stop();
    });

    const today = () => new Date(runtime.clock.now().getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);

    const openCase = async () => {
      citizen += 1;
      const file = aCaseFile({ person: { citizenId: `012090${String(citizen).padStart(6, '0')}` } });
      return (await api.request('POST', '/cases', { as: users.police, body: file })).body.caseId as string;
    };

    /** Records which states each execution of the case entered, for the coverage check at the end. */
    const recordVisits = async (caseId: string) => {
      await runtime.engine.idle();
      const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
      for (const execution of history.body.executions) {
        for (const event of execution.events) {
          if (event.stateName && event.type.endsWith('StateEntered'))
            visited.get(execution.workflow)?.add(event.stateName);
        }
      }
      return history.body.executions as { workflow: string; status: string }[];
    };

    const toCourt = async (caseId: string) => {
      await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
      await api.act(caseId, 'review', users.reviewer, { decision: 'forward' });
    };
    const decide = (caseId: string, outcome: 'apply' | 'notApply') =>
      api.act(caseId, 'decide', users.court, {
        outcome,
        decisionNumber: '1/QĐ-TA',
        decidedOn: today(),
        ...(outcome === 'apply' && { months: 12 }),
      });

    it('filing → admission → release → supervision, ending completed', async () => {
      const caseId = await openCase();
      await toCourt(caseId);
      await decide(caseId, 'apply');
      await api.act(caseId, 'admit', users.centre, { admittedOn: today(), handoverRecordNumber: '1/BB' });
      await runtime.advanceClock(366 * DAY);
      await api.act(caseId, 'release', users.centre, { releasedOn: today(), certificateNumber: '1/GCN' });
      await api.waitFor(caseId, 'recordRelapse', users.supervisor);
      await runtime.advanceClock(731 * DAY);
      expect((await api.waitFor(caseId, 'CLOSED', users.police)).body.outcome).toBe('completed');
      const executions = await recordVisits(caseId);
      expect(executions.map((e) => `${e.workflow}:${e.status}`)).toEqual([
        'filing:SUCCEEDED',
        'admission:SUCCEEDED',
        'release:SUCCEEDED',
        'supervisionEnd:SUCCEEDED',
      ]);
    });

    it('supplement loop, then the court declines: closed as not applied', async () => {
      const caseId = await openCase();
      await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
      await api.act(caseId, 'review', users.reviewer, {
        decision: 'returnForSupplement',
        reason: 'Thiếu tài liệu.',
      });
      await api.act(caseId, 'supplementFile', users.police, {
        documents: [{ kind: 'other', title: 'Tài liệu bổ sung' }],
      });
      await api.act(caseId, 'review', users.reviewer, { decision: 'forward' });
      await decide(caseId, 'notApply');
      expect((await api.waitFor(caseId, 'CLOSED', users.police)).body.outcome).toBe('notApplied');
      await recordVisits(caseId);
    });

    it('review finds the person ineligible: closed at review', async () => {
      const caseId = await openCase();
      await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
      await api.act(caseId, 'review', users.reviewer, {
        decision: 'ineligible',
        reason: 'Không đủ điều kiện.',
      });
      expect((await api.waitFor(caseId, 'CLOSED', users.police)).body.outcome).toBe('rejectedAtReview');
      await recordVisits(caseId);
    });

    it('relapse during supervision: closed as relapsed', async () => {
      const caseId = await openCase();
      await toCourt(caseId);
      await decide(caseId, 'apply');
      await api.act(caseId, 'admit', users.centre, { admittedOn: today(), handoverRecordNumber: '2/BB' });
      await runtime.advanceClock(366 * DAY);
      await api.act(caseId, 'release', users.centre, { releasedOn: today(), certificateNumber: '2/GCN' });
      await api.act(caseId, 'recordRelapse', users.supervisor, {
        detectedOn: today(),
        note: 'Tái sử dụng ma túy.',
      });
      expect((await api.waitFor(caseId, 'CLOSED', users.police)).body.outcome).toBe('relapsed');
      await recordVisits(caseId);
    });

    it('a callback nobody answers times out, is recorded as stalled and opened again, in every stage', async () => {
      const caseId = await openCase();
      const stall = async (action: string, as: string) => {
        const before = await api.waitFor(caseId, action, as);
        await runtime.advanceClock(61 * DAY);
        const after = await api.waitUntil(
          caseId,
          as,
          (c) =>
            c.version > before.body.version + 1 &&
            c.pendingTasks.some((t: { action: string }) => t.action === action),
        );
        expect(after.body.pendingTasks[0].taskId).not.toBe(before.body.pendingTasks[0].taskId);
      };
      await stall('submitFile', users.police);
      await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
      await stall('review', users.reviewer);
      await api.act(caseId, 'review', users.reviewer, {
        decision: 'returnForSupplement',
        reason: 'Thiếu tài liệu.',
      });
      await stall('supplementFile', users.police);
      await api.act(caseId, 'supplementFile', users.police, {
        documents: [{ kind: 'other', title: 'Bổ sung' }],
      });
      await api.act(caseId, 'review', users.reviewer, { decision: 'forward' });
      await stall('decide', users.court);
      await decide(caseId, 'apply');
      await stall('admit', users.centre);
      await api.act(caseId, 'admit', users.centre, { admittedOn: today(), handoverRecordNumber: '3/BB' });
      await runtime.advanceClock(366 * DAY);
      await stall('release', users.centre);
      await api.act(caseId, 'release', users.centre, { releasedOn: today(), certificateNumber: '3/GCN' });
      await api.waitFor(caseId, 'recordRelapse', users.supervisor);
      const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
      const stalled = history.body.events.filter((e: { type: string }) => e.type === 'taskStalled');
      expect(stalled.map((e: { action: string }) => e.action)).toEqual([
        'submitFile',
        'review',
        'supplementFile',
        'decide',
        'admit',
        'release',
      ]);
      await recordVisits(caseId);
    });

    it('a decision the workflow does not know fails the execution by name instead of guessing', async () => {
      const caseId = await openCase();
      await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
      await api.waitFor(caseId, 'review', users.reviewer);
      const { Items = [] } = await runtime.dynamo.client.send(
        new QueryCommand({
          TableName: runtime.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :task)',
          ExpressionAttributeValues: { ':pk': { S: `CASE#${caseId}` }, ':task': { S: '#TASK#' } },
        }),
      );
      const token = unmarshall(Items[0] ?? {}).completion.taskToken as string;
      await runtime.engine.sendTaskSuccess({
        taskToken: token,
        output: JSON.stringify({ input: { decision: 'maybe' } }),
      });
      await runtime.engine.idle();
      const executionArn = `${localStateMachineArn('filing').replace(':stateMachine:', ':execution:')}:${caseId}-filing`;
      const described = await runtime.engine.describeExecution({ executionArn });
      expect(described).toMatchObject({ status: 'FAILED', error: 'UnknownDecision' });
      await recordVisits(caseId);
    });

    it('together, these paths enter every state of every definition', () => {
      for (const workflow of stageWorkflowKeys) {
        const definition = JSON.parse(readFileSync(workflowFile(workflow), 'utf8'));
        expect([...(visited.get(workflow) ?? [])].sort(), stageWorkflows[workflow].file).toEqual(
          Object.keys(definition.States).sort(),
        );
      }
    });
  });
});
