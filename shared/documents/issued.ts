import type { IsoDate } from '#shared/domain/dates';
import type { ActionName } from '#shared/pipeline/actions/index';
import type { DocumentKind } from './templates/index';

/**
 * A document the system has issued: immutable once written. The PDF itself is stored by its
 * SHA-256 (a blob store); this record says who issued it, at which step and event, under which
 * number, and keeps the template input so the same bytes can be rendered again.
 */
export interface IssuedDocument {
  sha256: string;
  caseId: string;
  /** The case event that issued it; the event lists the document's hash. */
  eventSeq: number;
  /** The step: the person's action, or the system step. */
  action?: ActionName;
  systemStep?: string;
  kind: DocumentKind;
  title: string;
  issuerUnitId: string;
  year: number;
  sequence: number;
  /** As printed: "05/2026/QĐ-TA", "12/TB-UBND". */
  number: string;
  issuedOn: IsoDate;
  issuedAt: string;
  bytes: number;
  /** A correction names the document it replaces; the replaced one stays. */
  replaces?: string;
  correctionReason?: string;
  /** The template input the PDF was rendered from (deterministic: same input, same bytes). */
  input: unknown;
}

/** What a later document cites of an earlier one, kept on the case by kind. */
export interface IssuedRef {
  sha256: string;
  number: string;
  date: IsoDate;
  issuer: string;
}

/** What the issuing event records of each document (part of the hash-chained content). */
export interface EventDocument {
  sha256: string;
  kind: DocumentKind;
  number: string;
}

/** A document to write in the same transaction as the change that issues it. */
export interface DocumentWrite {
  document: IssuedDocument;
  /** The issuer's counter before this document; the write fails if another took the number. */
  previousSequence: number;
}

/** The kinds' names as people read them in lists. */
export const documentTitles: Record<DocumentKind, string> = {
  fileCompilationNotice:
    'Thông báo về việc lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
  courtProposal:
    'Văn bản đề nghị Tòa án xem xét, quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
  courtDecision: 'Quyết định của Tòa án về việc áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
  postponementDecision: 'Quyết định hoãn chấp hành quyết định đưa vào cơ sở cai nghiện bắt buộc',
  exemptionDecision: 'Quyết định miễn chấp hành quyết định đưa vào cơ sở cai nghiện bắt buộc',
  reductionDecision: 'Quyết định giảm thời hạn chấp hành biện pháp đưa vào cơ sở cai nghiện bắt buộc',
  admissionRecord: 'Biên bản giao, nhận người vào cơ sở cai nghiện bắt buộc',
  releaseCertificate: 'Giấy chứng nhận đã chấp hành xong quyết định đưa vào cơ sở cai nghiện bắt buộc',
  aftercareDecision: 'Quyết định quản lý sau cai nghiện ma túy',
  aftercareCompletionCertificate: 'Giấy chứng nhận hoàn thành thời gian quản lý sau cai nghiện ma túy',
};
