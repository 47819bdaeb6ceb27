import type { DocumentBlobStore } from '#shared/documents/blob-store';
import type { DocumentModel } from '#shared/documents/model';
import { PdfDocumentIssuer } from '#shared/documents/pdf-issuer';
import type { CaseStore } from '#shared/domain/ports';

/** Issued PDFs kept in memory by hash. */
export class MemoryBlobStore implements DocumentBlobStore {
  readonly blobs = new Map<string, Uint8Array>();

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    this.blobs.set(sha256, bytes);
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    return this.blobs.get(sha256);
  }
}

/** Stands in for pdf-lib where a test needs the documents' numbers and hashes, not their pages. */
export const modelBytes = async (model: DocumentModel): Promise<Uint8Array> =>
  new TextEncoder().encode(JSON.stringify(model));

/**
 * The issuer the app wires, numbering from the store's registers, with the model's JSON for a PDF
 * (`render` to render for real).
 */
export function testIssuer(
  store: Pick<CaseStore, 'getDocumentCounter'>,
  options: { blobs?: DocumentBlobStore; render?: (model: DocumentModel) => Promise<Uint8Array> } = {},
): PdfDocumentIssuer {
  return new PdfDocumentIssuer({
    counters: store,
    blobs: options.blobs ?? new MemoryBlobStore(),
    render: options.render ?? modelBytes,
  });
}
