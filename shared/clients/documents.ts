import { DocumentService } from '../documents/document-service';
import type { DocumentIssuer } from '../domain/document-issuer';
import { clock } from './runtime';
import { caseStore } from './store';

/** Listing and verifying documents need no issuer; serving a PDF and correcting one do. */
export const documentService = ({ issuer }: { issuer?: DocumentIssuer } = {}): DocumentService =>
  new DocumentService({ store: caseStore(), clock: clock(), issuer });
