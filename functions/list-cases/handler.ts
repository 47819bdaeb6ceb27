import { listCasesQuery } from '#shared/api/queries';
import { getApp } from '#shared/clients/app';
import { mayListUnit, mayReadCase } from '#shared/domain/policy';
import { parseOrThrow } from '#shared/domain/validation';
import { ForbiddenError } from '#shared/errors';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf } from '#shared/http/request';

/** GET /cases?stage=&unit=&cursor= — a page of cases, served by an index, never a scan. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const query = parseOrThrow(listCasesQuery, event.queryStringParameters ?? {});
  const mayListAll = actor.role === 'auditor' || actor.role === 'admin';
  const unitId = query.unit ?? (query.stage && mayListAll ? undefined : actor.unitId);
  if (!mayListUnit(actor, unitId ?? actor.unitId)) {
    throw new ForbiddenError(`Không được xem danh sách hồ sơ của đơn vị ${unitId}.`, {
      unit: actor.unitId,
      requested: unitId,
    });
  }
  const page = await getApp().store.listCases({ ...query, unitId });
  // Across units (an auditor's stage listing), only the cases handled within the auditor's unit:
  // a page may then hold fewer items than the limit; the cursor goes on.
  const items = unitId ? page.items : page.items.filter((c) => mayReadCase(actor, c));
  return jsonResponse(200, { ...page, items });
});
