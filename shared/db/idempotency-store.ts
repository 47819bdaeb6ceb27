import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { IdempotencyRecord, IdempotencyReservation } from '../domain/case';
import type { IdempotencyStore } from '../domain/ports';
import { type CaseTable, itemFamily } from './case-table';
import type { CaseTransaction } from './case-transaction';
import { idempotencyKey } from './keys';
import { anyValue, taskCompletion } from './stored-fields';

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** When DynamoDB may delete an idempotency item (its TTL attribute, in epoch seconds). */
const ttlAfter = (isoInstant: string): number =>
  Math.floor(Date.parse(isoInstant) / 1000) + IDEMPOTENCY_TTL_SECONDS;

const answer = z.looseObject({
  key: z.string(),
  requestHash: z.string(),
  status: z.number(),
  body: anyValue,
  followUp: z.intersection(taskCompletion, z.looseObject({ output: z.unknown().optional() })).optional(),
  createdAt: z.string(),
  reservationId: z.string().optional(),
  ttl: z.number().optional(),
});

const reservation = z.looseObject({
  key: z.string(),
  requestHash: z.string(),
  state: z.literal('inProgress'),
  reservationId: z.string(),
  reservedAt: z.string(),
  expiresAt: z.string(),
  ttl: z.number().optional(),
});

/**
 * `IDEMPOTENCY#userId#key`: a reservation while its request runs, then the saved answer (with the
 * follow-up a retry repeats), which replaces it in the change's transaction; expires by `ttl`.
 */
const records = itemFamily<IdempotencyRecord | IdempotencyReservation>(
  'idempotency',
  z.union([reservation, answer]),
);

const heldByReservation = {
  ConditionExpression: '#state = :inProgress AND reservationId = :reservationId',
  ExpressionAttributeNames: { '#state': 'state' },
};

export class DynamoIdempotencyStore implements IdempotencyStore {
  constructor(private readonly table: CaseTable) {}

  async getIdempotency(key: string): Promise<IdempotencyRecord | IdempotencyReservation | undefined> {
    return this.table.get(records, idempotencyKey(key), true);
  }

  async reserveIdempotency(
    held: IdempotencyReservation,
  ): Promise<IdempotencyRecord | IdempotencyReservation | undefined> {
    // A holder that frees the key between the failed put and the read: try once more.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.table.client.send(
          new PutCommand({
            TableName: this.table.name,
            Item: {
              ...idempotencyKey(held.key),
              entity: 'idempotency',
              ...held,
              ttl: ttlAfter(held.reservedAt),
            },
            ConditionExpression: 'attribute_not_exists(PK) OR (#state = :inProgress AND expiresAt < :now)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':inProgress': 'inProgress', ':now': held.reservedAt },
          }),
        );
        return undefined;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const holder = await this.getIdempotency(held.key);
        if (holder || attempt >= 2) return holder ?? { ...held, reservationId: 'unknown' };
      }
    }
  }

  async releaseIdempotency(key: string, reservationId: string): Promise<void> {
    try {
      await this.table.client.send(
        new DeleteCommand({
          TableName: this.table.name,
          Key: idempotencyKey(key),
          ...heldByReservation,
          ExpressionAttributeValues: { ':inProgress': 'inProgress', ':reservationId': reservationId },
        }),
      );
    } catch (error) {
      // Completed by the request itself, or taken over after its lease: either way not ours to free.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

/**
 * The answer a change saves for its Idempotency-Key, replacing the request's reservation, which
 * must still be its own; without a reservation, a second answer with the same key fails.
 */
export function saveIdempotency(tx: CaseTransaction, record: IdempotencyRecord): void {
  tx.put(
    {
      Item: {
        ...idempotencyKey(record.key),
        entity: 'idempotency',
        ...record,
        ttl: ttlAfter(record.createdAt),
      },
      ...(record.reservationId
        ? {
            ...heldByReservation,
            ExpressionAttributeValues: {
              ':inProgress': 'inProgress',
              ':reservationId': record.reservationId,
            },
          }
        : { ConditionExpression: 'attribute_not_exists(PK)' }),
    },
    'idempotency',
  );
}
