import { indicatorsQuery } from '#shared/api/queries';
import { clock } from '#shared/clients/runtime';
import { caseStore } from '#shared/clients/store';
import { renderDocument } from '#shared/documents/render';
import { indicatorsCsv, indicatorsDocument } from '#shared/domain/indicator-exports';
import { buildReport, parsePeriod } from '#shared/domain/indicators';
import { mayListUnit } from '#shared/domain/policy';
import { units } from '#shared/domain/units';
import { parseOrThrow } from '#shared/domain/validation';
import { ForbiddenError, NotFoundError } from '#shared/errors';
import { httpHandler } from '#shared/http/handler';
import { fileResponse, jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/**
 * GET /units/{unitId}/indicators?period=2026-H2&format=json|csv|pdf — the unit's indicators, read
 * from the counters every transition keeps (a few Queries, never a scan of cases).
 */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const unitId = pathParameter(event, 'unitId');
  if (!units.has(unitId)) throw new NotFoundError(`Không có đơn vị ${unitId}.`);
  const query = parseOrThrow(indicatorsQuery, event.queryStringParameters ?? {});
  if (!mayListUnit(actor, unitId)) {
    throw new ForbiddenError(`Không được xem chỉ tiêu của đơn vị ${unitId}.`, {
      unit: actor.unitId,
      requested: unitId,
    });
  }
  const store = caseStore();
  const period = parsePeriod(query.period);
  const [totals, targets] = await Promise.all([
    store.readCounters(unitId, period.months[0] ?? '', period.months.at(-1) ?? ''),
    store.getTargets(unitId, period.year),
  ]);
  const report = buildReport(unitId, period, totals, targets);
  const fileName = `chi-tieu-${unitId}-${period.period}`;
  if (query.format === 'csv') return fileResponse({ name: `${fileName}.csv`, csv: indicatorsCsv(report) });
  if (query.format === 'pdf') {
    const pdf = await renderDocument(indicatorsDocument(report, clock().now()));
    return fileResponse({ name: `${fileName}.pdf`, pdf });
  }
  return jsonResponse(200, report);
});
