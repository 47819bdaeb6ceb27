import { historyQuery } from '#shared/api/queries';
import { caseReads } from '#shared/clients/store';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';
import { listCaseReads } from '#shared/reads/list-case-reads';

/** GET /cases/{id}/reads — who opened the case, its history or its verification, newest first. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const caseId = pathParameter(event, 'id');
  const query = parseOrThrow(historyQuery, event.queryStringParameters ?? {});
  return jsonResponse(200, await listCaseReads(caseReads(), actor, caseId, query));
});
