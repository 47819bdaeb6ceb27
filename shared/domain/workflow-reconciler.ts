import type { Clock } from '../clock';
import { caseIdOfExecution, workflowOfExecution } from '../names';
import { type FollowUpCall, followUpIdFor, type PendingTask, type WorkflowFollowUp } from './case';
import type { CaseStore, FollowUpStore, WorkflowEngine } from './ports';
import { continuedExecutionName, deliverFollowUp, FOLLOW_UP_GRACE_MS } from './workflow-follow-ups';
import { commitSystemChange } from './workflow-steps';

export interface WorkflowReconcilerDeps {
  store: CaseStore & FollowUpStore;
  engine: WorkflowEngine;
  clock: Clock;
}

/** How far back the reconciler looks for executions that ended without succeeding. */
export const ENDED_EXECUTIONS_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface ReconcileResult {
  /** Workflow calls owed by committed changes that the reconciler made. */
  repairedCalls: number;
  /** Cases whose wait outlived its execution, resumed in a fresh one. */
  resumedWaits: number;
}

/**
 * Repairs what a crash or a dead execution leaves behind (issue 14, ADR 0009); run on a schedule
 * (every few minutes in AWS, every tick locally). Safe to run concurrently and to repeat:
 * - a workflow call a committed change still owes (the process died between the transaction and
 *   the engine call) is made, and the case records it;
 * - a case that still lists tasks of an execution that ended (timed out, aborted, failed) has them
 *   withdrawn and its wait opened again in a fresh execution of the stage.
 */
export class WorkflowReconciler {
  constructor(private readonly deps: WorkflowReconcilerDeps) {}

  async run(limit = 25): Promise<ReconcileResult> {
    return {
      repairedCalls: await this.repairOwedCalls(limit),
      resumedWaits: await this.resumeStrandedWaits(),
    };
  }

  async repairOwedCalls(limit = 25): Promise<number> {
    const due = await this.deps.store.listDueFollowUps(this.deps.clock.now().toISOString(), limit);
    let repaired = 0;
    for (const owed of due) {
      const delivery = await deliverFollowUp(this.deps, owed.caseId, owed.call, owed.eventSeq);
      if (delivery !== 'alreadyDone') {
        repaired += 1;
        await commitSystemChange(this.deps, owed.caseId, (record) => ({
          next: record,
          event: {
            type: 'workflowCallRepaired',
            ...(owed.call.action && { action: owed.call.action }),
            detail: {
              call: owed.call.kind,
              ...(owed.call.kind === 'startStage' && { workflow: owed.call.workflow }),
              outcome: delivery,
              ofEvent: owed.eventSeq,
            },
            ...(owed.call.executionArn && { executionArn: owed.call.executionArn }),
          },
        }));
      }
      await this.deps.store.deleteFollowUp(owed.followUpId);
    }
    return repaired;
  }

  async resumeStrandedWaits(): Promise<number> {
    const since = new Date(this.deps.clock.now().getTime() - ENDED_EXECUTIONS_WINDOW_MS);
    let resumed = 0;
    for (const ended of await this.deps.engine.listEndedExecutions(since)) {
      const caseId = caseIdOfExecution(ended.executionArn);
      const workflow = workflowOfExecution(ended.executionArn);
      if (!caseId || !workflow) continue;
      const found = await this.deps.store.getCase(caseId);
      const dead = (found?.tasks ?? []).filter(
        (t) => t.completion.kind === 'taskToken' && t.executionArn === ended.executionArn,
      );
      const main = mainTask(dead);
      if (!found || !main) continue;
      const closed = found.record.stage === 'CLOSED';
      const name = continuedExecutionName(caseId, workflow, `${ended.executionArn}#at`);
      const call: FollowUpCall = {
        kind: 'startStage',
        workflow,
        input: { resumeAt: main.action },
        executionName: name,
      };
      // The dead tasks go and the fresh execution is owed in one change: an action that got in
      // first leaves nothing to withdraw (its own call resumes the stage after it), and a run that
      // stops half-way leaves the owed start for the next one.
      let owed: WorkflowFollowUp | undefined;
      await commitSystemChange(this.deps, caseId, (record, tasks, now) => {
        const still = tasks.filter((t) => dead.some((d) => d.taskId === t.taskId));
        if (still.length === 0) return undefined;
        owed = closed
          ? undefined
          : {
              followUpId: followUpIdFor(caseId, record.version + 1),
              caseId,
              eventSeq: record.version + 1,
              call,
              dueAt: new Date(now.getTime() + FOLLOW_UP_GRACE_MS).toISOString(),
            };
        return {
          next: record,
          event: {
            type: 'workflowResumed',
            action: main.action,
            detail: { executionStatus: ended.status, ...(closed ? {} : { continuedAs: name }) },
            executionArn: ended.executionArn,
            stateName: main.stateName,
          },
          deleteTaskIds: still.map((t) => t.taskId),
          followUps: owed ? [owed] : [],
        };
      });
      if (!owed) continue;
      await deliverFollowUp(this.deps, caseId, owed.call, owed.eventSeq);
      await this.deps.store.deleteFollowUp(owed.followUpId);
      if (!closed) resumed += 1;
    }
    return resumed;
  }
}

/** The wait's own action: its task id is the token's, the others add `.<action>` to it. */
function mainTask(tasks: readonly PendingTask[]): PendingTask | undefined {
  return tasks.find((t) => !t.taskId.includes('.')) ?? tasks[0];
}
