import type * as z from 'zod';
import { correctionRequestSchema, verifyRequestSchema } from '../documents/requests';
import { actionRequestSchema } from '../domain/case-commands';
import { caseFileSchema } from '../domain/case-file';
import { targetsSchema } from '../domain/indicators';
import {
  actionPath,
  caseDocumentPath,
  casePath,
  documentPath,
  historyExportQuery,
  historyQuery,
  idempotencyHeaders,
  indicatorsQuery,
  listCasesQuery,
  personPath,
  unitPath,
  unitYearPath,
} from './queries';
import {
  caseDocumentsSchema,
  caseHistorySchema,
  caseListSchema,
  caseReadsSchema,
  caseViewSchema,
  chainVerdictSchema,
  csvFile,
  documentVerificationSchema,
  healthSchema,
  inboxSchema,
  indicatorReportSchema,
  issuedDocumentSchema,
  openApiSchema,
  overdueTasksSchema,
  pdfFile,
  personCasesSchema,
  unitTargetsSchema,
} from './responses';

/**
 * The HTTP API, as data: the CDK app (infra/constructs/api-routes.ts), the local server
 * (infra/local/api-server.ts) and the OpenAPI document (openapi.ts) all come from this list, so a
 * route exists everywhere or nowhere, and what it accepts and answers is published as it is parsed.
 *
 * Only schemas and names live here (no handler code), so the CDK app can import it.
 */
export type MediaType = 'application/json' | 'application/pdf' | 'text/csv';

/** The error statuses a route answers with application/problem+json. */
export type ProblemStatus = 400 | 403 | 404 | 409 | 413 | 422 | 503;

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** API Gateway path syntax: `{name}` for a path parameter. */
  path: string;
  /** Folder under functions/ holding `handler.ts`. */
  functionName: string;
  /** False only for the public health check and the API description. */
  authenticated: boolean;
  summary: string;
  description?: string;
  /** One property per `{name}` of the path. */
  pathParameters?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: Partial<Record<MediaType, z.ZodType>>;
  /** The success answer: its status, and its body per media type. */
  response: { status: 200 | 201; description: string; content: Partial<Record<MediaType, z.ZodType>> };
  problems: readonly ProblemStatus[];
}

/** What the runtimes route by (API Gateway, the local server); the rest is for the description. */
export type RouteTarget = Pick<ApiRoute, 'method' | 'path' | 'functionName' | 'authenticated'>;

const json = (schema: z.ZodType) => ({ 'application/json': schema });

