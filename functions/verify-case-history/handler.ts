import { getApp } from '#shared/clients/app';
import type { CaseEvent } from '#shared/domain/case';
import { verifyChain } from '#shared/domain/history-chain';
import { openCaseFor } from '#shared/domain/reads';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/** GET /cases/{id}/history/verify — recomputes the case's hash chain and says where it breaks. */
export const handler = httpHandler(async (event) => {
  const caseId = pathParameter(event, 'id');
  const app = getApp();
  const { store } = app;
  const found = await openCaseFor(app, actorOf(event), caseId, 'verification');
  const events: CaseEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listEvents(caseId, { limit: 500, cursor });
    events.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  const verdict = verifyChain(events, found.record.lastEventHash);
  return jsonResponse(200, { caseId, ...verdict, head: found.record.lastEventHash });
});
