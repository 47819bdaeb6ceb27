import { PdfDocumentIssuer } from '../documents/pdf-issuer';
import type { DocumentIssuer } from '../domain/document-issuer';
import { documentBlobs } from './blobs';
import { countDocumentsIssued } from './metrics';
import { perProcess } from './runtime';
import { caseStore } from './store';

/**
 * Numbers and renders documents (pdf-lib and the fonts): only the functions whose changes issue
 * documents, or that serve their PDFs, import this. One per process, so that one issuer's register
 * is numbered one document at a time within the process.
 */
export const documentIssuer = perProcess((): DocumentIssuer => {
  const pdf = new PdfDocumentIssuer({ counters: caseStore(), blobs: documentBlobs() });
  return {
    // Counted once the change that issued them has committed.
    issue: async (plans, event, commit) => {
      const result = await pdf.issue(plans, event, commit);
      countDocumentsIssued(event.action ?? event.type, plans.length);
      return result;
    },
    pdfOf: (document) => pdf.pdfOf(document),
  };
});
