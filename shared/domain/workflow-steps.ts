import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { DocumentPlan } from '#shared/documents/document-plans';
import {
  type ActionName,
  actionDefinition,
  actionNames,
  pipelineActions,
} from '#shared/pipeline/actions/index';
import { outcomes, type Stage } from '#shared/pipeline/stages';
import type { Clock } from '../clock';
import { workflowOfExecution } from '../names';
import type { CaseEvent, CaseRecord, PendingTask, StageTimer } from './case';
import { timerIdFor } from './case';
import { ageOn, type IsoDate, startOfVietnamDay, vietnamDate } from './dates';
import { dueOn, endOfLimit } from './deadlines';
import { commitIssuing, type DocumentIssuer, withIssued } from './document-issuer';
import { legalProfile, profileInForceOn } from './legal-profile';
import { type CaseChange, type CaseStore, VersionConflict, type WorkflowEngine } from './ports';
import { releaseDate } from './release-date';
import { releaseTimer, standingTasks, treatmentActions } from './treatment-events';
import { supervisingUnitOf } from './units';
import { parseOrThrow } from './validation';
import { continuedExecutionName } from './workflow-follow-ups';
import type { HolidayCalendar } from './working-days';

/** The payload a `.waitForTaskToken` state hands to the open-task function. */
export const openTaskInput = z.object({
  taskToken: z.string().min(1),
  caseId: z.string().min(1),
  action: z.enum(actionNames),
  /** Other actions a person may perform instead at the same wait (death, absconding…). */
  alsoAllowed: z.array(z.enum(actionNames)).max(10).optional(),
  stateName: z.string().min(1).optional(),
  executionArn: z.string().min(1),
  /** When the execution started and how long it may live, and how long this wait may last. */
  executionStartTime: z.iso.datetime({ offset: true }).optional(),
  executionLimitSeconds: z.number().int().positive().optional(),
  waitSeconds: z.number().int().positive().optional(),
});

const stepBase = { caseId: z.string().min(1), executionArn: z.string().min(1) };
export const systemStepInput = z.discriminatedUnion('step', [
  z.object({ step: z.literal('closeCase'), outcome: z.enum(outcomes), ...stepBase }),
  z.object({ step: z.literal('scheduleRelease'), ...stepBase }),
  z.object({ step: z.literal('takeEffect'), ...stepBase }),
  z.object({ step: z.literal('openRelapseFile'), ...stepBase }),
  z.object({ step: z.literal('beginSupervision'), ...stepBase }),
  z.object({ step: z.literal('escalateStalledTask'), action: z.enum(actionNames), ...stepBase }),
]);
export type SystemStepInput = z.infer<typeof systemStepInput>;

/** Named so the workflow's Catch can tell a broken case from a passing fault. */
export class CaseStateError extends Error {
  override name = 'CaseStateError';
}

/**
 * Thrown by openTask when a wait entered now could outlast its execution: the workflow catches it
 * by name (workflows/generate.ts) and continues the wait in a fresh execution.
 */
export class ExecutionNearLimitError extends Error {
  override name = 'ExecutionNearLimit';
}

/** A wait must end this long before its execution's limit, for its escalation to run. */
export const EXECUTION_LIMIT_MARGIN_MS = 24 * 60 * 60 * 1000;

export interface WorkflowStepDeps {
  store: CaseStore;
  engine: WorkflowEngine;
  clock: Clock;
  calendar: HolidayCalendar;
  /**
   * Numbers and renders the documents system steps issue (beginning supervision, closing a case
   * whose supervision was completed). Opening tasks and firing timers issue none and need none.
   */
  issuer?: DocumentIssuer;
  /**
   * The documents a change issues (shared/documents/case-documents.ts), wired with the issuer: the
   * functions that open tasks and fire timers issue nothing and do not load the plans.
   */
  plansFor?: (event: CaseEvent, next: CaseRecord) => DocumentPlan[];
}

const MAX_ATTEMPTS = 8;

