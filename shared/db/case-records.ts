import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { CaseRecord, PendingTask } from '../domain/case';
import { documentKinds, groundSchema, personSchema } from '../domain/case-file';
import type { CaseHead, CaseRecords, Page } from '../domain/ports';
import { type CaseTable, itemFamily, type Query } from './case-table';
import type { CaseTransaction } from './case-transaction';
import { CASE_HEAD_PREFIX, caseItem, caseKey, personPartition, stagePartition, unitPartition } from './keys';
import { documentKind, outcome, stage } from './stored-fields';
import { pendingTasks } from './task-store';

const text = z.string();
const optionalText = text.optional();

const storedPerson = z.looseObject({
  fullName: text,
  dateOfBirth: text,
  gender: personSchema.shape.gender,
  citizenId: text,
  residence: z.looseObject({ address: text, communeId: text }),
});

const storedFile = z.looseObject({
  person: storedPerson,
  guardian: z.looseObject({ fullName: text, relation: text, address: text }).optional(),
  grounds: z.array(groundSchema),
  groundsDetail: text,
  addictionDetermination: z.looseObject({ facility: text, determinedOn: text, documentNumber: text }),
  documents: z.array(
    z.looseObject({ kind: z.enum(documentKinds), title: text, number: optionalText, issuedOn: optionalText }),
  ),
});

const issuedRef = z.looseObject({ sha256: text, number: text, date: text, issuer: text });

/** The versioned case item (`CASE#id / #CASE`). */
const caseSchema: z.ZodType<CaseRecord> = z.looseObject({
  caseId: text,
  version: z.number(),
  stage,
  outcome: outcome.optional(),
  legalProfile: text,
  lastEventHash: optionalText,
  draft: z.boolean().optional(),
  linkedCaseId: optionalText,
  minor: z.boolean(),
  file: storedFile,
  routing: z.looseObject({ filing: text, review: text, court: text, centre: text, supervision: text }),
  openedAt: text,
  openedBy: text,
  updatedAt: text,
  supplementRounds: z.number(),
  childProtectionOpinion: optionalText,
  acceptedOn: optionalText,
  judgeName: optionalText,
  session: z
    .looseObject({
      decidedOn: text,
      date: text,
      place: text,
      online: z.boolean(),
      guardianSummoned: z.boolean().optional(),
    })
    .optional(),
  courtReturns: z.number().optional(),
  courtRequest: optionalText,
  decision: z
    .looseObject({
      outcome: z.enum(['apply', 'notApply']),
      decidedOn: text,
      months: z.number().optional(),
      reason: optionalText,
      secretary: optionalText,
      procurator: optionalText,
      sessionPlace: optionalText,
      fileAssessment: optionalText,
      groundsAssessment: optionalText,
      guardianPresent: z.boolean().optional(),
    })
    .optional(),
  termination: z.looseObject({ reason: text, decisionNumber: text, decidedOn: text }).optional(),
  appeals: z
    .array(
      z.looseObject({
        kind: z.enum(['complaint', 'recommendation', 'protest']),
        lodgedBy: text,
        lodgedOn: text,
        outcome: z.enum(['upheld', 'changed', 'annulled']).optional(),
        decisionNumber: optionalText,
        decidedOn: optionalText,
      }),
    )
    .optional(),
  decisionEffectiveOn: optionalText,
  postponement: z.looseObject({ grounds: text, until: text }).optional(),
  exemption: z.looseObject({ grounds: text }).optional(),
  abscondedOn: optionalText,
  diedOn: optionalText,
  reducedMonths: z.number().optional(),
  earlyEnd: z.looseObject({ grounds: text, decisionNumber: text, decidedOn: text }).optional(),
  admittedOn: optionalText,
  deductedDays: z.number().optional(),
  absences: z.array(z.looseObject({ from: text, returnedOn: text })).optional(),
  releaseDueOn: optionalText,
  releasedOn: optionalText,
  supervisionEndsOn: optionalText,
  closedAt: optionalText,
  issued: z.partialRecord(documentKind, issuedRef).optional(),
});
export const cases = itemFamily('case', caseSchema);

