import * as z from 'zod';
import { roles } from '../domain/roles';
import { actionNames, outcomes, stages } from './pipeline-schemas';

/**
 * What the API answers, as schemas: the route table (routes.ts) names one per status and the
 * OpenAPI document publishes them. Objects a client should read whole are closed (`z.object`);
 * the case itself is open (`z.looseObject`), since each step adds the fields it records.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const timestamp = z.string().describe('ISO 8601, UTC');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const stage = z.enum(stages);
const action = z.enum(actionNames);
const role = z.enum(roles);
const cursor = z.string().optional().describe('Opaque; pass it back to read the next page');

/** RFC 9457 problem details, as the error middleware (shared/http/problem.ts) writes them. */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), rule: z.string() }))
    .optional()
    .describe('Validation failed: each field and the rule it broke'),
});

const healthCheck = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export const healthSchema = z.object({
  status: z.literal('ok'),
  checks: z.object({ table: healthCheck, engine: healthCheck }),
});

/** The OpenAPI document itself (described, not re-described). */
export const openApiSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({}),
  paths: z.looseObject({}),
});

const person = z.object({ fullName: z.string(), citizenId: z.string(), dateOfBirth: isoDate });

export const caseListItemSchema = z.object({
  caseId: z.string(),
  person,
  stage,
  outcome: z.enum(outcomes).optional(),
  filingUnitId: z.string(),
  openedAt: timestamp,
  updatedAt: timestamp,
  nextDueOn: isoDate.optional().describe('Earliest due date among the steps with a real deadline'),
  overdue: z.boolean(),
});

export const caseListSchema = z.object({
  items: z.array(caseListItemSchema),
  cursor: cursor.describe('Absent for a search (q) or overdue=true: at most 100 matches, no cursor'),
});

const taskLine = {
  caseId: z.string(),
  taskId: z.string(),
  action,
  label: z.string(),
  role,
  unitId: z.string(),
  dueOn: isoDate,
};

export const inboxSchema = z.object({
  items: z.array(
    z.object({
      ...taskLine,
      overdue: z.boolean(),
      main: z.boolean().describe('The step the wait is for; false for events offered beside it'),
      stage,
      version: z.number().int(),
      person,
    }),
  ),
  counts: z.record(z.string(), z.number().int()).describe('Waiting steps per action'),
  overdueCount: z.number().int(),
});

export const overdueTasksSchema = z.object({
  unitId: z.string(),
  items: z.array(z.object({ ...taskLine, escalatedAt: timestamp.optional() })),
  cursor,
});

const taskView = z.object({
  taskId: z.string(),
  action,
  label: z.string(),
  role,
  unitId: z.string(),
  body: z.string().describe('The body that performs the step under the case’s legal profile'),
  dueOn: isoDate,
  overdue: z.boolean(),
  main: z.boolean(),
  escalatedAt: timestamp.optional(),
  deadlineSource: z.string(),
  inputSchema: z.unknown().describe('JSON Schema of the action’s input'),
  mayAct: z.boolean().optional().describe('Whether the person asking may perform it'),
});

/** A case as answered to a person: the record, the bodies of its legal profile, its pending steps. */
export const caseViewSchema = z.looseObject({
  caseId: z.string(),
  version: z.number().int(),
  stage,
  outcome: z.enum(outcomes).optional(),
  legalProfile: z.string(),
  minor: z.boolean(),
  file: z.looseObject({ person: z.looseObject({ fullName: z.string(), citizenId: z.string() }) }),
  routing: z.record(z.string(), z.string()),
  openedAt: timestamp,
  updatedAt: timestamp,
  lastEventHash: z.string().optional(),
  bodies: z.record(z.string(), z.string()),
  roleBodies: z.record(z.string(), z.looseObject({ unitId: z.string(), unitName: z.string().optional() })),
  pendingTasks: z.array(taskView),
  permissions: z
    .object({ actions: z.array(action), seeReads: z.boolean(), exportHistory: z.boolean() })
    .optional(),
});

const eventActor = z.union([
  z.object({ kind: z.literal('person'), userId: z.string(), role, unitId: z.string() }),
  z.object({ kind: z.literal('system') }),
]);

const caseEvent = z.looseObject({
  caseId: z.string(),
  seq: z.number().int(),
  type: z.string(),
  at: timestamp,
  actor: eventActor,
  action: action.optional(),
  hash: z.string().optional(),
  prevHash: z.string().optional(),
});

const execution = z.object({
  workflow: z.string(),
  executionArn: z.string(),
  status: z.string(),
  startDate: timestamp.optional(),
  stopDate: timestamp.optional(),
  events: z.array(
    z.object({
      id: z.number().int(),
      timestamp: timestamp.optional(),
      type: z.string(),
      stateName: z.string().optional(),
    }),
  ),
});

