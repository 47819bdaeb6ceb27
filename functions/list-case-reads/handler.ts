import { historyQuery } from '#shared/api/queries';
import { getApp } from '#shared/clients/app';
import { assertMaySeeReads } from '#shared/domain/reads';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/** GET /cases/{id}/reads — who opened the case, its history or its verification, newest first. */
export const handler = httpHandler(async (event) => {
  assertMaySeeReads(actorOf(event));
  const caseId = pathParameter(event, 'id');
  const query = parseOrThrow(historyQuery, event.queryStringParameters ?? {});
  const page = await getApp().store.listReads(caseId, query);
  return jsonResponse(200, { caseId, items: page.items, cursor: page.cursor });
});
