import type * as z from 'zod';
import { type DocumentModel, italic, paragraph } from '../model';
import { dateInWords } from '../vietnamese-text';
import {
  aftercareCompletionCertificate,
  aftercareCompletionCertificateSchema,
  aftercareDecision,
  aftercareDecisionSchema,
} from './aftercare';
import {
  admissionRecord,
  admissionRecordSchema,
  releaseCertificate,
  releaseCertificateSchema,
} from './centre';
import { courtDecision, courtDecisionSchema } from './court';
import {
  exemptionDecision,
  exemptionDecisionSchema,
  postponementDecision,
  postponementDecisionSchema,
  reductionDecision,
  reductionDecisionSchema,
} from './court-execution';
import {
  courtProposal,
  courtProposalSchema,
  fileCompilationNotice,
  fileCompilationNoticeSchema,
} from './filing';

/**
 * Every document the procedure issues (DOMAIN.md "Documents issued along the way"): its input
 * schema and the pure function that builds its model.
 */
export const documentTemplates = {
  fileCompilationNotice: { schema: fileCompilationNoticeSchema, build: fileCompilationNotice },
  courtProposal: { schema: courtProposalSchema, build: courtProposal },
  courtDecision: { schema: courtDecisionSchema, build: courtDecision },
  postponementDecision: { schema: postponementDecisionSchema, build: postponementDecision },
  exemptionDecision: { schema: exemptionDecisionSchema, build: exemptionDecision },
  reductionDecision: { schema: reductionDecisionSchema, build: reductionDecision },
  admissionRecord: { schema: admissionRecordSchema, build: admissionRecord },
  releaseCertificate: { schema: releaseCertificateSchema, build: releaseCertificate },
  aftercareDecision: { schema: aftercareDecisionSchema, build: aftercareDecision },
  aftercareCompletionCertificate: {
    schema: aftercareCompletionCertificateSchema,
    build: aftercareCompletionCertificate,
  },
} as const;

export type DocumentKind = keyof typeof documentTemplates;

export type DocumentInput<K extends DocumentKind> = z.input<(typeof documentTemplates)[K]['schema']>;

export const documentKinds = Object.keys(documentTemplates) as DocumentKind[];

/** Parses untrusted input with the kind's schema (throws a ZodError) and builds the model. */
export function buildDocument<K extends DocumentKind>(kind: K, input: unknown): DocumentModel {
  const template = documentTemplates[kind];
  const parsed = template.schema.parse(input);
  const model = (template.build as (value: typeof parsed) => DocumentModel)(parsed);
  const { correction } = parsed as {
    correction?: { replaces: { number: string; date: string }; reason: string };
  };
  if (!correction) return model;
  return {
    ...model,
    body: [
      ...model.body,
      paragraph([
        italic(
          `Văn bản này đính chính và thay thế văn bản số ${correction.replaces.number} ${dateInWords(correction.replaces.date)}. Lý do: ${correction.reason.replace(/[.\s]+$/u, '')}.`,
        ),
      ]),
    ],
  };
}

export * from './aftercare';
export * from './centre';
export * from './court';
export * from './court-execution';
export * from './filing';