export const apiRoutes: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/health',
    functionName: 'health',
    authenticated: false,
    summary: 'Health of the case table and the workflow engine',
    response: { status: 200, description: 'Both answer', content: json(healthSchema) },
    problems: [503],
  },
  {
    method: 'GET',
    path: '/openapi.json',
    functionName: 'get-openapi',
    authenticated: false,
    summary: 'This document',
    response: { status: 200, description: 'The OpenAPI 3.1 document', content: json(openApiSchema) },
    problems: [],
  },
  {
    method: 'POST',
    path: '/cases',
    functionName: 'create-case',
    authenticated: true,
    summary: 'Police compile a file (lập hồ sơ)',
    headers: idempotencyHeaders,
    body: json(caseFileSchema),
    response: { status: 201, description: 'The case, at stage NOTIFIED', content: json(caseViewSchema) },
    problems: [400, 403, 409, 422],
  },
  {
    method: 'GET',
    path: '/cases',
    functionName: 'list-cases',
    authenticated: true,
    summary: 'A page of cases by unit and/or stage, overdue filter, search by citizen ID or name prefix',
    description:
      'q or overdue=true: at most 100 matches, no cursor; q is allowed for police, reviewer, court, auditor and admin (403 otherwise), within the communes the caller may list (or the given unit). A non-12-digit number in q is 422 naming q.',
    query: listCasesQuery,
    response: { status: 200, description: 'A page of cases', content: json(caseListSchema) },
    problems: [400, 403, 422],
  },
  {
    method: 'GET',
    path: '/me/tasks',
    functionName: 'list-my-tasks',
    authenticated: true,
    summary:
      "The caller's inbox: steps waiting for their role in their unit, overdue first, then by due date",
    response: { status: 200, description: 'The inbox', content: json(inboxSchema) },
    problems: [],
  },
  {
    method: 'GET',
    path: '/cases/{id}',
    functionName: 'get-case',
    authenticated: true,
    summary:
      'A case with its stage, version, pending tasks and the body playing each role under its legal profile (roleBodies)',
    pathParameters: casePath,
    response: { status: 200, description: 'The case', content: json(caseViewSchema) },
    problems: [403, 404],
  },
  {
    method: 'GET',
    path: '/cases/{id}/history',
    functionName: 'get-case-history',
    authenticated: true,
    summary:
      "The case's events, the engine's execution history, and both merged into one timeline (first page)",
    pathParameters: casePath,
    query: historyQuery,
    response: { status: 200, description: 'A page of the history', content: json(caseHistorySchema) },
    problems: [400, 403, 404],
  },
  {
    method: 'GET',
    path: '/cases/{id}/reads',
    functionName: 'list-case-reads',
    authenticated: true,
    summary: 'Who opened the case, its history or its verification (auditors only)',
    pathParameters: casePath,
    query: historyQuery,
    response: { status: 200, description: 'A page of reads, newest first', content: json(caseReadsSchema) },
    problems: [400, 403, 404],
  },
  {
    method: 'GET',
    path: '/cases/{id}/history/verify',
    functionName: 'verify-case-history',
    authenticated: true,
    summary: "Recomputes the case's hash chain and says where it breaks",
    pathParameters: casePath,
    response: { status: 200, description: 'The verdict', content: json(chainVerdictSchema) },
    problems: [403, 404],
  },
  {
    method: 'GET',
    path: '/cases/{id}/history/export',
    functionName: 'export-case-history',
    authenticated: true,
    summary:
      "Auditors: the case's merged timeline with its hash chain and verification, as CSV or PDF (recorded as a read)",
    pathParameters: casePath,
    query: historyExportQuery,
    response: {
      status: 200,
      description: 'The export',
      content: { 'text/csv': csvFile, 'application/pdf': pdfFile },
    },
    problems: [400, 403, 404],
  },
  {
    method: 'POST',
    path: '/cases/{id}/actions/{action}',
    functionName: 'perform-action',
    authenticated: true,
    summary: 'Perform a pending action',
    description:
      "The input schema of each action is in components.schemas.<action>Input and in the pending task's inputSchema.",
    pathParameters: actionPath,
    headers: idempotencyHeaders,
    body: json(actionRequestSchema),
    response: { status: 200, description: 'The case after the action', content: json(caseViewSchema) },
    problems: [400, 403, 404, 409, 422],
  },
  {
    method: 'GET',
    path: '/cases/{id}/documents',
    functionName: 'list-case-documents',
    authenticated: true,
    summary: 'The documents issued for the case, in issuing order; corrections name what they replace',
    pathParameters: casePath,
    response: { status: 200, description: 'The documents', content: json(caseDocumentsSchema) },
    problems: [403, 404],
  },
  {
    method: 'POST',
    path: '/cases/{id}/documents/{sha256}/corrections',
    functionName: 'correct-document',
    authenticated: true,
    summary: 'Issue a corrected document that replaces this one (the issuing body only); the original stays',
    pathParameters: caseDocumentPath,
    body: json(correctionRequestSchema),
    response: { status: 201, description: 'The new document', content: json(issuedDocumentSchema) },
    problems: [400, 403, 404, 409],
  },
  {
    method: 'GET',
    path: '/documents/{sha256}',
    functionName: 'get-document',
    authenticated: true,
    summary: 'The PDF, to those who may see its case; the download is recorded',
    pathParameters: documentPath,
    response: { status: 200, description: 'The PDF', content: { 'application/pdf': pdfFile } },
    problems: [400, 403, 404],
  },
  {
    method: 'POST',
    path: '/documents/verify',
    functionName: 'verify-document',
    authenticated: true,
    summary:
      'Whether a PDF (sent whole or by its SHA-256) is ours; to those who may read its case, which case, step and event issued it',
    body: { 'application/pdf': pdfFile, 'application/json': verifyRequestSchema },
    response: { status: 200, description: 'The verification', content: json(documentVerificationSchema) },
    problems: [400, 413],
  },
  {
    method: 'GET',
    path: '/persons/{citizenId}/cases',
    functionName: 'get-person-cases',
    authenticated: true,
    summary: 'Every case of one person, newest first',
    pathParameters: personPath,
    query: historyQuery,
    response: { status: 200, description: 'A page of cases', content: json(personCasesSchema) },
    problems: [400],
  },
  {
    method: 'GET',
    path: '/units/{unitId}/indicators',
    functionName: 'get-unit-indicators',
    authenticated: true,
    summary: "A unit's indicators for a year or half-year, as JSON, CSV or PDF",
    description:
      'Read from counters every transition moves in its own transaction (per filing commune and every unit above it, per month; stage gauges are current), never by scanning cases. Officers read their own unit; auditors and administrators any unit within theirs.',
    pathParameters: unitPath,
    query: indicatorsQuery,
    response: {
      status: 200,
      description: 'The report',
      content: { 'application/json': indicatorReportSchema, 'text/csv': csvFile, 'application/pdf': pdfFile },
    },
    problems: [400, 403, 404],
  },
  {
    method: 'PUT',
    path: '/units/{unitId}/targets/{year}',
    functionName: 'put-unit-targets',
    authenticated: true,
    summary: "Sets a unit's targets for a year (administrators of the unit or above)",
    pathParameters: unitYearPath,
    body: json(targetsSchema),
    response: { status: 200, description: 'The targets as saved', content: json(unitTargetsSchema) },
    problems: [400, 403, 404],
  },
  {
    method: 'GET',
    path: '/units/{unitId}/overdue-tasks',
    functionName: 'list-overdue-tasks',
    authenticated: true,
    summary: 'Missed deadlines escalated to this supervising unit',
    pathParameters: unitPath,
    query: historyQuery,
    response: { status: 200, description: 'A page of overdue steps', content: json(overdueTasksSchema) },
    problems: [400, 403, 404],
  },
];
