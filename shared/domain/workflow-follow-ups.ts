import { createHash } from 'node:crypto';
import { type StageWorkflow, workflowOfExecution } from '../names';
import type { FollowUpCall } from './case';
import type { CaseStore, WorkflowEngine } from './ports';

/**
 * Making the workflow call a change owes (ADR 0004, ADR 0009), from the request that made the change,
 * from a retry with its Idempotency-Key, or from the reconciler after a crash. Every path is safe
 * to repeat: a stage starts under a name derived from what it continues, and a token that no longer
 * waits is looked into before anything is started.
 */

/**
 * How long a change's workflow call is left to the request that owes it before the reconciler
 * makes it (a request lasts seconds; the reconciler runs every few minutes).
 */
export const FOLLOW_UP_GRACE_MS = 2 * 60 * 1000;

/** What a call did: nothing new (made before), made now, or a fresh execution resumed the stage. */
export type Delivery = 'alreadyDone' | 'delivered' | 'resumed';

/**
 * The name of an execution that continues a stage for a case (the one before reached its limit,
 * or is gone): derived from what it continues, so a repeated request starts it at most once.
 */
export const continuedExecutionName = (caseId: string, workflow: StageWorkflow, from: string): string =>
  `${caseId}-${workflow}-${createHash('sha256').update(from).digest('hex').slice(0, 12)}`;

/**
 * The names an execution's successors would have: resumed at its wait (its limit was near, or the
 * reconciler found it dead) or after it (an action found it dead). Each exists at most once.
 */
export const successorNames = (caseId: string, workflow: StageWorkflow, executionArn: string): string[] => [
  continuedExecutionName(caseId, workflow, `${executionArn}#at`),
  continuedExecutionName(caseId, workflow, `${executionArn}#after`),
];

export async function deliverFollowUp(
  deps: { engine: WorkflowEngine; store: Pick<CaseStore, 'listEvents'> },
  caseId: string,
  call: FollowUpCall,
  eventSeq?: number,
): Promise<Delivery> {
  switch (call.kind) {
    case 'standing':
      return 'alreadyDone';
    case 'startStage': {
      const started = await deps.engine.startStage(
        call.workflow,
        caseId,
        { caseId, ...call.input },
        call.executionName,
      );
      return started === 'started' ? 'delivered' : 'alreadyDone';
    }
    case 'taskToken': {
      if ((await deps.engine.completeTask(call.taskToken, call.output)) === 'completed') return 'delivered';
      const { executionArn, action } = call;
      if (!executionArn || !action) return 'alreadyDone';
      const workflow = workflowOfExecution(executionArn);
      const status = await deps.engine.executionStatus(executionArn);
      // Still running (the token was completed by an earlier attempt, or it timed out and the
      // execution opens the task again), or it went on to the end: nothing is owed.
      if (!workflow || status === 'RUNNING' || status === 'SUCCEEDED') return 'alreadyDone';
      // The execution is gone. If it recorded anything after this action, the action reached it.
      if (eventSeq !== undefined && (await executionMovedOn(deps.store, caseId, executionArn, eventSeq)))
        return 'alreadyDone';
      // A fresh execution of the stage goes on from the wait's outcome, with the action's output.
      await deps.engine.startStage(
        workflow,
        caseId,
        { caseId, resumeAfter: action, result: call.output },
        continuedExecutionName(caseId, workflow, `${executionArn}#after`),
      );
      return 'resumed';
    }
  }
}

async function executionMovedOn(
  store: Pick<CaseStore, 'listEvents'>,
  caseId: string,
  executionArn: string,
  afterSeq: number,
): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = await store.listEvents(caseId, { limit: 200, cursor });
    if (page.items.some((e) => e.seq > afterSeq && e.executionArn === executionArn)) return true;
    cursor = page.cursor;
  } while (cursor);
  return false;
}
