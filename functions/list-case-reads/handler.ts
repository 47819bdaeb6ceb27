import { historyQuery } from '#shared/api/queries';
import { caseStore } from '#shared/clients/store';
import { mayReadCase } from '#shared/domain/policy';
import { assertMaySeeReads } from '#shared/domain/reads';
import { parseOrThrow } from '#shared/domain/validation';
import { ForbiddenError, NotFoundError } from '#shared/errors';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/** GET /cases/{id}/reads — who opened the case, its history or its verification, newest first. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  assertMaySeeReads(actor);
  const caseId = pathParameter(event, 'id');
  const store = caseStore();
  const found = await store.getCase(caseId);
  if (!found) throw new NotFoundError(`Không tìm thấy hồ sơ ${caseId}.`);
  if (!mayReadCase(actor, found.record)) {
    throw new ForbiddenError('Hồ sơ không thuộc phạm vi thanh tra của đơn vị bạn.', { unit: actor.unitId });
  }
  const query = parseOrThrow(historyQuery, event.queryStringParameters ?? {});
  const page = await store.listReads(caseId, query);
  return jsonResponse(200, { caseId, items: page.items, cursor: page.cursor });
});
