import { caseReads } from '#shared/clients/store';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';
import { getCase } from '#shared/reads/get-case';

/** GET /cases/{id} — the case with its stage, version and pending tasks. */
export const handler = httpHandler(async (event) =>
  jsonResponse(200, await getCase(caseReads(), actorOf(event), pathParameter(event, 'id'))),
);
