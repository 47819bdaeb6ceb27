import { taskLine } from '../domain/case-views';
import { vietnamDate } from '../domain/dates';
import { inboxesOf } from '../domain/policy';
import type { Actor } from '../domain/roles';
import { deadlineEscalates } from '../pipeline/actions/index';
import { actionVerdict } from '../pipeline/permissions';
import type { ReadDeps } from './deps';

const LIMIT = 200;

/**
 * A person's inbox: the steps waiting for their role in their unit (those they may perform),
 * overdue first, then by due date, with counts per kind of step. Served by the inbox index.
 */
export async function listMyTasks({ store, clock }: ReadDeps, actor: Actor) {
  const today = vietnamDate(clock.now());
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
  return { items, counts, overdueCount: items.filter((i) => i.overdue).length };
}
