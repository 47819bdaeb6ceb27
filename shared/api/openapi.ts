import * as z from 'zod';
import { correctionRequestSchema, verifyRequestSchema } from '../documents/requests';
import { actionRequestSchema } from '../domain/case-commands';
import { caseFileSchema } from '../domain/case-file';
import { targetsSchema } from '../domain/indicators';
import { actionNames, pipelineActions, stages } from '../domain/pipeline';
import { historyExportQuery, historyQuery, indicatorsQuery, listCasesQuery } from './queries';

/**
 * The OpenAPI document, generated from the same zod schemas the handlers parse with. Each
 * action's input schema appears both here and in the pending task that asks for it.
 */
const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const problem = { $ref: '#/components/responses/Problem' };
const bearer = [{ bearer: [] }];
const sha256PathParam = {
  name: 'sha256',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const idempotencyParam = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'A retry with the same key returns the first result and never performs the step twice.',
  schema: { type: 'string', minLength: 8, maxLength: 128 },
};

function queryParameters(schema: z.ZodObject) {
  const json = toSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const actionInputs = Object.fromEntries(
    actionNames.map((name) => [name, toSchema(pipelineActions[name].input)]),
  );
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Hồ sơ đưa vào cơ sở cai nghiện bắt buộc — API',
      version: '0.1.0',
      description: 'Workflow API for the compulsory drug-treatment file pipeline.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        CaseFile: toSchema(caseFileSchema),
        ActionRequest: toSchema(actionRequestSchema),
        Stage: { type: 'string', enum: stages },
        ...Object.fromEntries(Object.entries(actionInputs).map(([name, schema]) => [`${name}Input`, schema])),
      },
      responses: {
        Problem: {
          description: 'application/problem+json naming the field and the rule',
          content: { 'application/problem+json': { schema: { type: 'object' } } },
        },
      },
    },
    paths: {
      '/health': {
        get: {
          summary: 'Health of the case table and the workflow engine',
          responses: {
            200: { description: 'Both answer' },
            503: { description: 'A part failed: problem+json naming it in `failing`' },
          },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OK' } } } },
      '/cases': {
        post: {
          summary: 'Police compile a file (lập hồ sơ)',
          security: bearer,
          parameters: [idempotencyParam],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseFile' } } },
          },
          responses: {
            201: { description: 'The case, at stage NOTIFIED' },
            400: problem,
            403: problem,
            422: problem,
          },
        },
        get: {
          summary:
            'A page of cases by unit and/or stage, overdue filter, search by citizen ID or name prefix',
          description:
            'Items: { caseId, person: { fullName, citizenId, dateOfBirth }, stage, outcome?, filingUnitId, openedAt, updatedAt, nextDueOn?, overdue }. q or overdue=true: at most 100 matches, no cursor; q is allowed for police, reviewer, court, auditor and admin (403 otherwise), within the communes the caller may list (or the given unit). A non-12-digit number in q is 422 naming q.',
          security: bearer,
          parameters: queryParameters(listCasesQuery),
          responses: { 200: { description: '{ items, cursor }' }, 400: problem, 403: problem, 422: problem },
        },
      },
      '/cases/{id}': {
        get: {
          summary:
            'A case with its stage, version, pending tasks and the body playing each role under its legal profile (roleBodies)',
          security: bearer,
          parameters: [idParam],
          responses: { 200: { description: 'The case' }, 404: problem },
        },
      },
      '/cases/{id}/history': {
        get: {
          summary:
            "The case's events, the engine's execution history, and both merged into one timeline (first page)",
          security: bearer,
          parameters: [idParam, ...queryParameters(historyQuery)],
          responses: { 200: { description: '{ events, cursor, executions }' }, 404: problem },
        },
      },
      '/cases/{id}/reads': {
        get: {
          summary: 'Who opened the case, its history or its verification (auditors only)',
          security: bearer,
          parameters: [idParam, ...queryParameters(historyQuery)],
          responses: { 200: { description: '{ caseId, items, cursor }' }, 403: problem },
        },
      },
      '/cases/{id}/history/verify': {
        get: {
          summary: "Recomputes the case's hash chain and says where it breaks",
          security: bearer,
          parameters: [idParam],
          responses: { 200: { description: '{ valid, events, breaks, head }' }, 404: problem },
        },
      },
      '/me/tasks': {
        get: {
          summary:
            "The caller's inbox: steps waiting for their role in their unit, overdue first, then by due date",
          security: bearer,
          responses: {
            200: {
              description:
                '{ items: [{ caseId, taskId, action, label, role, unitId, dueOn, overdue, main, stage, version, person }], counts, overdueCount }',
            },
          },
        },
      },
      '/cases/{id}/documents': {
        get: {
          summary: 'The documents issued for the case, in issuing order; corrections name what they replace',
          security: bearer,
          parameters: [idParam],
          responses: {
            200: {
              description:
                '{ items: [{ sha256, kind, title, number, issuedOn, eventSeq, action | systemStep, replaces?, replacedBy? }] }',
            },
            403: problem,
            404: problem,
          },
        },
      },
      '/cases/{id}/documents/{sha256}/corrections': {
        post: {
          summary:
            'Issue a corrected document that replaces this one (the issuing body only); the original stays',
          security: bearer,
          parameters: [idParam, sha256PathParam],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(correctionRequestSchema) } },
          },
          responses: {
            201: { description: 'The new document' },
            400: problem,
            403: problem,
            404: problem,
            409: problem,
          },
        },
      },
      '/documents/{sha256}': {
        get: {
          summary: 'The PDF, to those who may see its case; the download is recorded',
          security: bearer,
          parameters: [sha256PathParam],
          responses: {
            200: {
              description: 'The PDF',
              content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
            },
            400: problem,
            403: problem,
            404: problem,
          },
        },
      },
      '/documents/verify': {
        post: {
          summary:
            'Which case, step and event issued a PDF (sent whole or by its SHA-256), or that it is not ours',
          security: bearer,
          requestBody: {
            required: true,
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'application/json': { schema: toSchema(verifyRequestSchema) },
            },
          },
          responses: {
            200: {
              description:
                '{ ours: true, caseId, step, eventSeq, kind, number, … } or { ours: false, sha256 }',
            },
            400: problem,
          },
        },
      },
      '/cases/{id}/history/export': {
        get: {
          summary:
            "Auditors: the case's merged timeline with its hash chain and verification, as CSV or PDF (recorded as a read)",
          security: bearer,
          parameters: [idParam, ...queryParameters(historyExportQuery)],
          responses: {
            200: {
              description: 'The export',
              content: {
                'text/csv': { schema: { type: 'string' } },
                'application/pdf': { schema: { type: 'string', format: 'binary' } },
              },
            },
            400: problem,
            403: problem,
            404: problem,
          },
        },
      },
      '/persons/{citizenId}/cases': {
        get: {
          summary: 'Every case of one person, newest first',
          security: bearer,
          parameters: [
            {
              name: 'citizenId',
              in: 'path',
              required: true,
              schema: { type: 'string', pattern: '^\\d{12}$' },
            },
            ...queryParameters(historyQuery),
          ],
          responses: { 200: { description: '{ citizenId, items, cursor }' }, 400: problem },
        },
      },
      '/units/{unitId}/indicators': {
        get: {
          summary: "A unit's indicators for a year or half-year, as JSON, CSV or PDF",
          description:
            'Read from counters every transition moves in its own transaction (per filing commune and every unit above it, per month; stage gauges are current), never by scanning cases. ' +
            'JSON: { unitId, unitName, period, from, to, indicators: { filesCompiled, decisionsToApply, sentToTreatment (admissions at the centre), overdueSteps, released, supervisionBegun, relapses, removedFromList, underSupervision, supervisionCoverage, casesByStage, closedByOutcome, stepTimes: { [action]: { count, totalDays, averageDays } } }, targets: { year, sentToTreatment, supervisionCoverage, sentToTreatmentProgress }, byMonth: [{ month, ...flows }] }. ' +
            'csv: UTF-8 with BOM, Vietnamese headers. pdf: a Vietnamese report. Officers read their own unit; auditors and administrators any unit within theirs.',
          security: bearer,
          parameters: [
            { name: 'unitId', in: 'path', required: true, schema: { type: 'string' } },
            ...queryParameters(indicatorsQuery),
          ],
          responses: {
            200: {
              description: 'The report',
              content: {
                'application/json': { schema: { type: 'object' } },
                'text/csv': { schema: { type: 'string' } },
                'application/pdf': { schema: { type: 'string', format: 'binary' } },
              },
            },
            400: problem,
            403: problem,
            404: problem,
          },
        },
      },
      '/units/{unitId}/targets/{year}': {
        put: {
          summary: "Sets a unit's targets for a year (administrators of the unit or above)",
          security: bearer,
          parameters: [
            { name: 'unitId', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'year',
              in: 'path',
              required: true,
              schema: { type: 'integer', minimum: 2000, maximum: 2100 },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(targetsSchema) } },
          },
          responses: {
            200: {
              description: '{ unitId, year, sentToTreatment, supervisionCoverage, updatedAt, updatedBy }',
            },
            400: problem,
            403: problem,
            404: problem,
          },
        },
      },
      '/units/{unitId}/overdue-tasks': {
        get: {
          summary: 'Missed deadlines escalated to this supervising unit',
          security: bearer,
          parameters: [
            { name: 'unitId', in: 'path', required: true, schema: { type: 'string' } },
            ...queryParameters(historyQuery),
          ],
          responses: { 200: { description: '{ unitId, items, cursor }' }, 404: problem },
        },
      },
      '/cases/{id}/actions/{action}': {
        post: {
          summary: 'Perform a pending action',
          description: `Actions: ${actionNames.join(', ')}. The input schema of each is in components.schemas.<action>Input and in the pending task.`,
          security: bearer,
          parameters: [
            idParam,
            { name: 'action', in: 'path', required: true, schema: { type: 'string', enum: actionNames } },
            idempotencyParam,
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ActionRequest' } } },
          },
          responses: {
            200: { description: 'The case after the action' },
            400: problem,
            403: problem,
            404: problem,
            409: problem,
            422: problem,
          },
        },
      },
    },
  };
  return cached;
}
