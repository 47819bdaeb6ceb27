import { PdfDocumentIssuer } from '../documents/pdf-issuer';
import { documentBlobs } from './blobs';
import { perProcess } from './runtime';
import { caseStore } from './store';

/**
 * Numbers and renders documents (pdf-lib and the fonts): only the functions whose changes issue
 * documents, or that serve their PDFs, import this. One per process, so that one issuer's register
 * is numbered one document at a time within the process.
 */
export const documentIssuer = perProcess(
  () => new PdfDocumentIssuer({ counters: caseStore(), blobs: documentBlobs() }),
);
