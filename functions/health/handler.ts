import { checkHealth } from '#shared/clients/health';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse, problemResponse } from '#shared/http/problem';

const partNames = { table: 'bảng dữ liệu (DynamoDB)', engine: 'bộ máy quy trình (Step Functions)' };

/**
 * GET /health — no authentication. 200 when the case table and the workflow engine both answer;
 * otherwise 503 problem+json naming each part that failed, so a load balancer or an operator
 * knows which one.
 */
export const handler = httpHandler(async () => {
  const report = await checkHealth();
  if (report.healthy) return jsonResponse(200, { status: 'ok', checks: report.checks });
  const failing = (Object.keys(report.checks) as (keyof typeof partNames)[]).filter(
    (part) => !report.checks[part].ok,
  );
  return problemResponse(503, {
    type: 'about:blank',
    title: 'Service Unavailable',
    status: 503,
    detail: `Không kết nối được: ${failing.map((part) => partNames[part]).join(', ')}.`,
    failing,
    checks: report.checks,
  });
});
