import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SendTaskSuccessCommand, SFNClient, TaskTimedOut } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, lambdaContext, useHandlerEnvironment } from '../support/api-event';
import { aCaseFile } from '../support/factories';

const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

const caseItem = {
  PK: 'CASE#c1',
  SK: '#CASE',
  entity: 'case',
  caseId: 'c1',
  version: 2,
  stage: 'NOTIFIED',
  legalProfile: '2022-01-01',
  minor: false,
  file: aCaseFile(),
  routing: {
    filing: 'p-dong-phong',
    review: 'ldtbxh-tp-lai-chau',
    court: 'tand-tp-lai-chau',
    centre: 'cscn-lai-chau',
    supervision: 'p-dong-phong',
  },
  openedAt: '2026-11-20T02:00:00.000Z',
  openedBy: 'police-dong-phong',
  updatedAt: '2026-11-20T02:00:00.000Z',
  supplementRounds: 0,
};
const taskItem = {
  PK: 'CASE#c1',
  SK: '#TASK#t1',
  entity: 'task',
  taskId: 't1',
  caseId: 'c1',
  action: 'submitFile',
  role: 'police',
  unitId: 'p-dong-phong',
  dueOn: '2026-11-26',
  openedAt: '2026-11-20T02:00:00.000Z',
  completion: { kind: 'taskToken', taskToken: 'secret-token-123' },
};

const submitEvent = (
  body: unknown = { expectedVersion: 2, input: { opinionsRecorded: true } },
  headers = {},
) =>
  apiEvent({
    method: 'POST',
    path: '/cases/c1/actions/submitFile',
    pathParameters: { id: 'c1', action: 'submitFile' },
    body,
    headers,
  });

describe('perform-action handler', () => {
  let handler: typeof import('#functions/perform-action/handler')['handler'];

  beforeAll(async () => {
    useHandlerEnvironment();
    ({ handler } = await import('#functions/perform-action/handler'));
  });

  afterEach(() => {
    ddb.reset();
    sfn.reset();
  });

  it('writes the case and its event in one conditional transaction, then completes the held token', async () => {
    ddb.on(QueryCommand).resolves({ Items: [caseItem, taskItem] });
    ddb.on(TransactWriteCommand).resolves({});
    sfn.on(SendTaskSuccessCommand).resolves({});

    const response = await handler(submitEvent(), lambdaContext);

    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body ?? '{}');
    expect(body).toMatchObject({ caseId: 'c1', version: 3, pendingTasks: [] });
    expect(response.body).not.toContain('secret-token-123');
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items[0]?.Put).toMatchObject({
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 2 },
      Item: { PK: 'CASE#c1', version: 3 },
    });
    expect(items[1]?.Put).toMatchObject({
      ConditionExpression: 'attribute_not_exists(PK)',
      Item: { PK: 'CASE#c1', SK: 'EVENT#00000003', action: 'submitFile' },
    });
    expect(items[2]?.Delete).toMatchObject({ Key: { PK: 'CASE#c1', SK: '#TASK#t1' } });
    const sent = sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input;
    expect(sent?.taskToken).toBe('secret-token-123');
    expect(JSON.parse(sent?.output ?? '{}')).toMatchObject({ action: 'submitFile', eventSeq: 3 });
  });

  it('answers 409 problem+json with the current case when the transaction loses the race', async () => {
    ddb.on(QueryCommand).resolves({ Items: [caseItem, taskItem] });
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }, { Code: 'None' }],
      }),
    );

    const response = await handler(submitEvent(), lambdaContext);

    expect(response.statusCode).toBe(409);
    expect(response.headers?.['content-type']).toContain('application/problem+json');
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ status: 409, current: { caseId: 'c1' } });
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
  });

  it('treats a transaction conflict in DynamoDB like a lost race: 409, nothing completed', async () => {
    ddb.on(QueryCommand).resolves({ Items: [caseItem, taskItem] });
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }],
      }),
    );
    const response = await handler(submitEvent(), lambdaContext);
    expect(response.statusCode).toBe(409);
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
  });

  it('answers 401 when no verified claims reach the handler', async () => {
    const response = await handler(
      apiEvent({
        method: 'POST',
        path: '/cases/c1/actions/submitFile',
        pathParameters: { id: 'c1', action: 'submitFile' },
        body: {},
        claims: null,
      }),
      lambdaContext,
    );
    expect(response.statusCode).toBe(401);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('names a malformed Idempotency-Key and body without touching storage', async () => {
    const badKey = await handler(submitEvent(undefined, { 'Idempotency-Key': 'x' }), lambdaContext);
    expect(badKey.statusCode).toBe(400);
    expect(JSON.parse(badKey.body ?? '{}').errors[0].field).toBe('Idempotency-Key');

    ddb.on(QueryCommand).resolves({ Items: [caseItem, taskItem] });
    const badBody = await handler(submitEvent({ expectedVersion: 'two' }), lambdaContext);
    expect(badBody.statusCode).toBe(400);
    expect(JSON.parse(badBody.body ?? '{}').errors.map((e: { field: string }) => e.field)).toContain(
      'expectedVersion',
    );
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('treats a token that was already completed as done, so a retry succeeds', async () => {
    ddb.on(QueryCommand).resolves({ Items: [caseItem, taskItem] });
    ddb.on(TransactWriteCommand).resolves({});
    sfn.on(SendTaskSuccessCommand).rejects(new TaskTimedOut({ message: 'gone', $metadata: {} }));

    const response = await handler(submitEvent(), lambdaContext);
    expect(response.statusCode).toBe(200);
  });

  it('answers 502 naming the retry when Step Functions fails after the write', async () => {
    ddb.on(QueryCommand).resolves({ Items: [caseItem, taskItem] });
    ddb.on(TransactWriteCommand).resolves({});
    sfn.on(SendTaskSuccessCommand).rejects(new Error('connection reset'));

    const response = await handler(submitEvent(), lambdaContext);
    expect(response.statusCode).toBe(502);
    expect(JSON.parse(response.body ?? '{}').detail).toContain('Idempotency-Key');
  });
});
