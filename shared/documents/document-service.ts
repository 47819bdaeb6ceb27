import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '#shared/clock';
import { type CorrectionDetail, correctedDocument } from '#shared/documents/document-plans';
import type { CaseEvent, CaseRecord } from '#shared/domain/case';
import { vietnamDate } from '#shared/domain/dates';
import { commitIssuing, type DocumentIssuer, onlyDocument, withIssued } from '#shared/domain/document-issuer';
import { assertMayCorrectDocument, mayReadCase } from '#shared/domain/policy';
import { type CaseStore, VersionConflict } from '#shared/domain/ports';
import { openCaseFor, recordRead } from '#shared/domain/reads';
import type { Actor } from '#shared/domain/roles';
import { parseOrThrow, ruleViolation } from '#shared/domain/validation';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '#shared/errors';
import type { IssuedDocument } from './issued';
import { correctionRequestSchema, sha256Param, verifyRequestSchema } from './requests';
import { sha256Hex } from './sha256';
import { documentTemplates } from './templates/index';

export interface DocumentServiceDeps {
  store: CaseStore;
  clock: Clock;
  /** Issues corrections and serves PDFs; listing and verifying need none. */
  issuer?: DocumentIssuer;
}

/** What a list shows of a document: everything but the template input. */
export type DocumentSummary = Omit<IssuedDocument, 'input'> & { replacedBy?: string };

/**
 * Answers of POST /documents/verify. Whoever may read the document's case learns which case, step
 * and event issued it; anyone else only that it is genuine (least privilege: the hash of a PDF
 * someone holds does not open the case to them).
 */
export type Verification =
  | {
      ours: true;
      sha256: string;
      caseId: string;
      eventSeq: number;
      step: string;
      kind: string;
      title: string;
      number: string;
      issuedOn: string;
      issuerUnitId: string;
      replaces?: string;
      replacedBy?: string;
    }
  /** Genuine, told to one who may not read its case. */
  | { ours: true; sha256: string }
  | { ours: false; sha256: string };

const summary = ({ input: _input, ...rest }: IssuedDocument): DocumentSummary => rest;

/** Documents of cases: listing, fetching the PDF, verifying, correcting. */
export class DocumentService {
  constructor(private readonly deps: DocumentServiceDeps) {}

  async listForCase(actor: Actor, caseId: string): Promise<DocumentSummary[]> {
    await openCaseFor(this.deps, actor, caseId, 'documents');
    const documents = await this.allOfCase(caseId);
    const replacedBy = new Map(documents.flatMap((d) => (d.replaces ? [[d.replaces, d.sha256]] : [])));
    return documents.map((d) => ({ ...summary(d), replacedBy: replacedBy.get(d.sha256) }));
  }

  /** The PDF, to those who may read its case; the download is recorded as a read. */
  async fetch(actor: Actor, sha256: string): Promise<{ document: IssuedDocument; pdf: Uint8Array }> {
    const hash = parseOrThrow(sha256Param, sha256, 'sha256');
    const document = await this.deps.store.getDocument(hash);
    if (!document) throw new NotFoundError(`Không có văn bản với mã băm ${hash}.`);
    const found = await this.deps.store.getCase(document.caseId);
    if (!found || !mayReadCase(actor, found.record)) {
      throw new ForbiddenError('Đơn vị của bạn không xử lý hồ sơ có văn bản này.', { unit: actor.unitId });
    }
    await recordRead(this.deps, actor, document.caseId, 'document');
    return { document, pdf: await this.issuer().pdfOf(document) };
  }

  /**
   * Whether a PDF (given whole or by its hash) is one we issued; to those who may read its case,
   * also which case, step and event issued it.
   */
  async verify(actor: Actor, request: { pdf?: Uint8Array; body?: unknown }): Promise<Verification> {
    const sha256 = request.pdf
      ? sha256Hex(request.pdf)
      : parseOrThrow(verifyRequestSchema, request.body).sha256;
    const document = await this.deps.store.getDocument(sha256);
    if (!document) return { ours: false, sha256 };
    const found = await this.deps.store.getCase(document.caseId);
    if (!found || !mayReadCase(actor, found.record)) return { ours: true, sha256 };
    const documents = await this.allOfCase(document.caseId);
    const replacedBy = documents.find((d) => d.replaces === sha256)?.sha256;
    return {
      ours: true,
      sha256,
      caseId: document.caseId,
      eventSeq: document.eventSeq,
      step: document.action ?? document.systemStep ?? '',
      kind: document.kind,
      title: document.title,
      number: document.number,
      issuedOn: document.issuedOn,
      issuerUnitId: document.issuerUnitId,
      ...(document.replaces && { replaces: document.replaces }),
      ...(replacedBy && { replacedBy }),
    };
  }