/** The steps the workflows run without a person: open a task, close, schedule and fire timers. */
export class WorkflowSteps {
  constructor(private readonly deps: WorkflowStepDeps) {}

  /** No plans wired: the step is one that issues nothing (opening a task, an escalation). */
  private plansFor(event: CaseEvent, next: CaseRecord): DocumentPlan[] {
    return this.deps.plansFor?.(event, next) ?? [];
  }

  /**
   * Records that the case now waits for a person: one pending task per action allowed at this
   * wait, all on the same token. Idempotent for the same token.
   */
  async openTask(payload: unknown): Promise<{ taskId: string }> {
    const input = parseOrThrow(openTaskInput, payload);
    if (input.executionStartTime && input.executionLimitSeconds && input.waitSeconds) {
      const endsBy = Date.parse(input.executionStartTime) + input.executionLimitSeconds * 1000;
      const waitEnds = this.deps.clock.now().getTime() + input.waitSeconds * 1000 + EXECUTION_LIMIT_MARGIN_MS;
      if (waitEnds > endsBy) {
        // The fresh execution opens this wait again; this one ends once the workflow catches the error.
        await this.continueInFreshExecution(input.caseId, input.action, input.executionArn);
        throw new ExecutionNearLimitError(`the wait for ${input.action} would outlast ${input.executionArn}`);
      }
    }
    const base = createHash('sha256').update(input.taskToken).digest('base64url').slice(0, 22);
    const actions = [input.action, ...(input.alsoAllowed ?? []).filter((a) => a !== input.action)];
    const taskIds = actions.map((action, i) => (i === 0 ? base : `${base}.${action}`));
    // A token handed out again after a crash may belong to a task someone already performed,
    // whose completion never reached the workflow: complete it now instead of reopening it.
    for (const taskId of taskIds) {
      const completed = await this.deps.store.getCompletedTask(input.caseId, taskId);
      if (completed) {
        await this.deps.engine.completeTask(input.taskToken, completed.output);
        return { taskId: base };
      }
    }
    await this.change(input.caseId, (record, tasks, now) => {
      if (tasks.some((t) => t.taskId === base)) return undefined;
      if (record.stage === 'CLOSED') throw new CaseStateError(`case ${record.caseId} is closed`);
      const today = vietnamDate(now);
      const opened: PendingTask[] = actions.map((action, i) => {
        const definition = pipelineActions[action];
        return {
          taskId: taskIds[i] as string,
          caseId: record.caseId,
          action,
          role: definition.role,
          unitId: record.routing[definition.unit],
          dueOn: dueOn(definition.deadline, waitOf(action, record, today).from, record, this.deps.calendar),
          openedAt: now.toISOString(),
          executionArn: input.executionArn,
          stateName: input.stateName,
          completion: { kind: 'taskToken', taskToken: input.taskToken },
        };
      });
      const main = opened[0] as PendingTask;
      return {
        next: { ...record, stage: waitOf(input.action, record, today).stage },
        event: {
          type: 'taskOpened',
          action: input.action,
          detail: { dueOn: main.dueOn, role: main.role, unitId: main.unitId, alsoAllowed: actions.slice(1) },
          executionArn: input.executionArn,
          stateName: input.stateName,
        },
        putTasks: opened,
        // Standing actions belong to the stage that has just ended (the term in the centre).
        deleteTaskIds: tasks.filter((t) => t.completion.kind === 'standing').map((t) => t.taskId),
      };
    });
    return { taskId: base };
  }

