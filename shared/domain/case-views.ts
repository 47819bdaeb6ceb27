import * as z from 'zod';
import { type ActionName, deadlineEscalates, pipelineActions } from '#shared/pipeline/actions/index';
import { actionVerdict, type Permissions, permissionsFor } from '#shared/pipeline/permissions';
import type { CaseRecord, PendingTask } from './case';
import type { IsoDate } from './dates';
import { deadlineSource } from './deadlines';
import { type LegalProfile, legalProfile, type RoleBody } from './legal-profile';
import type { Actor } from './roles';
import { type CaseRouting, unitNameOn } from './units';

/** What a client sees of a pending task: enough to discover the next step without hard-coding it. */
export interface TaskView {
  taskId: string;
  action: ActionName;
  label: string;
  role: PendingTask['role'];
  unitId: string;
  /** The body that performs the task under the case's legal profile. */
  body: string;
  dueOn: IsoDate;
  overdue: boolean;
  /** The step the wait is for (its due date is a real deadline); false for events offered beside it. */
  main: boolean;
  /** When the missed deadline was escalated to the supervising unit. */
  escalatedAt?: string;
  deadlineSource: string;
  inputSchema: unknown;
}

/** Which body plays a role on this case under the case's legal profile, and in which unit. */
export interface RoleBodyView extends RoleBody {
  unitId: string;
  unitName?: string;
}

export type CaseView = CaseRecord & {
  /** Which body plays each role under the case's legal profile (it changes with the law). */
  bodies: LegalProfile['bodies'];
  /** The same per functional role, with its source and the case's unit as named under the profile. */
  roleBodies: Record<keyof CaseRouting, RoleBodyView>;
  pendingTasks: (TaskView & { mayAct?: boolean })[];
  /** What the person asking may do with this case (set when the view is answered to someone). */
  permissions?: Permissions;
};

/** The bodies of the case's profile, with the unit of each as named while that profile is in force. */
export function roleBodiesOf(
  record: Pick<CaseRecord, 'legalProfile' | 'routing'>,
): Record<keyof CaseRouting, RoleBodyView> {
  const profile = legalProfile(record.legalProfile);
  const keys = Object.keys(profile.roleBodies) as (keyof CaseRouting)[];
  return Object.fromEntries(
    keys.map((key) => {
      const unitId = record.routing[key];
      return [key, { ...profile.roleBodies[key], unitId, unitName: unitNameOn(unitId, profile.validFrom) }];
    }),
  ) as Record<keyof CaseRouting, RoleBodyView>;
}

/** A task as a line of a list (an inbox, a unit's overdue steps): who must do what, by when. */
export const taskLine = (task: PendingTask) => ({
  caseId: task.caseId,
  taskId: task.taskId,
  action: task.action,
  label: pipelineActions[task.action].label,
  role: task.role,
  unitId: task.unitId,
  dueOn: task.dueOn,
});

const inputSchemas = new Map<ActionName, unknown>();

export function actionInputJsonSchema(action: ActionName): unknown {
  let schema = inputSchemas.get(action);
  if (!schema) {
    schema = z.toJSONSchema(pipelineActions[action].input, { io: 'input', unrepresentable: 'any' });
    inputSchemas.set(action, schema);
  }
  return schema;
}

export function toTaskView(
  task: PendingTask,
  record: Pick<CaseRecord, 'legalProfile'>,
  today: IsoDate,
): TaskView {
  const definition = pipelineActions[task.action];
  return {
    taskId: task.taskId,
    action: task.action,
    label: definition.label,
    role: task.role,
    unitId: task.unitId,
    body: legalProfile(record.legalProfile).roleBodies[definition.unit].label,
    dueOn: task.dueOn,
    overdue: today > task.dueOn && deadlineEscalates(task.action),
    main: deadlineEscalates(task.action),
    escalatedAt: task.escalatedAt,
    deadlineSource: deadlineSource(definition.deadline, record),
    inputSchema: actionInputJsonSchema(task.action),
  };
}

export function toCaseView(record: CaseRecord, tasks: PendingTask[], today: IsoDate): CaseView {
  const pendingTasks = tasks
    .map((t) => toTaskView(t, record, today))
    // The main step of each wait first (death, absconding… are offered beside it), most urgent first.
    .sort(
      (a, b) =>
        Number(!deadlineEscalates(a.action)) - Number(!deadlineEscalates(b.action)) ||
        a.dueOn.localeCompare(b.dueOn) ||
        a.action.localeCompare(b.action),
    );
  const profile = legalProfile(record.legalProfile);
  return { ...record, bodies: profile.bodies, roleBodies: roleBodiesOf(record), pendingTasks };
}

/** The case as one person sees it: each task says whether they may perform it, and what else they may do. */
export function toCaseViewFor(actor: Actor, view: CaseView, tasks: PendingTask[]): CaseView {
  return {
    ...view,
    pendingTasks: view.pendingTasks.map((task) => ({ ...task, mayAct: actionVerdict(actor, task).allowed })),
    permissions: permissionsFor(actor, tasks),
  };
}
