import { caseReads } from '#shared/clients/store';
import { toCaseView, toCaseViewFor } from '#shared/domain/case-views';
import { vietnamDate } from '#shared/domain/dates';
import { openCaseFor } from '#shared/domain/reads';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/** GET /cases/{id} — the case with its stage, version and pending tasks. */
export const handler = httpHandler(async (event) => {
  const reads = caseReads();
  const actor = actorOf(event);
  const found = await openCaseFor(reads, actor, pathParameter(event, 'id'), 'case');
  const view = toCaseView(found.record, found.tasks, vietnamDate(reads.clock.now()));
  return jsonResponse(200, toCaseViewFor(actor, view, found.tasks));
});
