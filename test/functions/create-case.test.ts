import { createHash } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, lambdaContext, useHandlerEnvironment } from '../support/api-event';
import { aCaseFile } from '../support/factories';

const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
const s3 = mockClient(S3Client);

describe('create-case handler', () => {
  let handler: typeof import('#functions/create-case/handler')['handler'];

  beforeAll(async () => {
    useHandlerEnvironment();
    ({ handler } = await import('#functions/create-case/handler'));
  });

  afterEach(() => {
    ddb.reset();
    sfn.reset();
    s3.reset();
  });

  it('creates the case and starts the filing execution named after the case', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    // The commune's register has issued 6 documents this year.
    ddb.on(GetCommand).resolves({ Item: { last: 6 } });
    ddb.on(TransactWriteCommand).resolves({});
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec', startDate: new Date() });
    s3.on(PutObjectCommand).resolves({});

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
    // The notification is issued with the case: number 7, counter moved from 6 in the same transaction.
    const notice = body.issued.fileCompilationNotice;
    expect(notice.number).toBe('07/TB-UBND');
    const caseItems = items.filter((i) => i.Put?.Item?.PK === `CASE#${body.caseId}`);
    expect(caseItems.map((i) => i.Put?.Item?.SK)).toEqual([
      '#CASE',
      'EVENT#00000001',
      expect.stringMatching(/^DOCUMENT#.+#[0-9a-f]{64}$/),
    ]);
    expect(items.filter((i) => i.Put?.Item?.SK === '#DOCUMENT')).toHaveLength(1);
    const counter = items.find(
      (i) => i.Update?.Key?.PK === `COUNTER#p-dong-phong#${new Date().getFullYear()}`,
    );
    expect(counter?.Update).toMatchObject({
      ConditionExpression: '#last = :from',
      ExpressionAttributeValues: { ':from': 6, ':to': 7 },
    });
    expect(caseItems[1]?.Put?.Item?.documents).toEqual([
      { sha256: notice.sha256, kind: 'fileCompilationNotice', number: '07/TB-UBND' },
    ]);
    // The name search entries go in the same transaction.
    const names = items.filter((i) => String(i.Put?.Item?.PK).startsWith('NAMES#'));
    expect(names.map((i) => i.Put?.Item?.SK)).toEqual([
      `lo van thu#${body.caseId}`,
      `van#${body.caseId}`,
      `thu#${body.caseId}`,
    ]);
    // Stored by its hash, which S3 checks on upload.
    const put = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(put?.Key).toBe(`documents/${notice.sha256}.pdf`);
    const bytes = put?.Body as Uint8Array;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(notice.sha256);
    expect(put?.ChecksumSHA256).toBe(Buffer.from(notice.sha256, 'hex').toString('base64'));
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
