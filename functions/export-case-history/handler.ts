import { historyExportQuery } from '#shared/api/queries';
import { workflowEngine } from '#shared/clients/engine';
import { caseReads } from '#shared/clients/store';
import { historyCsv, historyPdf } from '#shared/documents/history-report';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { fileResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';
import { exportCaseHistory } from '#shared/reads/case-history';

/**
 * GET /cases/{id}/history/export?format=csv|pdf — auditors: the merged timeline of the case with
 * its hash chain and the verification result. The export is recorded as a read.
 */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const caseId = pathParameter(event, 'id');
  const { format } = parseOrThrow(historyExportQuery, event.queryStringParameters ?? {});
  const report = await exportCaseHistory({ ...caseReads(), executions: workflowEngine() }, actor, caseId);
  const name = `lich-su-ho-so-${caseId}.${format}`;
  return format === 'csv'
    ? fileResponse({ name, csv: historyCsv(report) })
    : fileResponse({ name, pdf: await historyPdf(report) });
});
