import type { PendingTask } from '#shared/domain/case';
import { actingUnit, isOverseer, relationOf } from '#shared/domain/policy';
import type { Actor } from '#shared/domain/roles';
import { ForbiddenError } from '#shared/errors';
import { type ActionName, actionDefinition, performersOf } from './actions/index';

/**
 * Who may perform a pending task: the role the task names or one its action's module adds
 * (`alsoPerformedBy`), in the very unit the task names; then what that role may put in the input
 * (the module's `checkPerformer`). Reading rules are in shared/domain/policy.ts, which the web UI
 * shares; these need the action registry, which it does not load.
 */
export type ActionVerdict =
  | { allowed: true }
  | { allowed: false; message: string; details: Record<string, unknown> };

type TaskSeat = Pick<PendingTask, 'action' | 'role' | 'unitId'>;

/** Whether someone may perform a pending task: role, then unit. */
export function actionVerdict(actor: Actor, task: TaskSeat): ActionVerdict {
  const allowedRoles = performersOf(task.action, task.role);
  if (!allowedRoles.includes(actor.role)) {
    return {
      allowed: false,
      message: `Hành động '${task.action}' chỉ dành cho vai trò ${allowedRoles.map((r) => `'${r}'`).join(', ')}.`,
      details: { requiredRole: allowedRoles, role: actor.role },
    };
  }
  const unit = actingUnit(actor);
  const relation = unit ? relationOf(unit, task.unitId) : 'other';
  if (relation !== 'same') {
    return {
      allowed: false,
      message: `Hành động '${task.action}' chỉ dành cho đơn vị '${task.unitId}'.`,
      details: { requiredUnit: task.unitId, unit: actor.unitId, relation },
    };
  }
  return { allowed: true };
}

export function assertMayPerform(actor: Actor, task: TaskSeat): void {
  const verdict = actionVerdict(actor, task);
  if (!verdict.allowed) throw new ForbiddenError(verdict.message, verdict.details);
}

/** What a role may put in an action's input, as the action's module says (a procurator lodges protests). */
export function assertMayPerformWith(actor: Actor, action: ActionName, input: unknown): void {
  actionDefinition(action).checkPerformer?.(actor, input);
}

/** The "what may I do" answer for a case, for the UI: what this person may read and do. */
export interface Permissions {
  actions: ActionName[];
  seeReads: boolean;
  exportHistory: boolean;
}

export function permissionsFor(actor: Actor, tasks: readonly TaskSeat[]): Permissions {
  const overseer = isOverseer(actor.role);
  return {
    actions: tasks.filter((task) => actionVerdict(actor, task).allowed).map((task) => task.action),
    seeReads: overseer,
    exportHistory: overseer,
  };
}
