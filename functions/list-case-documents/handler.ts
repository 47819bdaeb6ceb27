import { documentService } from '#shared/clients/documents';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/** GET /cases/{id}/documents — the documents issued for a case, in issuing order, corrections linked. */
export const handler = httpHandler(async (event) => {
  const items = await documentService().listForCase(actorOf(event), pathParameter(event, 'id'));
  return jsonResponse(200, { items });
});
