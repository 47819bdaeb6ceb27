import { historyExportQuery } from '#shared/api/queries';
import { workflowEngine } from '#shared/clients/engine';
import { clock } from '#shared/clients/runtime';
import { caseReads } from '#shared/clients/store';
import { historyCsv, historyPdf } from '#shared/documents/history-report';
import { verifyChain } from '#shared/domain/history-chain';
import { assertMayAudit } from '#shared/domain/policy';
import { allEvents, openCaseFor } from '#shared/domain/reads';
import { mergeTimeline } from '#shared/domain/timeline';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { fileResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/**
 * GET /cases/{id}/history/export?format=csv|pdf — auditors: the merged timeline of the case with
 * its hash chain and the verification result. The export is recorded as a read.
 */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  assertMayAudit(actor);
  const caseId = pathParameter(event, 'id');
  const { format } = parseOrThrow(historyExportQuery, event.queryStringParameters ?? {});
  const reads = caseReads();
  const found = await openCaseFor(reads, actor, caseId, 'export');
  const [events, executions] = await Promise.all([
    allEvents(reads.store, caseId),
    workflowEngine().caseExecutions(caseId),
  ]);
  const report = {
    record: found.record,
    timeline: mergeTimeline(events, executions),
    verdict: verifyChain(events, found.record.lastEventHash),
    exportedBy: actor,
    exportedAt: clock().now(),
  };
  const name = `lich-su-ho-so-${caseId}.${format}`;
  return format === 'csv'
    ? fileResponse({ name, csv: historyCsv(report) })
    : fileResponse({ name, pdf: await historyPdf(report) });
});
