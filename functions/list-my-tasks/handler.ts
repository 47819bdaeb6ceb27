import { caseReads } from '#shared/clients/store';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf } from '#shared/http/request';
import { listMyTasks } from '#shared/reads/list-my-tasks';

/** GET /me/tasks — the caller's inbox, overdue first, then by due date. */
export const handler = httpHandler(async (event) =>
  jsonResponse(200, await listMyTasks(caseReads(), actorOf(event))),
);
