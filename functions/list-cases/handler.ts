import { listCasesQuery } from '#shared/api/queries';
import { caseReads } from '#shared/clients/store';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf } from '#shared/http/request';
import { listCases } from '#shared/reads/list-cases';

/** GET /cases?stage=&unit=&overdue=&q=&cursor= — a page of cases for a list page. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const query = parseOrThrow(listCasesQuery, event.queryStringParameters ?? {});
  return jsonResponse(200, await listCases(caseReads(), actor, query));
});
