import * as z from 'zod';
import type { DocumentWrite, IssuedDocument } from '../documents/issued';
import type { DocumentRecords, Page } from '../domain/ports';
import { type CaseTable, itemFamily } from './case-table';
import type { CaseTransaction } from './case-transaction';
import { caseDocumentKey, caseKey, DOCUMENT_PREFIX, documentCounterKey, documentKey } from './keys';
import { actionName, anyValue, documentKind } from './stored-fields';

const text = z.string();

/** An issued document, stored twice: by hash (`DOCUMENT#sha256`) and in its case, in issuing order. */
const documents = itemFamily<IssuedDocument>(
  'document',
  z.looseObject({
    sha256: text,
    caseId: text,
    eventSeq: z.number(),
    action: actionName.optional(),
    systemStep: text.optional(),
    kind: documentKind,
    title: text,
    issuerUnitId: text,
    year: z.number(),
    sequence: z.number(),
    number: text,
    issuedOn: text,
    issuedAt: text,
    bytes: z.number(),
    replaces: text.optional(),
    correctionReason: text.optional(),
    input: anyValue,
  }),
);

/** An issuer's register for a year (`COUNTER#unit#year`): the last number given. */
const registers = itemFamily('document register', z.looseObject({ last: z.number().optional() }));

export class DynamoDocumentRecords implements DocumentRecords {
  constructor(private readonly table: CaseTable) {}

  async getDocumentCounter(issuerUnitId: string, year: number): Promise<number> {
    const register = await this.table.get(registers, documentCounterKey(issuerUnitId, year), true);
    return register?.last ?? 0;
  }

  async getDocument(sha256: string): Promise<IssuedDocument | undefined> {
    return this.table.get(documents, documentKey(sha256));
  }

  async listDocuments(
    caseId: string,
    query: { limit: number; cursor?: string },
  ): Promise<Page<IssuedDocument>> {
    return this.table.page(
      documents,
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': caseKey(caseId).PK, ':prefix': DOCUMENT_PREFIX },
      },
      query,
    );
  }
}

/**
 * The documents a change issues, and each issuer's register moved from the number it had when the
 * documents were numbered to the highest one given, in the same transaction as the case change:
 * no gap, no duplicate.
 */
export function issueDocuments(tx: CaseTransaction, writes: DocumentWrite[]): void {
  const counters = new Map<string, { unitId: string; year: number; from: number; to: number }>();
  for (const { document, previousSequence } of writes) {
    const key = `${document.issuerUnitId}#${document.year}`;
    const counter = counters.get(key);
    if (counter) counter.to = Math.max(counter.to, document.sequence);
    else
      counters.set(key, {
        unitId: document.issuerUnitId,
        year: document.year,
        from: previousSequence,
        to: document.sequence,
      });
    const item = { entity: 'document', ...document };
    tx.put(
      { Item: { ...documentKey(document.sha256), ...item }, ConditionExpression: 'attribute_not_exists(PK)' },
      'exists',
    );
    tx.put(
      { Item: { ...caseDocumentKey(document.caseId, document.issuedAt, document.sha256), ...item } },
      'version',
    );
  }
  for (const counter of counters.values()) {
    tx.update(
      {
        Key: documentCounterKey(counter.unitId, counter.year),
        UpdateExpression: 'SET #last = :to, entity = :entity',
        ConditionExpression: counter.from === 0 ? 'attribute_not_exists(#last)' : '#last = :from',
        ExpressionAttributeNames: { '#last': 'last' },
        ExpressionAttributeValues: {
          ':to': counter.to,
          ':entity': 'documentCounter',
          ...(counter.from !== 0 && { ':from': counter.from }),
        },
      },
      'counter',
    );
  }
}
