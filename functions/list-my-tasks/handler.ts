import { getApp } from '#shared/clients/app';
import { vietnamDate } from '#shared/domain/dates';
import { toInbox } from '#shared/domain/inbox';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf } from '#shared/http/request';

/**
 * GET /me/tasks — the tasks waiting for the caller's role in the caller's unit, most urgent first,
 * with counts per action. Served by the inbox index; nothing personal is logged.
 */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const app = getApp();
  const entries = await app.store.listInbox(actor.role, actor.unitId);
  return jsonResponse(200, toInbox(entries, vietnamDate(app.clock.now())));
});
