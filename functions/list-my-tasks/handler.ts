import { clock } from '#shared/clients/runtime';
import { caseStore } from '#shared/clients/store';
import { taskLine } from '#shared/domain/case-views';
import { vietnamDate } from '#shared/domain/dates';
import { inboxesOf } from '#shared/domain/policy';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf } from '#shared/http/request';
import { deadlineEscalates } from '#shared/pipeline/actions/index';
import { actionVerdict } from '#shared/pipeline/permissions';

const LIMIT = 200;

/**
 * GET /me/tasks — the caller's inbox: the steps waiting for their role in their unit, overdue
 * first, then by due date, with counts per kind of step. Served by the inbox index, never a scan.
 */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const store = caseStore();
  const today = vietnamDate(clock().now());
  const lists = await Promise.all(
    inboxesOf(actor).map((inbox) => store.listInbox(inbox.role, inbox.unitId, LIMIT)),
  );
  const tasks = lists.flat().filter((task) => actionVerdict(actor, task).allowed);
  const cases = new Map((await store.getCaseHeads(tasks.map((t) => t.caseId))).map((c) => [c.caseId, c]));
  const items = tasks
    .flatMap((task) => {
      const record = cases.get(task.caseId);
      if (!record || record.stage === 'CLOSED') return [];
      const { fullName, citizenId, dateOfBirth } = record.file.person;
      return [
        {
          ...taskLine(task),
          overdue: today > task.dueOn && deadlineEscalates(task.action),
          main: deadlineEscalates(task.action),
          stage: record.stage,
          version: record.version,
          person: { fullName, citizenId, dateOfBirth },
        },
      ];
    })
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        a.dueOn.localeCompare(b.dueOn) ||
        a.caseId.localeCompare(b.caseId),
    );
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.action] = (counts[item.action] ?? 0) + 1;
  return jsonResponse(200, { items, counts, overdueCount: items.filter((i) => i.overdue).length });
});
