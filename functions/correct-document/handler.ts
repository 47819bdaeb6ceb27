import { documentService } from '#shared/clients/documents';
import { documentIssuer } from '#shared/clients/issuer';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, jsonBody, pathParameter } from '#shared/http/request';

/**
 * POST /cases/{id}/documents/{sha256}/corrections — the issuing body issues a corrected document
 * that names the one it replaces; the original stays on record.
 */
export const handler = httpHandler(async (event) => {
  const document = await documentService({ issuer: documentIssuer() }).correct(
    actorOf(event),
    pathParameter(event, 'id'),
    pathParameter(event, 'sha256'),
    jsonBody(event),
  );
  return jsonResponse(201, document);
});