  async runSystemStep(payload: unknown): Promise<{ ok: true; outcome?: string }> {
    const input = parseOrThrow(systemStepInput, payload);
    if (!this.deps.issuer || !this.deps.plansFor) {
      throw new Error('system steps issue documents: wire a DocumentIssuer and plansFor');
    }
    switch (input.step) {
      case 'closeCase':
        await this.change(input.caseId, (record, tasks, now) => {
          if (record.stage === 'CLOSED') return undefined;
          return {
            next: { ...record, stage: 'CLOSED', outcome: input.outcome, closedAt: now.toISOString() },
            event: {
              type: 'caseClosed',
              detail: { outcome: input.outcome },
              executionArn: input.executionArn,
            },
            deleteTaskIds: tasks.map((t) => t.taskId),
            deleteTimers: (['release', 'supervisionEnd'] as const).map((w) => ({
              timerId: timerIdFor(record.caseId, w),
              mustBePending: false,
            })),
          };
        });
        break;
      case 'openRelapseFile':
        await this.openRelapseFile(input.caseId);
        break;
      case 'takeEffect': {
        // The decision takes effect (after the appeal window, or by the appeal decision): the
        // case record, not the workflow's memory, says whether the measure applies.
        const found = await this.deps.store.getCase(input.caseId);
        if (!found?.record.decision) throw new CaseStateError('no decision to take effect');
        await this.change(input.caseId, (record, _tasks, now) => {
          if (record.decisionEffectiveOn) return undefined;
          return {
            next: { ...record, decisionEffectiveOn: vietnamDate(now) },
            event: { type: 'decisionEffective', executionArn: input.executionArn },
          };
        });
        return { ok: true, outcome: found.record.decision.outcome };
      }
      case 'scheduleRelease':
        await this.change(input.caseId, (record, _tasks, now) => {
          if (record.releaseDueOn) return undefined;
          const months = record.decision?.months;
          if (!record.admittedOn || !months)
            throw new CaseStateError('release needs an admission and a term');
          const releaseDueOn = releaseDate({
            admittedOn: record.admittedOn,
            months,
            deductedDays: record.deductedDays ?? 0,
            absences: record.absences ?? [],
          });
          // The centre notifies the release ahead of the end date (ND-116 Art. 62(1)).
          const timer = releaseTimer(record, releaseDueOn);
          return {
            next: { ...record, stage: 'IN_TREATMENT', releaseDueOn },
            event: { type: 'releaseScheduled', detail: { releaseDueOn }, executionArn: input.executionArn },
            putTimers: [timer],
            putTasks: standingTasks({ ...record, releaseDueOn }, treatmentActions, now),
          };
        });
        break;
      case 'beginSupervision':
        await this.change(input.caseId, (record, _tasks, now) => {
          if (record.supervisionEndsOn) return undefined;
          if (!record.releasedOn) throw new CaseStateError('supervision needs a release date');
          const { limits } = legalProfile(record.legalProfile);
          const period = record.minor ? limits.supervisionMinor : limits.supervisionAdult;
          const supervisionEndsOn = endOfLimit(period, record.releasedOn, this.deps.calendar);
          const timer = this.timer(record, 'supervisionEnd', supervisionEndsOn, { outcome: 'completed' });
          const relapseTask: PendingTask = {
            taskId: `${record.caseId}-recordRelapse`,
            caseId: record.caseId,
            action: 'recordRelapse',
            role: pipelineActions.recordRelapse.role,
            unitId: record.routing.supervision,
            dueOn: supervisionEndsOn,
            openedAt: now.toISOString(),
            completion: { ...pipelineActions.recordRelapse.completes, timerId: timer.timerId },
          };
          return {
            next: { ...record, stage: 'UNDER_SUPERVISION', supervisionEndsOn },
            event: {
              type: 'supervisionBegun',
              detail: { supervisionEndsOn },
              executionArn: input.executionArn,
            },
            putTimers: [timer],
            putTasks: [
              relapseTask,
              ...standingTasks({ ...record, supervisionEndsOn }, ['recordDeathUnderSupervision'], now),
            ],
          };
        });
        break;
      case 'escalateStalledTask':
        await this.change(input.caseId, (record, tasks) => {
          // The stalled token is dead: withdraw every action that was offered on it.
          const tokens = new Set(
            tasks.filter((t) => t.action === input.action).map((t) => JSON.stringify(t.completion)),
          );
          const stalled = tasks.filter((t) => tokens.has(JSON.stringify(t.completion)));
          return {
            next: record,
            event: { type: 'taskStalled', action: input.action, executionArn: input.executionArn },
            deleteTaskIds: stalled.map((t) => t.taskId),
          };
        });
        break;
    }
    return { ok: true };
  }