/** What an inbox reads of a case: the projection of `getCaseHeads`. */
const caseHeads = itemFamily<CaseHead>(
  'case head',
  z.looseObject({ caseId: text, stage, version: z.number(), file: z.looseObject({ person: storedPerson }) }),
);

/** The case items: one case with its pending tasks, lists of cases by unit, stage or person. */
export class DynamoCaseRecords implements CaseRecords {
  constructor(private readonly table: CaseTable) {}

  async getCase(caseId: string): Promise<{ record: CaseRecord; tasks: PendingTask[] } | undefined> {
    // The case and its pending tasks share a partition and sort first: one Query reads both.
    const items = await this.table.query({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :head)',
      ExpressionAttributeValues: { ':pk': caseKey(caseId).PK, ':head': CASE_HEAD_PREFIX },
      ConsistentRead: true,
    });
    const head = items.find((item) => item.entity === 'case');
    if (!head) return undefined;
    const tasks = items.filter((item) => item.entity === 'task').map((item) => pendingTasks.read(item));
    return { record: cases.read(head), tasks };
  }

  /** Each case with its pending tasks (one Query per case, in parallel); missing ones left out. */
  async getCasesWithTasks(caseIds: string[]): Promise<{ record: CaseRecord; tasks: PendingTask[] }[]> {
    const found = await Promise.all(caseIds.map((caseId) => this.getCase(caseId)));
    return found.filter((entry) => entry !== undefined);
  }

  /** BatchGetItem with a projection, one round trip per hundred keys. */
  async getCaseHeads(caseIds: readonly string[]): Promise<CaseHead[]> {
    const unique = [...new Set(caseIds)];
    const heads: CaseHead[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      const keys = unique.slice(i, i + 100).map((id) => caseKey(id));
      let request: BatchGetCommandInput['RequestItems'] = {
        [this.table.name]: {
          Keys: keys,
          ProjectionExpression: 'caseId, stage, version, #file.person',
          ExpressionAttributeNames: { '#file': 'file' },
        },
      };
      while (request && Object.keys(request).length > 0) {
        const result: BatchGetCommandOutput = await this.table.client.send(
          new BatchGetCommand({ RequestItems: request }),
        );
        heads.push(...(result.Responses?.[this.table.name] ?? []).map((item) => caseHeads.read(item)));
        request = result.UnprocessedKeys;
      }
    }
    return heads;
  }

  async listCases(query: {
    unitId?: string;
    stage?: CaseRecord['stage'];
    limit: number;
    cursor?: string;
  }): Promise<Page<CaseRecord>> {
    const input: Query = query.unitId
      ? {
          IndexName: 'GSI1',
          KeyConditionExpression: query.stage
            ? 'GSI1PK = :pk AND begins_with(GSI1SK, :stage)'
            : 'GSI1PK = :pk',
          ExpressionAttributeValues: {
            ':pk': unitPartition(query.unitId),
            ...(query.stage && { ':stage': `${query.stage}#` }),
          },
        }
      : {
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': stagePartition(query.stage ?? 'NOTIFIED') },
        };
    return this.table.page(cases, { ...input, ScanIndexForward: false }, query);
  }

  async listCasesOfPerson(citizenId: string, query: { limit: number; cursor?: string }) {
    return this.table.page(
      cases,
      {
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': personPartition(citizenId) },
        ScanIndexForward: false,
      },
      query,
    );
  }
}

/** The case item of a change: new (`expectedVersion` absent) or replacing the version it was read at. */
export function putCase(tx: CaseTransaction, record: CaseRecord, expectedVersion?: number): void {
  if (expectedVersion === undefined)
    tx.put({ Item: caseItem(record), ConditionExpression: 'attribute_not_exists(PK)' }, 'exists');
  else
    tx.put(
      {
        Item: caseItem(record),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
      'version',
    );
}
