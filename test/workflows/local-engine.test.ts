import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createJournalTable,
  ExecutionAlreadyExistsError,
  InvalidTokenError,
  type LocalFunction,
  LocalStepFunctions,
  TaskTimedOutError,
} from '#infra/local/sfn/index';
import { AdjustableClock } from '#shared/clock';
import { stageWorkflowKeys, stageWorkflows, workflowFunctions } from '#shared/names';
import { type DynamoLocal, startDynamoLocal } from '../../infra/local/dynamo';
import { loadWorkflowDefinition } from '../../workflows/definitions';

const REGION = 'ap-southeast-1';
const ACCOUNT = '123456789012';
const DAY_MS = 24 * 3600 * 1000;
const smArn = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
const fnArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

const lambdaTask = (fn: string, next: { Next: string } | { End: true }, extra: object = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: {
    FunctionName: fnArn(fn),
    Payload: { 'caseId.$': '$.caseId', 'executionArn.$': '$$.Execution.Id' },
  },
  ResultSelector: { 'value.$': '$.Payload' },
  ResultPath: `$.${fn}`,
  ...next,
  ...extra,
});

const callbackTask = (next: { Next: string } | { End: true }, extra: object = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: {
    FunctionName: fnArn('open-task'),
    Payload: { 'taskToken.$': '$$.Task.Token', 'caseId.$': '$.caseId', 'executionArn.$': '$$.Execution.Id' },
  },
  ResultPath: '$.result',
  ...next,
  ...extra,
});

/** In-process functions that count their calls; `open-task` keeps the tokens it is handed. */
function fakeFunctions(behaviour: Record<string, LocalFunction> = {}) {
  const calls: Record<string, unknown[]> = {};
  const tokens: string[] = [];
  const record =
    (name: string, impl: LocalFunction): LocalFunction =>
    async (event) => {
      calls[name] = [...(calls[name] ?? []), event];
      return impl(event);
    };
  const functions: Record<string, LocalFunction> = {
    [fnArn('open-task')]: record('open-task', async (event) => {
      tokens.push((event as { taskToken: string }).taskToken);
      return { opened: true };
    }),
  };
  for (const name of ['prepare', 'finish', 'escalate']) {
    functions[fnArn(name)] = record(name, behaviour[name] ?? (async () => ({ done: name })));
  }
  const count = (name: string) => calls[name]?.length ?? 0;
  return { functions, calls, tokens, count };
}

let dynamo: DynamoLocal;
const engines: LocalStepFunctions[] = [];

beforeAll(async () => {
  dynamo = await startDynamoLocal();
}, 60_000);

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.stop()));
});

afterAll(async () => {
  await dynamo?.stop();
});

async function newTable(): Promise<string> {
  const table = `journal-${randomUUID()}`;
  await createJournalTable(dynamo.client, table);
  return table;
}

function engineFor(opts: {
  table: string;
  machines: Record<string, object>;
  functions: Record<string, LocalFunction>;
  clock?: AdjustableClock;
}): LocalStepFunctions {
  const engine = new LocalStepFunctions({
    dynamo: dynamo.client,
    journalTableName: opts.table,
    clock: opts.clock ?? new AdjustableClock(),
    functions: opts.functions,
    stateMachines: Object.entries(opts.machines).map(([name, definition]) => ({
      name,
      arn: smArn(name),
      definition,
    })),
  });
  engines.push(engine);
  return engine;
}

const output = async (engine: LocalStepFunctions, executionArn: string) => {
  const described = await engine.describeExecution({ executionArn });
  return {
    status: described.status,
    output: described.output ? JSON.parse(described.output) : undefined,
    described,
  };
};

