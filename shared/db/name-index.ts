import type { QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { CaseRecord } from '../domain/case';
import type { NameIndex } from '../domain/ports';
import { type CaseTable, itemFamily } from './case-table';
import type { CaseTransaction } from './case-transaction';
import { nameSearchItems, nameSearchPartition } from './keys';

/** A name search entry (`NAMES#commune / folded text#caseId`), read with a projection of its case id. */
const entries = itemFamily('name search entry', z.looseObject({ caseId: z.string() }));

export class DynamoNameIndex implements NameIndex {
  constructor(private readonly table: CaseTable) {}

  /** One Query per commune on its name partition, at most `limit` ids. */
  async searchCaseIdsByName(communes: string[], prefix: string, limit: number): Promise<string[]> {
    const found = new Set<string>();
    for (const commune of communes) {
      let start: Record<string, unknown> | undefined;
      do {
        const result: QueryCommandOutput = await this.table.client.send(
          new QueryCommand({
            TableName: this.table.name,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: { ':pk': nameSearchPartition(commune), ':prefix': prefix },
            ProjectionExpression: 'caseId',
            ExclusiveStartKey: start,
          }),
        );
        for (const item of result.Items ?? []) {
          found.add(entries.read(item).caseId);
          if (found.size >= limit) return [...found];
        }
        start = result.LastEvaluatedKey;
      } while (start);
    }
    return [...found];
  }
}

/** The entries of a new case's person (the name never changes: written once, with the case). */
export function indexName(tx: CaseTransaction, record: CaseRecord): void {
  for (const item of nameSearchItems(record)) tx.put({ Item: item }, 'exists');
}
