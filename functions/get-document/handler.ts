import { documentService } from '#shared/clients/documents';
import { documentIssuer } from '#shared/clients/issuer';
import { httpHandler } from '#shared/http/handler';
import { fileResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/** GET /documents/{sha256} — the PDF itself, to those who may read its case; recorded as a read. */
export const handler = httpHandler(async (event) => {
  // The issuer renders the PDF again if its stored copy was lost.
  const documents = documentService({ issuer: documentIssuer() });
  const { document, pdf } = await documents.fetch(actorOf(event), pathParameter(event, 'sha256'));
  const filename = `${document.kind}-${document.number.replace(/[^\w-]+/g, '-')}.pdf`;
  return fileResponse({
    name: filename,
    disposition: 'inline',
    pdf,
    headers: { 'cache-control': 'private, max-age=31536000, immutable', etag: `"${document.sha256}"` },
  });
});
