import { historyQuery } from '#shared/api/queries';
import { workflowEngine } from '#shared/clients/engine';
import { caseReads } from '#shared/clients/store';
import { openCaseFor } from '#shared/domain/reads';
import { mergeTimeline } from '#shared/domain/timeline';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/** GET /cases/{id}/history — the case's own events, with the engine's execution history. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const caseId = pathParameter(event, 'id');
  const query = parseOrThrow(historyQuery, event.queryStringParameters ?? {});
  const reads = caseReads();
  await openCaseFor(reads, actor, caseId, 'history');
  const [events, executions] = await Promise.all([
    reads.store.listEvents(caseId, query),
    query.cursor ? Promise.resolve(undefined) : workflowEngine().caseExecutions(caseId),
  ]);
  // The first page also merges the case's events with the engine's states into one timeline.
  const timeline = executions ? mergeTimeline(events.items, executions) : undefined;
  return jsonResponse(200, { caseId, events: events.items, cursor: events.cursor, executions, timeline });
});
