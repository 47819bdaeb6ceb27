import type { DocumentPlan } from '#shared/documents/document-plans';
import type { DocumentWrite, EventDocument, IssuedDocument, IssuedRef } from '../documents/issued';
import type { DocumentKind } from '../documents/templates/index';
import type { CaseEvent, CaseRecord } from './case';

/** The documents one change issues, numbered and rendered, ready for the change's transaction. */
export interface IssuedDocuments {
  /** The document items and counter moves the transaction writes with the change. */
  writes: DocumentWrite[];
  /** What the case keeps of each, by kind (`record.issued`). */
  refs: Partial<Record<DocumentKind, IssuedRef>>;
  /** What the event records of each (`event.documents`, part of the hash-chained content). */
  recorded: EventDocument[];
}

/**
 * Numbers and renders documents (the port; shared/documents/pdf-issuer.ts renders with pdf-lib).
 * Only the functions whose changes issue documents, or that serve their PDFs, are wired with one.
 */
export interface DocumentIssuer {
  /**
   * Numbers each planned document from its issuer's register, renders it, and hands the result to
   * `commit`, which writes it in the change's own transaction. When another document took a number
   * first (`commit` throws CounterRace), numbers and renders again and calls `commit` again. Once
   * `commit` has succeeded the PDFs are stored by their SHA-256.
   */
  issue<T>(
    plans: DocumentPlan[],
    event: CaseEvent,
    commit: (issued: IssuedDocuments) => Promise<T>,
  ): Promise<T>;
  /** The PDF of an issued document: the stored one, or rendered again from its input if it was lost. */
  pdfOf(document: IssuedDocument): Promise<Uint8Array>;
}

export const noDocuments: IssuedDocuments = Object.freeze({ writes: [], refs: {}, recorded: [] });

/**
 * Commits a change with the documents it issues, as its command planned them (documentPlansFor for
 * a case event, correctedDocument for a correction): asks the issuer when there are some, and
 * commits straight away, needing no issuer, when there are none.
 */
export async function commitIssuing<T>(
  issuer: DocumentIssuer | undefined,
  change: { next: CaseRecord; event: CaseEvent; plans: DocumentPlan[] },
  commit: (issued: IssuedDocuments) => Promise<T>,
): Promise<T> {
  const { plans } = change;
  if (plans.length === 0) return commit(noDocuments);
  if (!issuer) {
    throw new Error(`${change.event.action ?? change.event.type} issues documents: wire a DocumentIssuer`);
  }
  return issuer.issue(plans, change.event, commit);
}

/** The case and the event as they are once the documents are issued (unchanged when none are). */
export function withIssued(
  next: CaseRecord,
  event: CaseEvent,
  issued: IssuedDocuments,
): { next: CaseRecord; event: CaseEvent } {
  if (issued.writes.length === 0) return { next, event };
  return {
    next: { ...next, issued: { ...next.issued, ...issued.refs } },
    event: { ...event, documents: issued.recorded },
  };
}

/** The one document a change issued (a correction issues exactly one). */
export function onlyDocument(issued: IssuedDocuments): IssuedDocument {
  const [write] = issued.writes;
  if (!write || issued.writes.length > 1) throw new Error('expected exactly one issued document');
  return write.document;
}
