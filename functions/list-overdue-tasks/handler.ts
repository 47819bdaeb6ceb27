import { historyQuery } from '#shared/api/queries';
import { caseStore } from '#shared/clients/store';
import { taskLine } from '#shared/domain/case-views';
import { assertMayListOverdue } from '#shared/domain/policy';
import { units } from '#shared/domain/units';
import { parseOrThrow } from '#shared/domain/validation';
import { NotFoundError } from '#shared/errors';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/** GET /units/{unitId}/overdue-tasks — the missed deadlines escalated to this supervising unit. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const unitId = pathParameter(event, 'unitId');
  if (!units.has(unitId)) throw new NotFoundError(`Không có đơn vị ${unitId}.`);
  assertMayListOverdue(actor, unitId);
  const query = parseOrThrow(historyQuery, event.queryStringParameters ?? {});
  const page = await caseStore().listOverdueTasks(unitId, query);
  const items = page.items.map((task) => ({ ...taskLine(task), escalatedAt: task.escalatedAt }));
  return jsonResponse(200, { unitId, items, cursor: page.cursor });
});