describe('LocalStepFunctions', () => {
  it('invokes a Lambda task with the resolved Payload and passes on the Lambda-shaped result', async () => {
    const fns = fakeFunctions({ prepare: async (event) => ({ seen: (event as { caseId: string }).caseId }) });
    const engine = engineFor({
      table: await newTable(),
      machines: { Simple: { StartAt: 'Prepare', States: { Prepare: lambdaTask('prepare', { End: true }) } } },
      functions: fns.functions,
    });

    const { executionArn } = await engine.startExecution({
      stateMachineArn: smArn('Simple'),
      input: '{"caseId":"c-1"}',
    });
    await engine.idle();

    expect(executionArn).toMatch(
      new RegExp(`^arn:aws:states:${REGION}:${ACCOUNT}:execution:Simple:[0-9a-f-]{36}$`),
    );
    expect(fns.calls.prepare).toEqual([{ caseId: 'c-1', executionArn }]);
    expect(await output(engine, executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: { caseId: 'c-1', prepare: { value: { seen: 'c-1' } } },
    });
  });

  it('surfaces a thrown Lambda error under its name, so Catch can route on it', async () => {
    const fns = fakeFunctions({
      prepare: async () => {
        throw Object.assign(new Error('no such case'), { name: 'CaseNotFound' });
      },
    });
    const engine = engineFor({
      table: await newTable(),
      machines: {
        Catching: {
          StartAt: 'Prepare',
          States: {
            Prepare: lambdaTask(
              'prepare',
              { End: true },
              { Catch: [{ ErrorEquals: ['CaseNotFound'], Next: 'Gone', ResultPath: '$.error' }] },
            ),
            Gone: { Type: 'Pass', End: true },
          },
        },
      },
      functions: fns.functions,
    });

    const { executionArn } = await engine.startExecution({
      stateMachineArn: smArn('Catching'),
      input: '{"caseId":"c-2"}',
    });
    await engine.idle();

    const { status, output: result } = await output(engine, executionArn);
    expect(status).toBe('SUCCEEDED');
    expect(result.error.Error).toBe('CaseNotFound');
    expect(JSON.parse(result.error.Cause)).toEqual({
      errorType: 'CaseNotFound',
      errorMessage: 'no such case',
    });
  });

  it('parks a waitForTaskToken task until SendTaskSuccess, then continues with its output', async () => {
    const fns = fakeFunctions();
    const engine = engineFor({
      table: await newTable(),
      machines: {
        Callback: {
          StartAt: 'Await Review',
          States: {
            'Await Review': callbackTask({ Next: 'Finish' }),
            Finish: lambdaTask('finish', { End: true }),
          },
        },
      },
      functions: fns.functions,
    });

    const { executionArn } = await engine.startExecution({
      stateMachineArn: smArn('Callback'),
      input: '{"caseId":"c-3"}',
    });
    await engine.idle();
    expect((await output(engine, executionArn)).status).toBe('RUNNING');
    expect(fns.count('finish')).toBe(0);
    const [token] = fns.tokens;
    expect(token).toMatch(/^t1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);

    await engine.sendTaskSuccess({ taskToken: token as string, output: '{"decision":"forward"}' });
    await engine.idle();

    const { status, output: result } = await output(engine, executionArn);
    expect(status).toBe('SUCCEEDED');
    expect(result.result).toEqual({ decision: 'forward' });
    expect(fns.count('finish')).toBe(1);
  });

  it('gives $$.Execution.StartTime as the execution started on the Clock, however far the Clock moves', async () => {
    const clock = new AdjustableClock();
    const fns = fakeFunctions();
    const startTime = { 'startedAt.$': '$$.Execution.StartTime' };
    const engine = engineFor({
      table: await newTable(),
      clock,
      machines: {
        Dated: {
          StartAt: 'Await',
          States: {
            Await: callbackTask(
              { Next: 'Finish' },
              {
                Parameters: { FunctionName: fnArn('open-task'), Payload: { 'taskToken.$': '$$.Task.Token' } },
              },
            ),
            Finish: lambdaTask(
              'finish',
              { End: true },
              { Parameters: { FunctionName: fnArn('finish'), Payload: startTime } },
            ),
          },
        },
      },
      functions: fns.functions,
    });
    clock.advance(100 * DAY_MS);
    const startedAt = clock.now().getTime();
    await engine.startExecution({ stateMachineArn: smArn('Dated'), input: '{}' });
    await engine.idle();
    clock.advance(200 * DAY_MS);
    await engine.sendTaskSuccess({ taskToken: fns.tokens[0] as string, output: '{}' });
    await engine.idle();
    const seen = (fns.calls.finish as { startedAt: string }[]).map((c) => Date.parse(c.startedAt));
    expect(seen).toHaveLength(1);
    expect(Math.abs((seen[0] as number) - startedAt)).toBeLessThan(1000);
  });

  it('accepts a token once: a second completion is TaskTimedOut, a forged one InvalidToken', async () => {
    const fns = fakeFunctions();
    const engine = engineFor({
      table: await newTable(),
      machines: { Once: { StartAt: 'Await', States: { Await: callbackTask({ End: true }) } } },
      functions: fns.functions,
    });
    await engine.startExecution({ stateMachineArn: smArn('Once'), input: '{"caseId":"c-4"}' });
    await engine.idle();
    const token = fns.tokens[0] as string;
    const forged = `${token.slice(0, token.lastIndexOf('.') + 1)}${'A'.repeat(43)}`;

    await expect(engine.sendTaskSuccess({ taskToken: forged, output: '{}' })).rejects.toBeInstanceOf(
      InvalidTokenError,
    );
    await expect(engine.sendTaskSuccess({ taskToken: 'nonsense', output: '{}' })).rejects.toBeInstanceOf(
      InvalidTokenError,
    );
    await engine.sendTaskSuccess({ taskToken: token, output: '{}' });
    await expect(engine.sendTaskSuccess({ taskToken: token, output: '{}' })).rejects.toBeInstanceOf(
      TaskTimedOutError,
    );
  });

  it('fails the task with the error given to SendTaskFailure, which Catch matches by name', async () => {
    const fns = fakeFunctions();
    const engine = engineFor({
      table: await newTable(),
      machines: {
        Failing: {
          StartAt: 'Await',
          States: {
            Await: callbackTask(
              { Next: 'Done' },
              { Catch: [{ ErrorEquals: ['Rejected'], Next: 'Escalate', ResultPath: '$.error' }] },
            ),
            Escalate: lambdaTask('escalate', { End: true }),
            Done: { Type: 'Succeed' },
          },
        },
      },
      functions: fns.functions,
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: smArn('Failing'),
      input: '{"caseId":"c-5"}',
    });
    await engine.idle();

    await engine.sendTaskFailure({
      taskToken: fns.tokens[0] as string,
      error: 'Rejected',
      cause: 'incomplete file',
    });
    await engine.idle();

    const { status, output: result } = await output(engine, executionArn);
    expect(status).toBe('SUCCEEDED');
    expect(result.error).toEqual({ Error: 'Rejected', Cause: 'incomplete file' });
    expect(fns.count('escalate')).toBe(1);
  });

  it('starts a child execution from a states:startExecution task, and reports a name clash by its AWS error name', async () => {
    const fns = fakeFunctions();
    const startChild = {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution',
      Parameters: {
        StateMachineArn: smArn('Child'),
        'Name.$': "States.Format('{}-child', $.caseId)",
        Input: { 'caseId.$': '$.caseId', 'attempt.$': '$.attempt' },
      },
      ResultPath: '$.child',
      Catch: [
        {
          ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'],
          Next: 'Clash',
          ResultPath: '$.error',
        },
      ],
      End: true,
    };
    const engine = engineFor({
      table: await newTable(),
      machines: {
        Parent: {
          StartAt: 'Start Child',
          States: { 'Start Child': startChild, Clash: { Type: 'Pass', End: true } },
        },
        Child: { StartAt: 'Prepare', States: { Prepare: lambdaTask('prepare', { End: true }) } },
      },
      functions: fns.functions,
    });

    const first = await engine.startExecution({
      stateMachineArn: smArn('Parent'),
      input: '{"caseId":"c-6","attempt":1}',
    });
    await engine.idle();
    const second = await engine.startExecution({
      stateMachineArn: smArn('Parent'),
      input: '{"caseId":"c-6","attempt":2}',
    });
    await engine.idle();

    const childArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:Child:c-6-child`;
    const parent = await output(engine, first.executionArn);
    expect(parent.output.child.ExecutionArn).toBe(childArn);
    expect(await output(engine, childArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: { caseId: 'c-6', attempt: 1 },
    });
    expect(fns.count('prepare')).toBe(1);
    expect((await output(engine, second.executionArn)).output.error.Error).toBe(
      'StepFunctions.ExecutionAlreadyExistsException',
    );
  });

  it('fails a callback wait after its 30-day TimeoutSeconds on the Clock, so Catch States.Timeout runs', async () => {
    const clock = new AdjustableClock();
    const fns = fakeFunctions();
    const engine = engineFor({
      table: await newTable(),
      clock,
      machines: {
        Stalling: {
          StartAt: 'Await',
          States: {
            Await: callbackTask(
              { End: true },
              {
                TimeoutSeconds: 30 * 24 * 3600,
                Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Escalate', ResultPath: '$.error' }],
              },
            ),
            Escalate: lambdaTask('escalate', { End: true }),
          },
        },
      },
      functions: fns.functions,
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: smArn('Stalling'),
      input: '{"caseId":"c-7"}',
    });
    await engine.idle();

    clock.advance(29 * DAY_MS);
    await engine.tick();
    await engine.idle();
    expect((await output(engine, executionArn)).status).toBe('RUNNING');

    clock.advance(2 * DAY_MS);
    await engine.tick();
    await engine.idle();

    const { status, output: result } = await output(engine, executionArn);
    expect(status).toBe('SUCCEEDED');
    expect(result.error.Error).toBe('States.Timeout');
    expect(fns.count('escalate')).toBe(1);
    await expect(
      engine.sendTaskSuccess({ taskToken: fns.tokens[0] as string, output: '{}' }),
    ).rejects.toBeInstanceOf(TaskTimedOutError);
  });

  it('ends an execution TIMED_OUT at the one-year limit of a Standard workflow', async () => {
    const clock = new AdjustableClock();
    const fns = fakeFunctions();
    const engine = engineFor({
      table: await newTable(),
      clock,
      machines: { Endless: { StartAt: 'Await', States: { Await: callbackTask({ End: true }) } } },
      functions: fns.functions,
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: smArn('Endless'),
      input: '{"caseId":"c-8"}',
    });
    await engine.idle();

    clock.advance(364 * DAY_MS);
    await engine.tick();
    expect((await output(engine, executionArn)).status).toBe('RUNNING');
    clock.advance(2 * DAY_MS);
    await engine.tick();
    await engine.idle();

    expect((await output(engine, executionArn)).status).toBe('TIMED_OUT');
    const { events } = await engine.getExecutionHistory({ executionArn, reverseOrder: true, maxResults: 1 });
    expect(events[0]?.type).toBe('ExecutionTimedOut');
    await expect(
      engine.sendTaskSuccess({ taskToken: fns.tokens[0] as string, output: '{}' }),
    ).rejects.toBeInstanceOf(TaskTimedOutError);
  });

  it("ends an execution TIMED_OUT after the definition's own TimeoutSeconds", async () => {
    const clock = new AdjustableClock();
    const fns = fakeFunctions();
    const engine = engineFor({
      table: await newTable(),
      clock,
      machines: {
        Short: { StartAt: 'Await', TimeoutSeconds: 3600, States: { Await: callbackTask({ End: true }) } },
      },
      functions: fns.functions,
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: smArn('Short'),
      input: '{"caseId":"c-9"}',
    });
    await engine.idle();

    clock.advance(3601 * 1000);
    await engine.tick();

    expect((await output(engine, executionArn)).described).toMatchObject({
      status: 'TIMED_OUT',
      error: 'States.Timeout',
    });
  });

  it('resumes after a restart from the journal: completed steps are not re-invoked and the old token still works', async () => {
    const table = await newTable();
    const fns = fakeFunctions();
    const machines = {
      Staged: {
        StartAt: 'Prepare',
        States: {
          Prepare: lambdaTask('prepare', { Next: 'Await' }),
          Await: callbackTask({ Next: 'Finish' }),
          Finish: lambdaTask('finish', { End: true }),
        },
      },
    };
    const first = engineFor({ table, machines, functions: fns.functions });
    const { executionArn } = await first.startExecution({
      stateMachineArn: smArn('Staged'),
      input: '{"caseId":"c-10"}',
    });
    await first.idle();
    await first.stop();

    const second = engineFor({ table, machines, functions: fns.functions });
    await second.start();
    await second.idle();
    await second.sendTaskSuccess({ taskToken: fns.tokens[0] as string, output: '{"ok":true}' });
    await second.idle();

    const { status, output: result } = await output(second, executionArn);
    expect(status).toBe('SUCCEEDED');
    expect(result).toMatchObject({ prepare: { value: { done: 'prepare' } }, result: { ok: true } });
    // The waiting step hands the same token out again (its function may never have recorded it);
    // completed steps are answered from the journal.
    expect([fns.count('prepare'), fns.count('open-task'), fns.count('finish')]).toEqual([1, 2, 1]);
    expect(fns.tokens[1]).toBe(fns.tokens[0]);
    const { events } = await second.getExecutionHistory({ executionArn });
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'ExecutionStarted')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'TaskSubmitted')).toHaveLength(1);
  });

  it('journals a token completed while the engine is down; start() then resumes past it', async () => {
    const table = await newTable();
    const fns = fakeFunctions();
    const machines = {
      Await: {
        StartAt: 'Await',
        States: { Await: callbackTask({ Next: 'Finish' }), Finish: lambdaTask('finish', { End: true }) },
      },
    };
    const first = engineFor({ table, machines, functions: fns.functions });
    const { executionArn } = await first.startExecution({
      stateMachineArn: smArn('Await'),
      input: '{"caseId":"c-11"}',
    });
    await first.idle();
    await first.stop();

    const second = engineFor({ table, machines, functions: fns.functions });
    await second.sendTaskSuccess({ taskToken: fns.tokens[0] as string, output: '{"late":true}' });
    expect((await output(second, executionArn)).status).toBe('RUNNING');
    await second.start();
    await second.idle();

    expect(await output(second, executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: { result: { late: true } },
    });
    expect(fns.count('open-task')).toBe(1);
  });

  it('keeps a callback timeout across a restart', async () => {
    const table = await newTable();
    const clock = new AdjustableClock();
    const fns = fakeFunctions();
    const machines = {
      Timed: {
        StartAt: 'Await',
        States: {
          Await: callbackTask(
            { End: true },
            {
              TimeoutSeconds: 86_400,
              Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Escalate', ResultPath: '$.error' }],
            },
          ),
          Escalate: lambdaTask('escalate', { End: true }),
        },
      },
    };
    const first = engineFor({ table, clock, machines, functions: fns.functions });
    const { executionArn } = await first.startExecution({
      stateMachineArn: smArn('Timed'),
      input: '{"caseId":"c-12"}',
    });
    await first.idle();
    await first.stop();

    clock.advance(2 * DAY_MS);
    const second = engineFor({ table, clock, machines, functions: fns.functions });
    await second.start();
    await second.idle();
    await second.tick();
    await second.idle();

    expect((await output(second, executionArn)).status).toBe('SUCCEEDED');
    expect(fns.count('escalate')).toBe(1);
  });

  it('treats StartExecution by name as idempotent for the same input while running, as AWS does', async () => {
    const table = await newTable();
    const fns = fakeFunctions();
    const machines = { Named: { StartAt: 'Await', States: { Await: callbackTask({ End: true }) } } };
    const engine = engineFor({ table, machines, functions: fns.functions });
    const other = engineFor({ table, machines, functions: fns.functions }); // same journal, run not in its memory
    const request = { stateMachineArn: smArn('Named'), name: 'c-13-named', input: '{"caseId":"c-13"}' };

    const first = await engine.startExecution(request);
    const again = await engine.startExecution(request);
    const fromJournal = await other.startExecution(request);
    await engine.idle();

    expect(again).toEqual(first);
    expect(fromJournal).toEqual(first);
    expect(fns.count('open-task')).toBe(1);
    await expect(engine.startExecution({ ...request, input: '{"caseId":"other"}' })).rejects.toBeInstanceOf(
      ExecutionAlreadyExistsError,
    );
    await expect(other.startExecution({ ...request, input: '{"caseId":"other"}' })).rejects.toBeInstanceOf(
      ExecutionAlreadyExistsError,
    );
    await engine.sendTaskSuccess({ taskToken: fns.tokens[0] as string, output: '{}' });
    await engine.idle();
    await expect(engine.startExecution(request)).rejects.toBeInstanceOf(ExecutionAlreadyExistsError);
  });

  it('stops an execution: ABORTED, its waiting token dead, the history closed with ExecutionAborted', async () => {
    const fns = fakeFunctions();
    const engine = engineFor({
      table: await newTable(),
      machines: { Stoppable: { StartAt: 'Await', States: { Await: callbackTask({ End: true }) } } },
      functions: fns.functions,
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: smArn('Stoppable'),
      input: '{"caseId":"c-14"}',
    });
    await engine.idle();

    await engine.stopExecution({ executionArn, error: 'Withdrawn', cause: 'case withdrawn' });

    expect((await output(engine, executionArn)).described).toMatchObject({
      status: 'ABORTED',
      error: 'Withdrawn',
    });
    await expect(
      engine.sendTaskSuccess({ taskToken: fns.tokens[0] as string, output: '{}' }),
    ).rejects.toBeInstanceOf(TaskTimedOutError);
    const { events } = await engine.getExecutionHistory({ executionArn });
    expect(events.at(-1)).toMatchObject({
      type: 'ExecutionAborted',
      executionAbortedEventDetails: { error: 'Withdrawn', cause: 'case withdrawn' },
    });
  });

  it('records an AWS-shaped history, persisted in the journal, without any task token', async () => {
    const table = await newTable();
    const fns = fakeFunctions();
    const machines = {
      Audited: {
        StartAt: 'Prepare',
        States: {
          Prepare: lambdaTask('prepare', { Next: 'Await' }),
          Await: callbackTask({ Next: 'Decide' }),
          Decide: {
            Type: 'Choice',
            Choices: [{ Variable: '$.result.decision', StringEquals: 'forward', Next: 'Done' }],
            Default: 'Done',
          },
          Done: { Type: 'Succeed' },
        },
      },
    };
    const engine = engineFor({ table, machines, functions: fns.functions });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: smArn('Audited'),
      input: '{"caseId":"c-15"}',
    });
    await engine.idle();
    const token = fns.tokens[0] as string;
    await engine.sendTaskSuccess({ taskToken: token, output: `{"decision":"forward","echo":"${token}"}` });
    await engine.idle();

    const { events } = await engine.getExecutionHistory({ executionArn });
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[1]).toMatchObject({ previousEventId: 1, stateEnteredEventDetails: { name: 'Prepare' } });
    expect(events[7]?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke.waitForTaskToken',
      region: REGION,
    });
    expect(events[0]?.timestamp).toBeInstanceOf(Date);
    const text = JSON.stringify(events);
    expect(text).not.toContain(token);
    expect(text).toContain('[redacted]');

    const fresh = engineFor({ table, machines, functions: fns.functions });
    const persisted = await fresh.getExecutionHistory({ executionArn, maxResults: 10 });
    expect(persisted.events).toEqual(events.slice(0, 10));
    const rest = await fresh.getExecutionHistory({ executionArn, nextToken: persisted.nextToken });
    expect(rest.events).toEqual(events.slice(10));
    expect(rest.nextToken).toBeUndefined();
  });

  it("runs the project's own stage workflows: filing closes a case found ineligible at review", async () => {
    const substitutions: Record<string, string> = {};
    for (const fn of Object.values(workflowFunctions)) substitutions[fn.arnKey] = fnArn(fn.name);
    for (const key of stageWorkflowKeys)
      substitutions[stageWorkflows[key].arnKey] = smArn(stageWorkflows[key].name);
    const opened: { action: string; taskToken: string }[] = [];
    const steps: unknown[] = [];
    const engine = engineFor({
      table: await newTable(),
      machines: Object.fromEntries(
        stageWorkflowKeys.map((key) => [
          stageWorkflows[key].name,
          loadWorkflowDefinition(key, substitutions),
        ]),
      ),
      functions: {
        [fnArn(workflowFunctions.openTask.name)]: async (event) => {
          opened.push(event as { action: string; taskToken: string });
          return {};
        },
        [fnArn(workflowFunctions.systemStep.name)]: async (event) => {
          steps.push(event);
          return {};
        },
      },
    });
    const { executionArn } = await engine.startExecution({
      stateMachineArn: smArn(stageWorkflows.filing.name),
      name: 'c-16-filing',
      input: '{"caseId":"c-16"}',
    });

    await engine.idle();
    await engine.sendTaskSuccess({
      taskToken: opened[0]?.taskToken as string,
      output: '{"action":"submitFile","input":{}}',
    });
    await engine.idle();
    await engine.sendTaskSuccess({
      taskToken: opened[1]?.taskToken as string,
      output: '{"action":"review","input":{"decision":"ineligible"}}',
    });
    await engine.idle();

    expect(opened.map((o) => o.action)).toEqual(['submitFile', 'review']);
    expect(steps).toEqual([{ step: 'closeCase', caseId: 'c-16', executionArn, outcome: 'rejectedAtReview' }]);
    expect((await output(engine, executionArn)).status).toBe('SUCCEEDED');
  });
});
