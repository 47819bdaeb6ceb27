import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, lambdaContext, useHandlerEnvironment } from '../support/api-event';
import { aCaseFile } from '../support/factories';

const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

describe('create-case handler', () => {
  let handler: typeof import('#functions/create-case/handler')['handler'];

  beforeAll(async () => {
    useHandlerEnvironment();
    ({ handler } = await import('#functions/create-case/handler'));
  });

  afterEach(() => {
    ddb.reset();
    sfn.reset();
  });

  it('creates the case and starts the filing execution named after the case', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(TransactWriteCommand).resolves({});
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec', startDate: new Date() });

    const response = await handler(
      apiEvent({ method: 'POST', path: '/cases', body: aCaseFile() }),
      lambdaContext,
    );

    expect(response.statusCode).toBe(201);
    // The person's earlier cases are read by index, never by scan.
    expect(ddb.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      IndexName: 'GSI3',
      ExpressionAttributeValues: { ':pk': `PERSON#${aCaseFile().person.citizenId}` },
    });
    const body = JSON.parse(response.body ?? '{}');
    expect(response.headers?.location).toBe(`/cases/${body.caseId}`);
    const start = sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input;
    expect(start).toMatchObject({
      stateMachineArn: 'arn:aws:states:ap-southeast-1:123456789012:stateMachine:CaseFiling',
      name: `${body.caseId}-filing`,
      input: JSON.stringify({ caseId: body.caseId }),
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    const caseItems = items.filter((i) => i.Put?.Item?.PK === `CASE#${body.caseId}`);
    expect(caseItems.map((i) => i.Put?.Item?.SK)).toEqual(['#CASE', 'EVENT#00000001']);
    // The name search entries go in the same transaction.
    const names = items.filter((i) => String(i.Put?.Item?.PK).startsWith('NAMES#'));
    expect(names.map((i) => i.Put?.Item?.SK)).toEqual([
      `lo van thu#${body.caseId}`,
      `van#${body.caseId}`,
      `thu#${body.caseId}`,
    ]);
  });

  it('answers 400 naming each bad field and writes nothing', async () => {
    const response = await handler(
      apiEvent({ method: 'POST', path: '/cases', body: { ...aCaseFile(), documents: [], unexpected: 1 } }),
      lambdaContext,
    );
    expect(response.statusCode).toBe(400);
    const fields = JSON.parse(response.body ?? '{}').errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['documents', '(body)']));
    expect(ddb.calls()).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });

  it('refuses a body that is not JSON', async () => {
    const event = apiEvent({ method: 'POST', path: '/cases' });
    event.body = '{not json';
    const response = await handler(event, lambdaContext);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '{}').errors).toEqual([
      { field: '(body)', rule: 'phải là JSON hợp lệ' },
    ]);
  });
});
