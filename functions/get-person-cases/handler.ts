import { historyQuery, personPath } from '#shared/api/queries';
import { caseReads } from '#shared/clients/store';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';
import { getPersonCases } from '#shared/reads/get-person-cases';

/** GET /persons/{citizenId}/cases — every case of one person, newest first. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const citizenId = parseOrThrow(personPath.shape.citizenId, pathParameter(event, 'citizenId'), 'citizenId');
  const query = parseOrThrow(historyQuery, event.queryStringParameters ?? {});
  return jsonResponse(200, await getPersonCases(caseReads(), actor, citizenId, query));
});
