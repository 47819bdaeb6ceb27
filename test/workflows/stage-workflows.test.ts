import { readFileSync } from 'node:fs';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import validator from 'asl-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StageWorkflow, stageWorkflowKeys, stageWorkflows } from '#shared/names';
import { type LocalRuntime, localStateMachineArn, localSubstitutions } from '../../infra/local/runtime';
import { loadWorkflowDefinition, workflowFile } from '../../workflows/definitions';
import {
  aCaseFile,
  application,
  centreProposal,
  handover,
  sessionOpening,
  sessionRecord,
} from '../support/factories';
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
          expect(state.Catch, name).toEqual([
            expect.objectContaining({ ErrorEquals: ['States.Timeout'] }),
            expect.objectContaining({ ErrorEquals: ['ExecutionNearLimit'] }),
          ]);
          // The wait's own timeout ends well inside the execution's, so its escalation can run.
          expect(state.TimeoutSeconds as number, name).toBeLessThan(definition.TimeoutSeconds - 24 * 3600);
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

    const court = users.court;
    const toCourt = async (caseId: string) => {
      await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
      await api.act(caseId, 'review', users.reviewer, { decision: 'forward' });
      await api.act(caseId, 'acceptFile', court, {
        decision: 'accept',
        acceptedOn: today(),
        judgeName: 'Lê Thị Thu',
      });
    };
    const schedule = (caseId: string) => api.act(caseId, 'openSession', court, sessionOpening(today()));
    /** The decision is recorded at the session: the session is scheduled first. */
    const decide = async (caseId: string, outcome: 'apply' | 'notApply') => {
      await schedule(caseId);
      return decideAtSession(caseId, outcome);
    };
    const decideAtSession = (caseId: string, outcome: 'apply' | 'notApply') =>
      api.act(caseId, 'decide', court, {
        outcome,
        ...sessionRecord,
        decidedOn: today(),
        ...(outcome === 'apply' ? { months: 12 } : { reason: 'Không đủ căn cứ áp dụng biện pháp.' }),
      });
    const takeEffect = (caseId: string) =>
      api.act(caseId, 'closeAppealWindow', court, { effectiveOn: today() });
    const toAdmission = async (caseId: string) => {
      await toCourt(caseId);
      await decide(caseId, 'apply');
      await takeEffect(caseId);
    };
    const closedAs = async (caseId: string, outcome: string) =>
      expect((await api.waitFor(caseId, 'CLOSED', users.police)).body.outcome).toBe(outcome);

    it('filing → admission → release → supervision, ending completed', async () => {
      const caseId = await openCase();
      await toAdmission(caseId);
      await api.act(caseId, 'admit', users.centre, { admittedOn: today(), ...handover });
      await runtime.advanceClock(366 * DAY);
      await api.act(caseId, 'release', users.centre, { releasedOn: today() });
      await api.waitFor(caseId, 'recordRelapse', users.supervisor);
      await runtime.advanceClock(731 * DAY);
      await closedAs(caseId, 'completed');
      const executions = await recordVisits(caseId);
      expect(executions.map((e) => `${e.workflow}:${e.status}`)).toEqual([
        'filing:SUCCEEDED',
        'admission:SUCCEEDED',
        'release:SUCCEEDED',
        'supervisionEnd:SUCCEEDED',
      ]);
    });

    it('supplement, a file the court returns, a request for documents, an appeal upheld: not applied', async () => {
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
      await api.act(caseId, 'acceptFile', court, {
        decision: 'returnIncomplete',
        acceptedOn: today(),
        reason: 'Thiếu phiếu xác định tình trạng nghiện.',
      });
      await api.act(caseId, 'supplementFile', users.police, {
        documents: [{ kind: 'other', title: 'Phiếu bổ sung' }],
      });
      await api.act(caseId, 'review', users.reviewer, { decision: 'forward' });
      await api.act(caseId, 'acceptFile', court, {
        decision: 'accept',
        acceptedOn: today(),
        judgeName: 'Lê Thị Thu',
      });
      await api.act(caseId, 'requestDocuments', court, { requested: 'Bản tóm tắt lý lịch có xác nhận.' });
      expect((await api.waitFor(caseId, 'answerCourtRequest', users.reviewer)).body.stage).toBe('CLARIFYING');
      await api.act(caseId, 'answerCourtRequest', users.reviewer, {
        documents: [{ kind: 'personalHistory', title: 'Bản tóm tắt lý lịch' }],
      });
      await decide(caseId, 'notApply');
      await api.act(caseId, 'recordAppeal', court, {
        kind: 'protest',
        lodgedBy: 'Viện kiểm sát',
        lodgedOn: today(),
      });
      expect((await api.waitFor(caseId, 'decideAppeal', court)).body.stage).toBe('UNDER_APPEAL');
      await api.act(caseId, 'decideAppeal', court, {
        outcome: 'upheld',
        decisionNumber: '2/QĐ-PT',
        decidedOn: today(),
      });
      await closedAs(caseId, 'notApplied');
      await recordVisits(caseId);
    });

    it('review finds the person ineligible: closed at review', async () => {
      const caseId = await openCase();
      await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
      await api.act(caseId, 'review', users.reviewer, {
        decision: 'ineligible',
        reason: 'Không đủ điều kiện.',
      });
      await closedAs(caseId, 'rejectedAtReview');
      await recordVisits(caseId);
    });

    it('the court terminates the examination before scheduling a session: closed as terminated', async () => {
      const caseId = await openCase();
      await toCourt(caseId);
      await stall(caseId, 'openSession', court);
      expect(await stalledActions(caseId)).toEqual(['openSession']);
      await api.act(caseId, 'terminateCase', court, {
        reason: 'withdrawn',
        decisionNumber: '3/QĐ-ĐC',
        decidedOn: today(),
      });
      await closedAs(caseId, 'terminated');
      await recordVisits(caseId);
    });

    it('an appeal annuls the decision, then postponement, absconding and exemption at admission', async () => {
      const caseId = await openCase();
      await toCourt(caseId);
      await decide(caseId, 'apply');
      await api.act(caseId, 'recordAppeal', court, {
        kind: 'complaint',
        lodgedBy: 'Người bị đề nghị',
        lodgedOn: today(),
      });
      await api.act(caseId, 'decideAppeal', court, {
        outcome: 'annulled',
        decisionNumber: '4/QĐ-PT',
        decidedOn: today(),
      });
      // The annulled decision falls with its session: the court schedules a new one.
      const again = await api.waitFor(caseId, 'openSession', court);
      expect(again.body).toMatchObject({ stage: 'ACCEPTED' });
      expect(again.body.decision).toBeUndefined();
      expect(again.body.session).toBeUndefined();
      await decide(caseId, 'apply');
      await takeEffect(caseId);
      const until = new Date(Date.parse(`${today()}T00:00:00Z`) + 30 * DAY).toISOString().slice(0, 10);
      await api.act(caseId, 'recordPostponement', court, {
        grounds: 'seriousIllness',
        until,
        ...application,
      });
      const postponed = await api.waitUntil(caseId, users.centre, (c) => c.stage === 'POSTPONED');
      expect(postponed.body.pendingTasks[0]).toMatchObject({ action: 'admit' });
      expect(postponed.body.pendingTasks[0].dueOn > until).toBe(true);
      await api.act(caseId, 'recordAbsconding', users.police, {
        abscondedOn: today(),
        searchDecisionNumber: '6/QĐ-TT',
      });
      expect((await api.waitFor(caseId, 'recordFound', users.police)).body.stage).toBe('WANTED');
      await api.act(caseId, 'recordFound', users.police, { foundOn: today() });
      await api.act(caseId, 'recordExemption', court, { grounds: 'pregnancy', ...application });
      await closedAs(caseId, 'exempted');
      await recordVisits(caseId);
    });

    it('the court changes the term on appeal, then the person dies while wanted', async () => {
      const caseId = await openCase();
      await toCourt(caseId);
      await decide(caseId, 'apply');
      await api.act(caseId, 'recordAppeal', court, {
        kind: 'recommendation',
        lodgedBy: 'Công an xã',
        lodgedOn: today(),
      });
      await api.act(caseId, 'decideAppeal', court, {
        outcome: 'changed',
        decisionNumber: '8/QĐ-PT',
        decidedOn: today(),
        changedTo: { outcome: 'apply', months: 18 },
      });
      expect((await api.waitFor(caseId, 'admit', users.centre)).body.decision).toMatchObject({ months: 18 });
      await api.act(caseId, 'recordAbsconding', users.police, {
        abscondedOn: today(),
        searchDecisionNumber: '9/QĐ-TT',
      });
      await api.act(caseId, 'recordDeath', users.police, { diedOn: today(), note: 'Giấy báo tử số 12.' });
      await closedAs(caseId, 'deceased');
      await recordVisits(caseId);
    });

    it('death before the file reaches LĐTBXH: closed as deceased', async () => {
      const caseId = await openCase();
      const pending = await api.waitFor(caseId, 'recordDeath', users.police);
      expect(pending.body.pendingTasks.map((t: { action: string }) => t.action)).toEqual([
        'submitFile',
        'recordDeath',
      ]);
      await api.act(caseId, 'recordDeath', users.police, { diedOn: today(), note: 'Giấy báo tử số 13.' });
      const closed = await api.waitFor(caseId, 'CLOSED', users.police);
      expect(closed.body).toMatchObject({ outcome: 'deceased', pendingTasks: [] });
      await recordVisits(caseId);
    });

    it('in the centre: absent time added, a reduction, then the rest exempted starts the release', async () => {
      const caseId = await openCase();
      await toAdmission(caseId);
      await api.act(caseId, 'admit', users.centre, { admittedOn: today(), ...handover });
      const inTreatment = await api.waitFor(caseId, 'recordAbscondingInTreatment', users.centre);
      const firstDue = inTreatment.body.releaseDueOn as string;
      await api.act(caseId, 'recordAbscondingInTreatment', users.centre, {
        abscondedOn: today(),
        searchDecisionNumber: '11/QĐ-TT',
      });
      expect((await api.waitFor(caseId, 'recordReturnToCentre', users.centre)).body.stage).toBe('WANTED');
      await runtime.advanceClock(20 * DAY);
      await api.act(caseId, 'recordReturnToCentre', users.centre, { foundOn: today() });
      const back = await api.waitFor(caseId, 'recordReduction', court);
      const shifted = new Date(Date.parse(`${firstDue}T00:00:00Z`) + 20 * DAY).toISOString().slice(0, 10);
      expect(back.body).toMatchObject({ stage: 'IN_TREATMENT', releaseDueOn: shifted });
      await runtime.advanceClock(200 * DAY);
      const reduced = await api.act(caseId, 'recordReduction', court, {
        months: 2,
        meritorious: false,
        ...centreProposal,
        decidedOn: today(),
      });
      expect(reduced.status).toBe(200);
      expect(reduced.body.releaseDueOn < shifted).toBe(true);
      await api.act(caseId, 'recordEarlyEnd', court, {
        grounds: 'dangerousIllness',
        decisionNumber: '13/QĐ-M',
        decidedOn: today(),
      });
      await runtime.tick();
      const releasing = await api.waitFor(caseId, 'release', users.centre);
      expect(releasing.body.pendingTasks.map((t: { action: string }) => t.action)).toEqual(['release']);
      await api.act(caseId, 'release', users.centre, { releasedOn: today() });
      await api.waitFor(caseId, 'recordRelapse', users.supervisor);
      await recordVisits(caseId);
    });

    it('a death in the centre closes the case and cancels the release', async () => {
      const caseId = await openCase();
      await toAdmission(caseId);
      await api.act(caseId, 'admit', users.centre, { admittedOn: today(), ...handover });
      await api.act(caseId, 'recordDeathInCentre', users.centre, {
        diedOn: today(),
        note: 'Biên bản ghi nhận tử vong.',
      });
      await closedAs(caseId, 'deceased');
      await runtime.advanceClock(400 * DAY);
      const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
      expect(history.body.executions.map((e: { workflow: string }) => e.workflow)).toEqual([
        'filing',
        'admission',
      ]);
    });

    it('four years on the clock take a 24-month term through release and two years of supervision, no execution older than a year', async () => {
      const caseId = await openCase();
      await toCourt(caseId);
      await schedule(caseId);
      await api.act(caseId, 'decide', court, {
        outcome: 'apply',
        ...sessionRecord,
        decidedOn: today(),
        months: 24,
      });
      await takeEffect(caseId);
      await api.act(caseId, 'admit', users.centre, { admittedOn: today(), ...handover });
      for (let year = 0; year < 2; year += 1) await runtime.advanceClock(365 * DAY);
      await api.act(caseId, 'release', users.centre, { releasedOn: today() });
      for (let year = 0; year < 2; year += 1) await runtime.advanceClock(366 * DAY);
      await closedAs(caseId, 'completed');
      const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
      for (const execution of history.body.executions) {
        expect(execution.status).toBe('SUCCEEDED');
        const lived = Date.parse(execution.stopDate) - Date.parse(execution.startDate);
        expect(lived, execution.workflow).toBeLessThan(365 * DAY);
      }
    });

    it('relapse during supervision: closed as relapsed', async () => {
      const caseId = await openCase();
      await toAdmission(caseId);
      await api.act(caseId, 'admit', users.centre, { admittedOn: today(), ...handover });
      await runtime.advanceClock(366 * DAY);
      await api.act(caseId, 'release', users.centre, { releasedOn: today() });
      await api.act(caseId, 'recordRelapse', users.supervisor, {
        detectedOn: today(),
        note: 'Tái sử dụng ma túy.',
      });
      await closedAs(caseId, 'relapsed');
      await recordVisits(caseId);
    });

    const stall = async (caseId: string, action: string, as: string) => {
      await runtime.engine.idle();
      const before = await api.waitFor(caseId, action, as);
      await runtime.advanceClock(61 * DAY);
      await runtime.engine.idle();
      const after = await api.waitUntil(
        caseId,
        as,
        (c) =>
          c.version > before.body.version + 1 &&
          c.pendingTasks.some((t: { action: string }) => t.action === action),
      );
      const mainTask = (body: { pendingTasks: { action: string; taskId: string }[] }) =>
        body.pendingTasks.find((t) => t.action === action)?.taskId;
      expect(mainTask(after.body)).not.toBe(mainTask(before.body));
    };
    const stalledActions = async (caseId: string) => {
      const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
      return history.body.events
        .filter((e: { type: string }) => e.type === 'taskStalled')
        .map((e: { action: string }) => e.action);
    };

    it('a callback nobody answers times out, is recorded as stalled and opened again: filing, first half', async () => {
      const caseId = await openCase();
      await stall(caseId, 'submitFile', users.police);
      await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true });
      await stall(caseId, 'review', users.reviewer);
      await api.act(caseId, 'review', users.reviewer, {
        decision: 'returnForSupplement',
        reason: 'Thiếu tài liệu.',
      });
      await stall(caseId, 'supplementFile', users.police);
      await api.act(caseId, 'supplementFile', users.police, {
        documents: [{ kind: 'other', title: 'Bổ sung' }],
      });
      await api.act(caseId, 'review', users.reviewer, { decision: 'forward' });
      await stall(caseId, 'acceptFile', court);
      expect(await stalledActions(caseId)).toEqual(['submitFile', 'review', 'supplementFile', 'acceptFile']);
      await recordVisits(caseId);
    });

    it('a callback nobody answers times out, is recorded as stalled and opened again: court and appeal', async () => {
      const caseId = await openCase();
      await toCourt(caseId);
      await schedule(caseId);
      await stall(caseId, 'decide', court);
      await api.act(caseId, 'requestDocuments', court, { requested: 'Tài liệu về nơi cư trú.' });
      await stall(caseId, 'answerCourtRequest', users.reviewer);
      await api.act(caseId, 'answerCourtRequest', users.reviewer, {
        documents: [{ kind: 'other', title: 'Xác nhận' }],
      });
      // After the documents the court sets the session again before deciding.
      await decide(caseId, 'apply');
      await stall(caseId, 'closeAppealWindow', court);
      await api.act(caseId, 'recordAppeal', court, {
        kind: 'complaint',
        lodgedBy: 'Gia đình',
        lodgedOn: today(),
      });
      await stall(caseId, 'decideAppeal', court);
      expect(await stalledActions(caseId)).toEqual([
        'decide',
        'answerCourtRequest',
        'closeAppealWindow',
        'decideAppeal',
      ]);
      await recordVisits(caseId);
    });

    it('a callback nobody answers times out, is recorded as stalled and opened again: admission and release', async () => {
      const caseId = await openCase();
      await toAdmission(caseId);
      await stall(caseId, 'admit', users.centre);
      await api.act(caseId, 'recordAbsconding', users.police, {
        abscondedOn: today(),
        searchDecisionNumber: '10/QĐ-TT',
      });
      await stall(caseId, 'recordFound', users.police);
      await api.act(caseId, 'recordFound', users.police, { foundOn: today() });
      await api.act(caseId, 'admit', users.centre, { admittedOn: today(), ...handover });
      await runtime.advanceClock(366 * DAY);
      await stall(caseId, 'release', users.centre);
      const released = await api.act(caseId, 'release', users.centre, { releasedOn: today() });
      expect(released.status).toBe(200);
      await api.waitFor(caseId, 'recordRelapse', users.supervisor);
      expect(await stalledActions(caseId)).toEqual(['admit', 'recordFound', 'release']);
      await recordVisits(caseId);
    });

    const continuedCount = async (caseId: string) => {
      const history = await api.request('GET', `/cases/${caseId}/history`, { as: users.auditor });
      return history.body.events.filter((e: { type: string }) => e.type === 'workflowContinued').length;
    };
    /** Lets the wait for `action` time out until it could outlast its execution: a fresh one takes it. */
    const outlast = async (caseId: string, action: string, as: string) => {
      await api.waitFor(caseId, action, as);
      const before = await continuedCount(caseId);
      for (let stalls = 0; stalls < 6 && (await continuedCount(caseId)) === before; stalls += 1) {
        await runtime.engine.idle();
        await runtime.advanceClock(61 * DAY);
        await runtime.engine.idle();
      }
      expect(await continuedCount(caseId)).toBe(before + 1);
      await api.waitFor(caseId, action, as);
    };

    it('a wait that could outlast its execution continues in a fresh one: filing, admission and release', async () => {
      const caseId = await openCase();
      await outlast(caseId, 'submitFile', users.police);
      await toAdmission(caseId);
      await outlast(caseId, 'admit', users.centre);
      await api.act(caseId, 'admit', users.centre, { admittedOn: today(), ...handover });
      await runtime.advanceClock(366 * DAY);
      await outlast(caseId, 'release', users.centre);
      expect((await api.act(caseId, 'release', users.centre, { releasedOn: today() })).status).toBe(200);
      await api.waitFor(caseId, 'recordRelapse', users.supervisor);
      const executions = await recordVisits(caseId);
      // Each execution that handed its wait on ended well: none timed out under the case.
      expect(executions.filter((e) => e.status === 'TIMED_OUT')).toEqual([]);
      expect(executions.filter((e) => e.workflow === 'filing').length).toBeGreaterThan(1);
    });

    /** Completes the main task of the case's current wait with an output the workflow does not know. */
    const sendUnknownOutput = async (caseId: string, workflow: StageWorkflow) => {
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
        output: JSON.stringify({ action: 'maybe', input: { decision: 'maybe' } }),
      });
      await runtime.engine.idle();
      const executionArn = `${localStateMachineArn(workflow).replace(':stateMachine:', ':execution:')}:${caseId}-${workflow}`;
      expect(await runtime.engine.describeExecution({ executionArn })).toMatchObject({
        status: 'FAILED',
        error: 'UnknownDecision',
      });
      await recordVisits(caseId);
    };

    it('an outcome the workflow does not know fails the execution by name instead of guessing', async () => {
      const atReview = await openCase();
      await api.act(atReview, 'submitFile', users.police, { opinionsRecorded: true });
      await api.waitFor(atReview, 'review', users.reviewer);
      await sendUnknownOutput(atReview, 'filing');
      const atAdmission = await openCase();
      await toAdmission(atAdmission);
      await api.waitFor(atAdmission, 'admit', users.centre);
      await sendUnknownOutput(atAdmission, 'admission');
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