  /**
   * A correction: the body that issued a document issues a new one with the changes, naming the
   * one it replaces and why. The original stays, listed as replaced.
   */
  async correct(actor: Actor, caseId: string, sha256: string, body: unknown): Promise<DocumentSummary> {
    const hash = parseOrThrow(sha256Param, sha256, 'sha256');
    const request = parseOrThrow(correctionRequestSchema, body);
    const original = await this.deps.store.getDocument(hash);
    if (!original || original.caseId !== caseId)
      throw new NotFoundError(`Hồ sơ ${caseId} không có văn bản ${hash}.`);
    assertMayCorrectDocument(actor, original);
    const documents = await this.allOfCase(caseId);
    const newer = documents.find((d) => d.replaces === hash);
    if (newer) {
      throw new ConflictError('Văn bản này đã được đính chính; hãy đính chính văn bản mới nhất.', {
        replacedBy: newer.sha256,
      });
    }
    const found = await this.deps.store.getCase(caseId);
    if (!found) throw new NotFoundError(`Không tìm thấy hồ sơ ${caseId}.`);
    if (found.record.version !== request.expectedVersion) {
      throw new ConflictError(`Hồ sơ đã thay đổi (phiên bản hiện tại ${found.record.version}).`, {
        errors: [
          { field: 'expectedVersion', rule: `phải bằng phiên bản hiện tại (${found.record.version})` },
        ],
      });
    }
    const fixed = Object.keys(request.changes).filter((key) => fixedFields.includes(key));
    if (fixed.length > 0) {
      throw new ValidationFailedError(
        fixed.map((key) => ({
          field: `changes.${key}`,
          rule: 'do hệ thống cấp, không sửa được khi đính chính',
        })),
      );
    }
    const { correction: _previous, ...originalInput } = original.input as Record<string, unknown>;
    const corrected = mergeChanges(originalInput, request.changes);
    // The corrected input must still be a valid document of its kind: errors name the field.
    const check = documentTemplates[original.kind].schema.safeParse(corrected);
    if (!check.success) {
      throw new ValidationFailedError(
        check.error.issues.map((issue) => ({
          field: ['changes', ...issue.path].join('.'),
          rule: issue.message,
        })),
      );
    }
    // A correction that changes nothing would issue a second document saying the same thing.
    const unchanged = documentTemplates[original.kind].schema.safeParse(originalInput);
    if (unchanged.success && isDeepStrictEqual(unchanged.data, check.data)) {
      throw ruleViolation('changes', 'không có thay đổi nào so với văn bản được đính chính');
    }
    const now = this.deps.clock.now();
    const next: CaseRecord = {
      ...found.record,
      version: found.record.version + 1,
      updatedAt: now.toISOString(),
    };
    const detail: CorrectionDetail = {
      replaces: hash,
      kind: original.kind,
      issuerUnitId: original.issuerUnitId,
      replacedNumber: original.number,
      replacedDate: original.issuedOn,
      reason: request.reason,
    };
    const event: CaseEvent = {
      caseId,
      seq: next.version,
      type: 'documentCorrected',
      at: now.toISOString(),
      actor: { kind: 'person', userId: actor.userId, role: actor.role, unitId: actor.unitId },
      input: corrected,
      detail: detail as unknown as Record<string, unknown>,
    };
    try {
      const plans = [correctedDocument(event, vietnamDate(new Date(event.at)))];
      const document = await commitIssuing(this.issuer(), { next, event, plans }, async (issued) => {
        await this.deps.store.commit({
          expectedVersion: found.record.version,
          before: found,
          ...withIssued(next, event, issued),
          documents: issued.writes,
        });
        return onlyDocument(issued);
      });
      return summary(document);
    } catch (error) {
      if (error instanceof VersionConflict) {
        throw new ConflictError('Hồ sơ vừa thay đổi; hãy tải lại và đính chính lại nếu vẫn cần.');
      }
      throw error;
    }
  }

  private async allOfCase(caseId: string): Promise<IssuedDocument[]> {
    const all: IssuedDocument[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.listDocuments(caseId, { limit: 100, cursor });
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return all;
  }

  private issuer(): DocumentIssuer {
    if (!this.deps.issuer) throw new Error('serving or correcting documents needs a DocumentIssuer');
    return this.deps.issuer;
  }
}

/** Set by the system when the correction is issued: its number, date, issuing body, reference. */
const fixedFields = ['number', 'date', 'issuer', 'correction'];

/** Deep-merges plain objects; arrays and values replace. */
function mergeChanges(
  base: Record<string, unknown>,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeChanges(current, value) : value;
  }
  return out;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