  /**
   * The wait for `action` could outlast this execution: start the stage again, resuming at that
   * wait, under a name derived from this execution (a retry starts nothing twice), and say so once.
   */
  private async continueInFreshExecution(caseId: string, action: ActionName, executionArn: string) {
    const workflow = workflowOfExecution(executionArn);
    if (!workflow) throw new CaseStateError(`no stage workflow ran ${executionArn}`);
    const name = continuedExecutionName(caseId, workflow, `${executionArn}#at`);
    const started = await this.deps.engine.startStage(workflow, caseId, { caseId, resumeAt: action }, name);
    await this.change(caseId, (record) => {
      if (record.stage === 'CLOSED' || started === 'alreadyStarted') return undefined;
      return {
        next: record,
        event: {
          type: 'workflowContinued',
          action,
          detail: { reason: 'executionLimit', continuedAs: name },
          executionArn,
        },
      };
    });
  }

  /**
   * Every task past its due date is marked overdue once: an escalation event on the case, and the
   * task shows in the overdue list of the unit above the one that must act.
   */
  async escalateOverdueTasks(limit = 25): Promise<number> {
    const today = vietnamDate(this.deps.clock.now());
    const pastDue = await this.deps.store.listPastDueTasks(today, limit);
    let escalated = 0;
    for (const due of pastDue) {
      await this.change(due.caseId, (record, tasks, now) => {
        const task = tasks.find((t) => t.taskId === due.taskId);
        if (!task || task.escalatedAt) return undefined;
        const supervisingUnitId = supervisingUnitOf(task.unitId) ?? task.unitId;
        escalated += 1;
        return {
          next: record,
          event: {
            type: 'deadlineMissed',
            action: task.action,
            detail: { dueOn: task.dueOn, unitId: task.unitId, supervisingUnitId },
            executionArn: task.executionArn,
            stateName: task.stateName,
          },
          putTasks: [{ ...task, escalatedAt: now.toISOString(), supervisingUnitId }],
        };
      });
    }
    return escalated;
  }

  /**
   * A relapse during post-treatment management is ground (d) for a new compulsory file
   * (PCMT-2021 Art. 32(4)): open it as a draft linked to the closed case, for the police to
   * complete within 5 working days (ND-116 Art. 40(1)). Minors are not subject to ground (d).
   */
  private async openRelapseFile(closedCaseId: string): Promise<void> {
    const found = await this.deps.store.getCase(closedCaseId);
    if (!found) throw new CaseStateError(`case ${closedCaseId} does not exist`);
    const closed = found.record;
    const now = this.deps.clock.now();
    const today = vietnamDate(now);
    if (ageOn(closed.file.person.dateOfBirth, today) < 18) return;
    // Derived from the closed case, so a repeated step finds the file it already opened.
    const hex = createHash('sha256').update(`${closedCaseId}:relapse`).digest('hex');
    const caseId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    if (await this.deps.store.getCase(caseId)) return;
    const at = now.toISOString();
    const record: CaseRecord = {
      caseId,
      version: 1,
      stage: 'DRAFT',
      draft: true,
      linkedCaseId: closedCaseId,
      legalProfile: profileInForceOn(today).version,
      minor: false,
      file: {
        ...closed.file,
        grounds: ['d'],
        groundsDetail: `Tái nghiện trong thời gian quản lý sau cai nghiện (hồ sơ trước: ${closedCaseId}).`,
      },
      routing: closed.routing,
      openedAt: at,
      openedBy: 'system',
      updatedAt: at,
      supplementRounds: 0,
    };
    const definition = pipelineActions.completeFile;
    const task: PendingTask = {
      taskId: `${caseId}-completeFile`,
      caseId,
      action: 'completeFile',
      role: definition.role,
      unitId: record.routing[definition.unit],
      dueOn: dueOn(definition.deadline, today, record, this.deps.calendar),
      openedAt: at,
      completion: definition.completes,
    };
    const event: CaseEvent = {
      caseId,
      seq: 1,
      type: 'caseOpened',
      at,
      actor: { kind: 'system' },
      detail: { linkedCaseId: closedCaseId, grounds: ['d'] },
    };
    try {
      await commitIssuing(
        this.deps.issuer,
        { next: record, event, plans: this.plansFor(event, record) },
        async (issued) => {
          const opened = withIssued(record, event, issued);
          await this.deps.store.createCase(opened.next, opened.event, undefined, [task], issued.writes);
        },
      );
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error; // opened by a concurrent retry
    }
  }

