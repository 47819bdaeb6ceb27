import { documentService } from '#shared/clients/documents';
import { ValidationFailedError } from '#shared/errors';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, header, jsonBody } from '#shared/http/request';

const MAX_PDF_BYTES = 5 * 1024 * 1024;

/**
 * POST /documents/verify — with a PDF (Content-Type: application/pdf) or `{ "sha256": "…" }`:
 * whether it is ours; to those who may read its case, also which case, step and event issued it.
 */
export const handler = httpHandler(async (event) => {
  const type = header(event, 'content-type') ?? '';
  const documents = documentService();
  const actor = actorOf(event);
  if (type.startsWith('application/pdf')) {
    if (!event.body) throw new ValidationFailedError([{ field: '(body)', rule: 'cần tệp PDF' }]);
    const pdf = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'latin1');
    if (pdf.byteLength > MAX_PDF_BYTES) {
      throw new ValidationFailedError([{ field: '(body)', rule: 'tệp PDF tối đa 5 MB' }], 413);
    }
    return jsonResponse(200, await documents.verify(actor, { pdf }));
  }
  return jsonResponse(200, await documents.verify(actor, { body: jsonBody(event) }));
});
