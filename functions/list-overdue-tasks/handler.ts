import { historyQuery } from '#shared/api/queries';
import { caseReads } from '#shared/clients/store';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';
import { listOverdueTasks } from '#shared/reads/list-overdue-tasks';

/** GET /units/{unitId}/overdue-tasks — the missed deadlines escalated to this supervising unit. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const unitId = pathParameter(event, 'unitId');
  const query = parseOrThrow(historyQuery, event.queryStringParameters ?? {});
  return jsonResponse(200, await listOverdueTasks(caseReads(), actor, unitId, query));
});
