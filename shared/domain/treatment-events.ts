import { type ActionName, pipelineActions } from '#shared/pipeline/actions/index';
import { type CaseRecord, type PendingTask, type StageTimer, timerIdFor } from './case';
import { addDays, type IsoDate, startOfVietnamDay } from './dates';
import { legalProfile } from './legal-profile';
import type { CaseChange } from './ports';
import { releaseDate } from './release-date';
import { ruleViolation } from './validation';

/**
 * What happens while the person is in the centre. No execution waits through the term (ADR 0002):
 * the release is a timer, and these events are standing actions that change the case and move
 * the timer in the same transaction.
 */
export const treatmentActions = [
  'recordAbscondingInTreatment',
  'recordReduction',
  'recordEarlyEnd',
  'recordDeathInCentre',
] as const satisfies readonly ActionName[];

export function standingTasks(record: CaseRecord, actions: readonly ActionName[], now: Date): PendingTask[] {
  return actions.map((action) => {
    const definition = pipelineActions[action];
    return {
      taskId: `${record.caseId}-${action}`,
      caseId: record.caseId,
      action,
      role: definition.role,
      unitId: record.routing[definition.unit],
      dueOn:
        (definition.deadline.kind === 'caseDate' ? record[definition.deadline.field] : undefined) ??
        now.toISOString().slice(0, 10),
      openedAt: now.toISOString(),
      completion: { kind: 'standing' },
    };
  });
}

/** The release timer: the release stage starts when the centre must give notice (ND-116 Art. 62(1)). */
export function releaseTimer(record: CaseRecord, releaseDueOn: IsoDate, now?: Date): StageTimer {
  const notice = legalProfile(record.legalProfile).limits.releaseNotice;
  const fireAt = startOfVietnamDay(addDays(releaseDueOn, -notice.amount));
  return {
    timerId: timerIdFor(record.caseId, 'release'),
    caseId: record.caseId,
    workflow: 'release',
    input: {},
    fireAt: (now && now < fireAt ? fireAt : (now ?? fireAt)).toISOString(),
    status: 'PENDING',
  };
}

/** The end of the term as it stands: admission, the term less reductions, deductions and absences. */
export function termEnd(record: CaseRecord): IsoDate {
  if (!record.admittedOn || !record.decision?.months)
    throw ruleViolation('admittedOn', 'chưa có ngày tiếp nhận');
  return releaseDate({
    admittedOn: record.admittedOn,
    months: record.decision.months - (record.reducedMonths ?? 0),
    deductedDays: record.deductedDays ?? 0,
    absences: record.absences ?? [],
  });
}

type Effects = Pick<CaseChange, 'putTasks' | 'deleteTaskIds' | 'putTimers' | 'deleteTimers'>;

/**
 * The changes a standing treatment action makes beyond the record: tasks offered next, the release
 * timer moved or removed. `next` already carries the changes of the action's own rule (shared/pipeline/actions/).
 */
export function treatmentEffects(
  action: ActionName,
  next: CaseRecord,
  tasks: readonly PendingTask[],
  now: Date,
  today: IsoDate,
): Effects {
  const effects = effectsOf(action, next, tasks, now, today);
  // A transaction may touch an item once: a standing task offered again is replaced, not deleted.
  const offeredAgain = new Set((effects.putTasks ?? []).map((t) => t.taskId));
  return { ...effects, deleteTaskIds: effects.deleteTaskIds?.filter((id) => !offeredAgain.has(id)) };
}

function effectsOf(
  action: ActionName,
  next: CaseRecord,
  tasks: readonly PendingTask[],
  now: Date,
  today: IsoDate,
): Effects {
  const standing = tasks.filter((t) => t.completion.kind === 'standing').map((t) => t.taskId);
  const releaseTimerId = timerIdFor(next.caseId, 'release');
  switch (action) {
    case 'recordAbscondingInTreatment':
      next.stage = 'WANTED';
      return {
        deleteTaskIds: standing,
        putTasks: standingTasks(next, ['recordReturnToCentre', 'recordDeathInCentre'], now),
        deleteTimers: [{ timerId: releaseTimerId, mustBePending: true }],
      };
    case 'recordReturnToCentre':
    case 'recordReduction': {
      next.stage = 'IN_TREATMENT';
      next.releaseDueOn = termEnd(next);
      return {
        deleteTaskIds: standing,
        putTasks: standingTasks(next, treatmentActions, now),
        putTimers: [releaseTimer(next, next.releaseDueOn, now)],
      };
    }
    case 'recordEarlyEnd':
      next.releaseDueOn = today;
      return { deleteTaskIds: standing, putTimers: [releaseTimer(next, today, now)] };
    case 'recordDeathInCentre':
    case 'recordDeathUnderSupervision':
      next.stage = 'CLOSED';
      next.outcome = 'deceased';
      next.closedAt = now.toISOString();
      return {
        deleteTaskIds: tasks.map((t) => t.taskId),
        deleteTimers: (['release', 'supervisionEnd'] as const).map((w) => ({
          timerId: timerIdFor(next.caseId, w),
          mustBePending: false,
        })),
      };
    default:
      return {};
  }
}
