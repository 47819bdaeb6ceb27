import { documentService } from '#shared/clients/documents';
import { ValidationFailedError } from '#shared/errors';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { header, jsonBody } from '#shared/http/request';

const MAX_PDF_BYTES = 5 * 1024 * 1024;

/**
 * POST /documents/verify — with a PDF (Content-Type: application/pdf) or `{ "sha256": "…" }`:
 * which case, step and event issued it, or that it is not ours.
 */
export const handler = httpHandler(async (event) => {
  const type = header(event, 'content-type') ?? '';
  const documents = documentService();
  if (type.startsWith('application/pdf')) {
    if (!event.body) throw new ValidationFailedError([{ field: '(body)', rule: 'cần tệp PDF' }]);
    const pdf = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'latin1');
    if (pdf.byteLength > MAX_PDF_BYTES) {
      throw new ValidationFailedError([{ field: '(body)', rule: 'tệp PDF tối đa 5 MB' }], 413);
    }
    return jsonResponse(200, await documents.verify({ pdf }));
  }
  return jsonResponse(200, await documents.verify({ body: jsonBody(event) }));
});
