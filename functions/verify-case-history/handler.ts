import { caseReads } from '#shared/clients/store';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';
import { verifyCaseHistory } from '#shared/reads/case-history';

/** GET /cases/{id}/history/verify — recomputes the case's hash chain and says where it breaks. */
export const handler = httpHandler(async (event) => {
  const caseId = pathParameter(event, 'id');
  return jsonResponse(200, await verifyCaseHistory(caseReads(), actorOf(event), caseId));
});
