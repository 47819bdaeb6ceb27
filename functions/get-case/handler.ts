import { getApp } from '#shared/clients/app';
import { toCaseView } from '#shared/domain/case-views';
import { vietnamDate } from '#shared/domain/dates';
import { recordRead } from '#shared/domain/reads';
import { NotFoundError } from '#shared/errors';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/** GET /cases/{id} — the case with its stage, version and pending tasks. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const caseId = pathParameter(event, 'id');
  const app = getApp();
  const found = await app.store.getCase(caseId);
  if (!found) throw new NotFoundError(`Không tìm thấy hồ sơ ${caseId}.`);
  await recordRead(app, actor, caseId, 'case');
  return jsonResponse(200, toCaseView(found.record, found.tasks, vietnamDate(app.clock.now())));
});
