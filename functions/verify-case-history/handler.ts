import { caseReads } from '#shared/clients/store';
import { verifyChain } from '#shared/domain/history-chain';
import { allEvents, openCaseFor } from '#shared/domain/reads';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/** GET /cases/{id}/history/verify — recomputes the case's hash chain and says where it breaks. */
export const handler = httpHandler(async (event) => {
  const caseId = pathParameter(event, 'id');
  const reads = caseReads();
  const { store } = reads;
  const found = await openCaseFor(reads, actorOf(event), caseId, 'verification');
  const events = await allEvents(store, caseId);
  const verdict = verifyChain(events, found.record.lastEventHash);
  return jsonResponse(200, { caseId, ...verdict, head: found.record.lastEventHash });
});
