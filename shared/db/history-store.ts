import * as z from 'zod';
import type { CaseEvent } from '../domain/case';
import type { CaseHistory, Page } from '../domain/ports';
import { type CaseTable, itemFamily } from './case-table';
import type { CaseTransaction, Contention } from './case-transaction';
import { caseKey, EVENT_PREFIX, eventItem } from './keys';
import { actionName, documentKind, eventType, role } from './stored-fields';

const text = z.string();

/**
 * An event of a case's history (`CASE#id / EVENT#seq`), append-only. Attributes the schema does
 * not name are kept: the event's hash covers everything it holds, and verifying the chain must see
 * the event as stored.
 */
const events = itemFamily<CaseEvent>(
  'event',
  z.looseObject({
    caseId: text,
    seq: z.number(),
    type: eventType,
    at: text,
    actor: z.discriminatedUnion('kind', [
      z.looseObject({ kind: z.literal('person'), userId: text, role, unitId: text }),
      z.looseObject({ kind: z.literal('system') }),
    ]),
    action: actionName.optional(),
    input: z.unknown().optional(),
    detail: z.record(z.string(), z.unknown()).optional(),
    executionArn: text.optional(),
    stateName: text.optional(),
    documents: z.array(z.looseObject({ sha256: text, kind: documentKind, number: text })).optional(),
    prevHash: text.optional(),
    hash: text.optional(),
  }),
);

export class DynamoCaseHistory implements CaseHistory {
  constructor(private readonly table: CaseTable) {}

  async listEvents(caseId: string, query: { limit: number; cursor?: string }): Promise<Page<CaseEvent>> {
    return this.table.page(
      events,
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :events)',
        ExpressionAttributeValues: { ':pk': caseKey(caseId).PK, ':events': EVENT_PREFIX },
        ConsistentRead: true,
      },
      query,
    );
  }
}

/**
 * The event a change appends, already sealed into the hash chain. Its sequence is the case's new
 * version, so a second event with the same number fails: the history has no gaps or duplicates.
 */
export function appendEvent(tx: CaseTransaction, event: CaseEvent, contention: Contention): void {
  tx.put({ Item: eventItem(event), ConditionExpression: 'attribute_not_exists(PK)' }, contention);
}
