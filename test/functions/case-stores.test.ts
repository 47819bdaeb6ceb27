import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoCaseRepository } from '#shared/db/case-repository';
import type { CaseEvent, CaseRecord } from '#shared/domain/case';
import { IdempotencyRace, StoredItemInvalidError, VersionConflict } from '#shared/errors';
import { aCaseFile } from '../support/factories';

const ddb = mockClient(DynamoDBDocumentClient);
const store = new DynamoCaseRepository(
  DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' })),
  'Cases',
);

const event: CaseEvent = {
  caseId: 'c1',
  seq: 1,
  type: 'caseOpened',
  at: '2026-11-20T02:00:00.000Z',
  actor: { kind: 'system' },
  prevHash: 'GENESIS',
  hash: 'h1',
};

const record: CaseRecord = {
  caseId: 'c1',
  version: 1,
  stage: 'NOTIFIED',
  legalProfile: '2022-01-01',
  minor: false,
  file: aCaseFile(),
  routing: { filing: 'p-dong-phong', review: 'r', court: 'c', centre: 'x', supervision: 'p-dong-phong' },
  openedAt: '2026-11-20T02:00:00.000Z',
  openedBy: 'police-dong-phong',
  updatedAt: '2026-11-20T02:00:00.000Z',
  supplementRounds: 0,
};

describe('the case stores on DynamoDB', () => {
  afterEach(() => ddb.reset());

  it('reads an event back with the attributes it holds, named or not, and without its keys', async () => {
    ddb.on(QueryCommand).resolves({
      Items: [
        { PK: 'CASE#c1', SK: 'EVENT#00000001', entity: 'event', ...event, writtenBy: 'an older release' },
      ],
    });

    const page = await store.listEvents('c1', { limit: 10 });

    expect(page.items).toEqual([
      {
        caseId: 'c1',
        seq: 1,
        type: 'caseOpened',
        at: event.at,
        actor: { kind: 'system' },
        prevHash: 'GENESIS',
        hash: 'h1',
        writtenBy: 'an older release',
      },
    ]);
  });

  it('refuses an item without its family’s shape, naming the partition and the attribute, not the value', async () => {
    ddb
      .on(GetCommand)
      .resolves({ Item: { PK: 'DOCUMENT#abc', SK: '#DOCUMENT', sha256: 'abc', eventSeq: 'three' } });

    const read = store.getDocument('abc');

    await expect(read).rejects.toBeInstanceOf(StoredItemInvalidError);
    await expect(read).rejects.toThrow(/DOCUMENT#abc.*eventSeq/);
    await expect(read).rejects.not.toThrow(/three/);
  });

  it('reads a performed task whose output was undefined as one without output', async () => {
    ddb.on(GetCommand).resolves({
      Item: {
        PK: 'CASE#c1',
        SK: 'DONE#t1',
        taskId: 't1',
        caseId: 'c1',
        action: 'submitFile',
        completedAt: 'x',
      },
    });

    expect(await store.getCompletedTask('c1', 't1')).toEqual({
      taskId: 't1',
      caseId: 'c1',
      action: 'submitFile',
      completedAt: 'x',
    });
  });

  it('writes a new case in one transaction and reports a lost idempotency key before anything else', async () => {
    const idempotency = { key: 'u#k', requestHash: 'r', status: 201, body: {}, createdAt: record.openedAt };
    ddb.on(TransactWriteCommand).callsFake(({ TransactItems }) => {
      const reasons = TransactItems.map((item: { Put?: { Item: { PK: string } } }) => ({
        Code:
          item.Put?.Item.PK.startsWith('IDEMPOTENCY#') || item.Put?.Item.PK === 'CASE#c1'
            ? 'ConditionalCheckFailed'
            : 'None',
      }));
      throw new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: reasons,
      });
    });

    const created = store.createCase(record, event, idempotency);

    await expect(created).rejects.toBeInstanceOf(IdempotencyRace);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('refuses a change to a case that moved on before writing anything', async () => {
    ddb
      .on(QueryCommand)
      .resolves({ Items: [{ PK: 'CASE#c1', SK: '#CASE', entity: 'case', ...record, version: 2 }] });

    const committed = store.commit({
      expectedVersion: 1,
      next: { ...record, version: 2 },
      event: { ...event, seq: 2 },
    });

    await expect(committed).rejects.toBeInstanceOf(VersionConflict);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
