import type { CaseRecord, PendingTask } from './case';
import type { IsoDate } from './dates';
import { type ActionName, deadlineEscalates, pipelineActions, type Stage } from './pipeline';

/** One line of an officer's inbox: the task, and enough of the case to recognise it. */
export interface InboxItem {
  caseId: string;
  taskId: string;
  action: ActionName;
  label: string;
  role: PendingTask['role'];
  unitId: string;
  dueOn: IsoDate;
  overdue: boolean;
  stage: Stage;
  person: { fullName: string; citizenId: string; dateOfBirth: IsoDate } | null;
}

export interface Inbox {
  items: InboxItem[];
  counts: Partial<Record<ActionName, number>>;
  overdueCount: number;
}

type Head = Pick<CaseRecord, 'stage'> & {
  file: { person: { fullName: string; citizenId: string; dateOfBirth: IsoDate } };
};

/** Overdue first, then by due date ascending (ties by case and task, so the order is stable). */
export function toInbox(entries: { task: PendingTask; head?: Head }[], today: IsoDate): Inbox {
  const items = entries.map(({ task, head }): InboxItem => {
    const person = head?.file?.person;
    return {
      caseId: task.caseId,
      taskId: task.taskId,
      action: task.action,
      label: pipelineActions[task.action].label,
      role: task.role,
      unitId: task.unitId,
      dueOn: task.dueOn,
      overdue: today > task.dueOn && deadlineEscalates(task.action),
      stage: head?.stage ?? pipelineActions[task.action].stage,
      person: person
        ? { fullName: person.fullName, citizenId: person.citizenId, dateOfBirth: person.dateOfBirth }
        : null,
    };
  });
  items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.caseId.localeCompare(b.caseId) ||
      a.taskId.localeCompare(b.taskId),
  );
  const counts: Partial<Record<ActionName, number>> = {};
  for (const item of items) counts[item.action] = (counts[item.action] ?? 0) + 1;
  return { items, counts, overdueCount: items.filter((item) => item.overdue).length };
}
