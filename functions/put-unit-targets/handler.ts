import { unitYearPath } from '#shared/api/queries';
import { clock } from '#shared/clients/runtime';
import { caseStore } from '#shared/clients/store';
import { targetsSchema } from '#shared/domain/indicators';
import { mayListUnit } from '#shared/domain/policy';
import { units } from '#shared/domain/units';
import { parseOrThrow } from '#shared/domain/validation';
import { ForbiddenError, NotFoundError } from '#shared/errors';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, jsonBody, pathParameter } from '#shared/http/request';

/** PUT /units/{unitId}/targets/{year} — an administrator sets a unit's targets for a year. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const unitId = pathParameter(event, 'unitId');
  if (!units.has(unitId)) throw new NotFoundError(`Không có đơn vị ${unitId}.`);
  const { year } = parseOrThrow(unitYearPath.pick({ year: true }), { year: pathParameter(event, 'year') });
  if (actor.role !== 'admin' || !mayListUnit(actor, unitId)) {
    throw new ForbiddenError(`Chỉ quản trị hệ thống của đơn vị ${unitId} hoặc cấp trên được đặt chỉ tiêu.`, {
      role: actor.role,
      unit: actor.unitId,
      requested: unitId,
    });
  }
  const targets = parseOrThrow(targetsSchema, jsonBody(event));
  const saved = await caseStore().putTargets(unitId, year, targets, {
    at: clock().now().toISOString(),
    userId: actor.userId,
  });
  return jsonResponse(200, saved);
});
