import { indicatorsQuery } from '#shared/api/queries';
import { clock } from '#shared/clients/runtime';
import { caseReads } from '#shared/clients/store';
import { renderDocument } from '#shared/documents/render';
import { indicatorsCsv, indicatorsDocument } from '#shared/domain/indicator-exports';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { fileResponse, jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';
import { unitIndicators } from '#shared/reads/unit-indicators';

/** GET /units/{unitId}/indicators?period=2026-H2&format=json|csv|pdf — the unit's indicators. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const unitId = pathParameter(event, 'unitId');
  const query = parseOrThrow(indicatorsQuery, event.queryStringParameters ?? {});
  const report = await unitIndicators(caseReads(), actor, unitId, query.period);
  const fileName = `chi-tieu-${unitId}-${report.period}`;
  if (query.format === 'csv') return fileResponse({ name: `${fileName}.csv`, csv: indicatorsCsv(report) });
  if (query.format === 'pdf') {
    const pdf = await renderDocument(indicatorsDocument(report, clock().now()));
    return fileResponse({ name: `${fileName}.pdf`, pdf });
  }
  return jsonResponse(200, report);
});
