import { listCasesQuery } from '#shared/api/queries';
import { getApp } from '#shared/clients/app';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf } from '#shared/http/request';

/** GET /cases?stage=&unit=&cursor= — a page of cases, served by an index, never a scan. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const query = parseOrThrow(listCasesQuery, event.queryStringParameters ?? {});
  const unitId = query.unit ?? (query.stage ? undefined : actor.unitId);
  const page = await getApp().store.listCases({ ...query, unitId });
  return jsonResponse(200, page);
});
