import { historyQuery } from '#shared/api/queries';
import { workflowEngine } from '#shared/clients/engine';
import { caseReads } from '#shared/clients/store';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';
import { getCaseHistory } from '#shared/reads/case-history';

/** GET /cases/{id}/history — the case's own events, with the engine's execution history. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const caseId = pathParameter(event, 'id');
  const query = parseOrThrow(historyQuery, event.queryStringParameters ?? {});
  const deps = { ...caseReads(), executions: workflowEngine() };
  return jsonResponse(200, await getCaseHistory(deps, actor, caseId, query));
});