  /** Starts the stage of every timer that is due; safe to run concurrently and to repeat. */
  async fireDueTimers(limit = 25): Promise<number> {
    const due = await this.deps.store.listDueTimers(this.deps.clock.now().toISOString(), limit);
    let fired = 0;
    for (const timer of due) {
      if (timer.status === 'PENDING' && !(await this.deps.store.claimTimer(timer.timerId))) continue;
      await this.deps.engine.startStage(timer.workflow, timer.caseId, {
        caseId: timer.caseId,
        ...timer.input,
      });
      await this.deps.store.deleteTimer(timer.timerId);
      fired += 1;
    }
    return fired;
  }

  private timer(
    record: CaseRecord,
    workflow: StageTimer['workflow'],
    fireOn: IsoDate,
    input: Record<string, string>,
  ): StageTimer {
    return {
      timerId: timerIdFor(record.caseId, workflow),
      caseId: record.caseId,
      workflow,
      input,
      fireAt: startOfVietnamDay(fireOn).toISOString(),
      status: 'PENDING',
    };
  }

  /** Reads, decides and commits a system change, retrying when a person's action got in first. */
  private change(caseId: string, decide: SystemDecision): Promise<void> {
    return commitSystemChange(this.deps, caseId, decide);
  }
}

/** What a system change decides from the case as it finds it; undefined changes nothing. */
export type SystemDecision = (
  record: CaseRecord,
  tasks: PendingTask[],
  now: Date,
) =>
  | (Omit<CaseChange, 'expectedVersion' | 'event' | 'next'> & {
      next: CaseRecord;
      event: Omit<CaseEvent, 'caseId' | 'seq' | 'at' | 'actor'>;
    })
  | undefined;

/** Reads, decides and commits a change the system makes, retrying when a person's action got in first. */
export async function commitSystemChange(
  deps: Pick<WorkflowStepDeps, 'store' | 'clock' | 'issuer' | 'plansFor'>,
  caseId: string,
  decide: SystemDecision,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const found = await deps.store.getCase(caseId);
    if (!found) throw new CaseStateError(`case ${caseId} does not exist`);
    const now = deps.clock.now();
    const decided = decide(found.record, found.tasks, now);
    if (!decided) return;
    const version = found.record.version + 1;
    const at = now.toISOString();
    const next = { ...decided.next, version, updatedAt: at };
    const event: CaseEvent = { ...decided.event, caseId, seq: version, at, actor: { kind: 'system' } };
    try {
      await commitIssuing(deps.issuer, { next, event, plans: deps.plansFor?.(event, next) ?? [] }, (issued) =>
        deps.store.commit({
          ...decided,
          expectedVersion: found.record.version,
          before: found,
          ...withIssued(next, event, issued),
          documents: issued.writes,
        }),
      );
      return;
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
    }
  }
}

/** Where a task waits from, and the stage the case shows meanwhile: its module's hold, if any. */
function waitOf(action: ActionName, record: CaseRecord, today: IsoDate): { from: IsoDate; stage: Stage } {
  const definition = actionDefinition(action);
  const held = definition.heldUntil?.(record, today);
  return held ? { from: held.until, stage: held.stage } : { from: today, stage: definition.stage };
}
