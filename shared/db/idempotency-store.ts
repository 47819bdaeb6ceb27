import * as z from 'zod';
import type { IdempotencyRecord } from '../domain/case';
import type { IdempotencyStore } from '../domain/ports';
import { type CaseTable, itemFamily } from './case-table';
import type { CaseTransaction } from './case-transaction';
import { idempotencyKey } from './keys';
import { anyValue, taskCompletion } from './stored-fields';

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** A saved answer (`IDEMPOTENCY#userId#key`), with the follow-up a retry repeats; expires by `ttl`. */
const records = itemFamily<IdempotencyRecord & { ttl?: number }>(
  'idempotency',
  z.looseObject({
    key: z.string(),
    requestHash: z.string(),
    status: z.number(),
    body: anyValue,
    followUp: z.intersection(taskCompletion, z.looseObject({ output: z.unknown().optional() })).optional(),
    createdAt: z.string(),
    ttl: z.number().optional(),
  }),
);

export class DynamoIdempotencyStore implements IdempotencyStore {
  constructor(private readonly table: CaseTable) {}

  async getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    return this.table.get(records, idempotencyKey(key), true);
  }
}

/** The answer a change saves for its Idempotency-Key; a second one with the same key fails. */
export function saveIdempotency(tx: CaseTransaction, record: IdempotencyRecord): void {
  const ttl = Math.floor(Date.parse(record.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS;
  tx.put(
    {
      Item: { ...idempotencyKey(record.key), entity: 'idempotency', ...record, ttl },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
    'idempotency',
  );
}
