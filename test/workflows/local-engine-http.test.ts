import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createJournalTable,
  createStepFunctionsHttpHandler,
  LocalStepFunctions,
} from '#infra/local/sfn/index';
import { AdjustableClock } from '#shared/clock';
import { type DynamoLocal, startDynamoLocal } from '../../infra/local/dynamo';

const REGION = 'ap-southeast-1';
const SM_ARN = `arn:aws:states:${REGION}:123456789012:stateMachine:Review`;
const OPEN_TASK = `arn:aws:lambda:${REGION}:123456789012:function:open-task`;

const review = {
  StartAt: 'Await Review',
  States: {
    'Await Review': {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: OPEN_TASK,
        Payload: { 'taskToken.$': '$$.Task.Token', 'caseId.$': '$.caseId' },
      },
      ResultPath: '$.result',
      Catch: [{ ErrorEquals: ['Rejected'], Next: 'Rejected', ResultPath: '$.error' }],
      End: true,
    },
    Rejected: { Type: 'Fail', Error: 'CaseRejected', Cause: 'the reviewer rejected the file' },
  },
};

let dynamo: DynamoLocal;
let engine: LocalStepFunctions;
let server: Server;
let sfn: SFNClient;
const tokens = new Map<string, string>();

beforeAll(async () => {
  dynamo = await startDynamoLocal();
  await createJournalTable(dynamo.client, 'journal');
  engine = new LocalStepFunctions({
    dynamo: dynamo.client,
    journalTableName: 'journal',
    clock: new AdjustableClock(),
    functions: {
      [OPEN_TASK]: async (event) => {
        const { taskToken, caseId } = event as { taskToken: string; caseId: string };
        tokens.set(caseId, taskToken);
        return { opened: caseId };
      },
    },
    stateMachines: [{ name: 'Review', arn: SM_ARN, definition: review }],
  });
  server = createServer(createStepFunctionsHttpHandler(engine));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  sfn = new SFNClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}, 60_000);

afterAll(async () => {
  sfn?.destroy();
  await engine?.stop();
  server?.close();
  await dynamo?.stop();
});

async function startCase(caseId: string): Promise<string> {
  const started = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: SM_ARN,
      name: `${caseId}-review`,
      input: JSON.stringify({ caseId }),
    }),
  );
  await engine.idle();
  return started.executionArn as string;
}

describe('the Step Functions HTTP handler, through the real SFNClient', () => {
  it('starts an execution, completes its task with SendTaskSuccess and describes the result', async () => {
    const executionArn = await startCase('c-1');

    await sfn.send(
      new SendTaskSuccessCommand({ taskToken: tokens.get('c-1'), output: '{"decision":"forward"}' }),
    );
    await engine.idle();
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));

    expect(executionArn).toBe(`arn:aws:states:${REGION}:123456789012:execution:Review:c-1-review`);
    expect(described).toMatchObject({ status: 'SUCCEEDED', name: 'c-1-review', stateMachineArn: SM_ARN });
    expect(JSON.parse(described.output as string)).toEqual({
      caseId: 'c-1',
      result: { decision: 'forward' },
    });
    expect(described.startDate).toBeInstanceOf(Date);
    expect(described.stopDate?.getTime()).toBeGreaterThanOrEqual(described.startDate?.getTime() as number);
  });

  it('fails a task with SendTaskFailure and reports the Fail state error on the execution', async () => {
    const executionArn = await startCase('c-2');

    await sfn.send(
      new SendTaskFailureCommand({ taskToken: tokens.get('c-2'), error: 'Rejected', cause: 'no' }),
    );
    await engine.idle();

    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({
      status: 'FAILED',
      error: 'CaseRejected',
      cause: 'the reviewer rejected the file',
    });
  });

  it('returns the execution history in AWS shape, pages it, and never shows a token', async () => {
    const executionArn = await startCase('c-3');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: tokens.get('c-3'), output: '{}' }));
    await engine.idle();

    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 3 }));
    const rest = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken: page.nextToken }));
    const events = [...(page.events ?? []), ...(rest.events ?? [])];

    expect(page.events).toHaveLength(3);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[0]?.timestamp).toBeInstanceOf(Date);
    expect(events[0]?.executionStartedEventDetails?.input).toBe('{"caseId":"c-3"}');
    expect(JSON.stringify(events)).not.toContain(tokens.get('c-3'));
  });

  it('maps engine errors to the named SDK exceptions', async () => {
    await startCase('c-4');
    const conflicting = new StartExecutionCommand({
      stateMachineArn: SM_ARN,
      name: 'c-4-review',
      input: '{"caseId":"x"}',
    });
    const missing = `arn:aws:states:${REGION}:123456789012:execution:Review:nobody`;

    await expect(sfn.send(conflicting)).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'forged', output: '{}' })),
    ).rejects.toBeInstanceOf(InvalidToken);
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: missing }))).rejects.toBeInstanceOf(
      ExecutionDoesNotExist,
    );
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: `${SM_ARN}Missing`, input: '{}' })),
    ).rejects.toBeInstanceOf(StateMachineDoesNotExist);
  });

  it('stops an execution; its token then answers TaskTimedOut and ListExecutions shows it ABORTED', async () => {
    const executionArn = await startCase('c-5');

    const stopped = await sfn.send(new StopExecutionCommand({ executionArn, error: 'Withdrawn' }));
    const listed = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: SM_ARN, statusFilter: 'ABORTED' }),
    );

    expect(stopped.stopDate).toBeInstanceOf(Date);
    expect(listed.executions?.map((e) => e.executionArn)).toEqual([executionArn]);
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: tokens.get('c-5'), output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });
});