const timelineEntry = z.object({
  at: timestamp,
  source: z.enum(['case', 'engine']),
  type: z.string(),
  step: z.string().optional(),
  label: z.string().optional(),
  actor: eventActor.optional(),
  seq: z.number().int().optional(),
  workflow: z.string().optional(),
  documents: z.array(z.object({ kind: z.string(), number: z.string(), sha256 })).optional(),
  hash: z.string().optional(),
  prevHash: z.string().optional(),
});

export const caseHistorySchema = z.object({
  caseId: z.string(),
  events: z.array(caseEvent),
  cursor,
  executions: z.array(execution).optional().describe('First page only'),
  timeline: z.array(timelineEntry).optional().describe('First page only: events and engine states merged'),
});

export const caseReadsSchema = z.object({
  caseId: z.string(),
  items: z.array(
    z.object({
      caseId: z.string(),
      readId: z.string(),
      at: timestamp,
      actor: z.object({ userId: z.string(), role, unitId: z.string() }),
      what: z.enum(['case', 'history', 'verification', 'documents', 'document', 'export']),
    }),
  ),
  cursor,
});

export const chainVerdictSchema = z.object({
  caseId: z.string(),
  valid: z.boolean(),
  events: z.number().int(),
  breaks: z.array(
    z.object({
      seq: z.number().int(),
      reason: z.enum(['missing', 'outOfOrder', 'contentChanged', 'linkBroken', 'truncated']),
    }),
  ),
  head: z.string().optional().describe('The hash of the latest event, as the case records it'),
});

export const personCasesSchema = z.object({
  citizenId: z.string(),
  items: z.array(
    z.looseObject({
      caseId: z.string(),
      stage,
      outcome: z.enum(outcomes).optional(),
      legalProfile: z.string(),
      openedAt: timestamp,
      closedAt: timestamp.optional(),
      filingUnit: z.string(),
    }),
  ),
  hidden: z.number().int().describe('Cases of this person outside the caller’s units: counted, not shown'),
  cursor,
});

const documentSummary = z.object({
  sha256,
  caseId: z.string(),
  eventSeq: z.number().int(),
  action: action.optional(),
  systemStep: z.string().optional(),
  kind: z.string(),
  title: z.string(),
  issuerUnitId: z.string(),
  year: z.number().int(),
  sequence: z.number().int(),
  number: z.string(),
  issuedOn: isoDate,
  issuedAt: timestamp,
  bytes: z.number().int(),
  replaces: sha256.optional(),
  correctionReason: z.string().optional(),
  replacedBy: sha256.optional(),
});

export const caseDocumentsSchema = z.object({ items: z.array(documentSummary) });

/** A corrected document, as issued (with the template input it was rendered from). */
export const issuedDocumentSchema = documentSummary.omit({ replacedBy: true }).extend({ input: z.unknown() });

export const documentVerificationSchema = z.union([
  z.object({
    ours: z.literal(true),
    sha256,
    caseId: z.string(),
    eventSeq: z.number().int(),
    step: z.string(),
    kind: z.string(),
    title: z.string(),
    number: z.string(),
    issuedOn: isoDate,
    issuerUnitId: z.string(),
    replaces: sha256.optional(),
    replacedBy: sha256.optional(),
  }),
  // To a caller who may not read the document's case: genuine, and nothing of its case.
  z.object({ ours: z.literal(true), sha256 }).strict(),
  z.object({ ours: z.literal(false), sha256 }),
]);

export const indicatorReportSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  period: z.string(),
  from: isoDate,
  to: isoDate,
  indicators: z.looseObject({
    underSupervision: z.number(),
    supervisionCoverage: z.number().nullable(),
    casesByStage: z.record(z.string(), z.number()),
    closedByOutcome: z.record(z.string(), z.number()),
    stepTimes: z.record(
      z.string(),
      z.object({ label: z.string(), count: z.number(), totalDays: z.number(), averageDays: z.number() }),
    ),
  }),
  targets: z.object({
    year: z.number().int(),
    sentToTreatment: z.number().nullable(),
    supervisionCoverage: z.number().nullable(),
    sentToTreatmentProgress: z.number().nullable(),
  }),
  byMonth: z.array(z.object({ month: z.string() }).catchall(z.number()).describe('The flows of each month')),
});

export const unitTargetsSchema = z.object({
  unitId: z.string(),
  year: z.number().int(),
  sentToTreatment: z.number().int(),
  supervisionCoverage: z.number(),
  updatedAt: timestamp,
  updatedBy: z.string(),
});

/** A file answer: CSV text or PDF bytes. */
export const csvFile = z.string().describe('UTF-8 with BOM, Vietnamese headers');
export const pdfFile = z.string().meta({ format: 'binary' });
