import type { DocumentWrite, IssuedDocument } from '../documents/issued';
import type { StageWorkflow } from '../names';
import type {
  CaseEvent,
  CaseRead,
  CaseRecord,
  CompletedTask,
  IdempotencyRecord,
  PendingTask,
  StageTimer,
  WorkflowFollowUp,
} from './case';
import type { Stage } from './pipeline';

/** One atomic change of a case: the versioned case item plus its append-only event, and more. */
export interface CaseChange {
  expectedVersion: number;
  /**
   * The case as read at `expectedVersion` (record and pending tasks), when the caller has it: the
   * store needs the old stage and tasks to move the indicator counters, and reads them otherwise.
   */
  before?: { record: CaseRecord; tasks: PendingTask[] };
  next: CaseRecord;
  event: CaseEvent;
  putTasks?: PendingTask[];
  deleteTaskIds?: string[];
  /** Pending tasks performed by this change: removed from the pending ones, kept as completed. */
  completeTasks?: CompletedTask[];
  putTimers?: StageTimer[];
  /** Timers to remove; `mustBePending` makes the change fail if the timer already fired. */
  deleteTimers?: { timerId: string; mustBePending: boolean }[];
  idempotency?: IdempotencyRecord;
  /** Documents issued by this change, numbered by their issuers' counters in the same transaction. */
  documents?: DocumentWrite[];
  /** The workflow call this change owes, kept until the engine has it (see FollowUpStore). */
  followUps?: WorkflowFollowUp[];
}

/**
 * The workflow calls owed by committed changes (an outbox). A change writes its call with the case;
 * whoever makes the call removes it; the reconciler makes the calls nobody made in time.
 */
export interface FollowUpStore {
  /** Calls whose `dueAt` has passed, oldest first. */
  listDueFollowUps(now: string, limit: number): Promise<WorkflowFollowUp[]>;
  deleteFollowUp(followUpId: string): Promise<void>;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface CaseStore {
  getCase(caseId: string): Promise<{ record: CaseRecord; tasks: PendingTask[] } | undefined>;
  /** Creates a new case (version 1) with its first event. */
  createCase(
    record: CaseRecord,
    event: CaseEvent,
    idempotency?: IdempotencyRecord,
    tasks?: PendingTask[],
    documents?: DocumentWrite[],
    followUps?: WorkflowFollowUp[],
  ): Promise<void>;
  /** Throws VersionConflict when the case moved on, TimerAlreadyFired when a timer has fired. */
  commit(change: CaseChange): Promise<void>;
  /** The last number an issuing body gave a document in a year (0 before the first). */
  getDocumentCounter(issuerUnitId: string, year: number): Promise<number>;
  getDocument(sha256: string): Promise<IssuedDocument | undefined>;
  /** A case's documents in the order they were issued. */
  listDocuments(caseId: string, query: { limit: number; cursor?: string }): Promise<Page<IssuedDocument>>;
  getIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  /** Appends a record that someone read the case; never updated or deleted. */
  recordRead(read: CaseRead): Promise<void>;
  listReads(caseId: string, query: { limit: number; cursor?: string }): Promise<Page<CaseRead>>;
  getCompletedTask(caseId: string, taskId: string): Promise<CompletedTask | undefined>;
  listCases(query: {
    unitId?: string;
    stage?: Stage;
    limit: number;
    cursor?: string;
  }): Promise<Page<CaseRecord>>;
  /** Every case of one person (by citizen ID), newest first: relapses and earlier measures show. */
  listCasesOfPerson(citizenId: string, query: { limit: number; cursor?: string }): Promise<Page<CaseRecord>>;
  listEvents(caseId: string, query: { limit: number; cursor?: string }): Promise<Page<CaseEvent>>;
  listDueTimers(now: string, limit: number): Promise<StageTimer[]>;
  /** Open tasks whose due date is before `today` and that have not been escalated yet. */
  listPastDueTasks(today: string, limit: number): Promise<PendingTask[]>;
  /** Tasks escalated to this supervising unit, oldest due date first. */
  listOverdueTasks(
    supervisingUnitId: string,
    query: { limit: number; cursor?: string },
  ): Promise<Page<PendingTask>>;
  /** Marks a pending timer as firing; false when someone else claimed or cancelled it. */
  claimTimer(timerId: string): Promise<boolean>;
  deleteTimer(timerId: string): Promise<void>;
}

export interface WorkflowEngine {
  /**
   * Completes a waiting callback task (SendTaskSuccess): `notWaiting` when the token no longer
   * waits (completed already, timed out, or its execution is gone).
   */
  completeTask(taskToken: string, output: unknown): Promise<'completed' | 'notWaiting'>;
  /**
   * Starts a stage workflow for a case; starting the same stage twice is a no-op. `name` gives
   * an execution that continues the stage its own name (by default the stage's first name).
   */
  startStage(
    workflow: StageWorkflow,
    caseId: string,
    input: Record<string, unknown>,
    name?: string,
  ): Promise<'started' | 'alreadyStarted'>;
  /** RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED; undefined when the engine has no such execution. */
  executionStatus(executionArn: string): Promise<ExecutionStatus | undefined>;
  /** Executions that ended without succeeding (failed, timed out, aborted) since a time, newest first. */
  listEndedExecutions(since: Date): Promise<{ executionArn: string; status: ExecutionStatus }[]>;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Raised by a CaseStore when the expected version no longer holds. */
export class VersionConflict extends Error {
  override name = 'VersionConflict';
}

/** Raised by a CaseStore when a change requires a pending timer that has already fired. */
export class TimerAlreadyFired extends Error {
  override name = 'TimerAlreadyFired';
}

/** Raised by a CaseStore when another document took the number this change was to give. */
export class CounterRace extends Error {
  override name = 'CounterRace';
}

/** Raised by a CaseStore when another request with the same idempotency key won the race. */
export class IdempotencyRace extends Error {
  override name = 'IdempotencyRace';
}
