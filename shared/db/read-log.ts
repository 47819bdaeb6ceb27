import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { CaseRead } from '../domain/case';
import type { Page, ReadLog } from '../domain/ports';
import { type CaseTable, itemFamily } from './case-table';
import { caseKey, READ_PREFIX, readKey } from './keys';
import { role } from './stored-fields';

/** Who read a case and when (`CASE#id / READ#at#readId`), append-only. */
const reads = itemFamily<CaseRead>(
  'read',
  z.looseObject({
    caseId: z.string(),
    readId: z.string(),
    at: z.string(),
    actor: z.looseObject({ userId: z.string(), role, unitId: z.string() }),
    what: z.enum(['case', 'history', 'verification', 'documents', 'document', 'export']),
  }),
);

export class DynamoReadLog implements ReadLog {
  constructor(private readonly table: CaseTable) {}

  async recordRead(read: CaseRead): Promise<void> {
    await this.table.client.send(
      new PutCommand({
        TableName: this.table.name,
        Item: { ...readKey(read.caseId, read.at, read.readId), entity: 'read', ...read },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async listReads(caseId: string, query: { limit: number; cursor?: string }): Promise<Page<CaseRead>> {
    return this.table.page(
      reads,
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :reads)',
        ExpressionAttributeValues: { ':pk': caseKey(caseId).PK, ':reads': READ_PREFIX },
        ScanIndexForward: false,
      },
      query,
    );
  }
}
