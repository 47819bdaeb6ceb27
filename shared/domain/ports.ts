import type { Stage } from '#shared/pipeline/stages';
import type { DocumentWrite, IssuedDocument } from '../documents/issued';
import type { StageWorkflow } from '../names';
import type {
  CaseEvent,
  CaseRead,
  CaseRecord,
  CompletedTask,
  IdempotencyRecord,
  IdempotencyReservation,
  PendingTask,
  StageTimer,
  WorkflowFollowUp,
} from './case';
import type { CounterTotals, Targets, UnitTargets } from './indicators';

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

type PageQuery = { limit: number; cursor?: string };

/** What an inbox line shows of its case. */
export type CaseHead = Pick<CaseRecord, 'caseId' | 'stage' | 'version'> & {
  file: { person: CaseRecord['file']['person'] };
};

/** The versioned case items: one case, with its pending tasks, or lists of cases. */
export interface CaseRecords {
  getCase(caseId: string): Promise<{ record: CaseRecord; tasks: PendingTask[] } | undefined>;
  /** Each case with its pending tasks; missing ones left out. */
  getCasesWithTasks(caseIds: string[]): Promise<{ record: CaseRecord; tasks: PendingTask[] }[]>;
  /** What an inbox shows of several cases (stage, version, the person), by id. */
  getCaseHeads(caseIds: readonly string[]): Promise<CaseHead[]>;
  listCases(query: { unitId?: string; stage?: Stage } & PageQuery): Promise<Page<CaseRecord>>;
  /** Every case of one person (by citizen ID), newest first: relapses and earlier measures show. */
  listCasesOfPerson(citizenId: string, query: PageQuery): Promise<Page<CaseRecord>>;
}

/**
 * The one way a case changes: everything a change writes (case, event, tasks, timers, documents,
 * counters, idempotency record) in one atomic transaction, the event sealed into the hash chain.
 */
export interface CaseChanges {
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
}

/** A case's append-only, hash-chained events. */
export interface CaseHistory {
  listEvents(caseId: string, query: PageQuery): Promise<Page<CaseEvent>>;
}

/** Pending tasks (inboxes, deadlines, escalations) and what remains of performed ones. */
export interface TaskStore {
  getCompletedTask(caseId: string, taskId: string): Promise<CompletedTask | undefined>;
  /** The tasks waiting for a role in a unit, earliest due date first. */
  listInbox(role: string, unitId: string, limit: number): Promise<PendingTask[]>;
  /** Open tasks whose due date is before `today` and that have not been escalated yet. */
  listPastDueTasks(today: string, limit: number): Promise<PendingTask[]>;
  /** Tasks escalated to this supervising unit, oldest due date first. */
  listOverdueTasks(supervisingUnitId: string, query: PageQuery): Promise<Page<PendingTask>>;
  /** Every task escalated to these supervising units (all pages). */
  listAllOverdueTasks(supervisingUnitIds: string[]): Promise<PendingTask[]>;
}

/** Long waits held as data: due timers, claimed once. */
export interface TimerStore {
  listDueTimers(now: string, limit: number): Promise<StageTimer[]>;
  /** Marks a pending timer as firing; false when someone else claimed or cancelled it. */
  claimTimer(timerId: string): Promise<boolean>;
  deleteTimer(timerId: string): Promise<void>;
}

/** Issued documents and the issuers' registers. */
export interface DocumentRecords {
  /** The last number an issuing body gave a document in a year (0 before the first). */
  getDocumentCounter(issuerUnitId: string, year: number): Promise<number>;
  getDocument(sha256: string): Promise<IssuedDocument | undefined>;
  /** A case's documents in the order they were issued. */
  listDocuments(caseId: string, query: PageQuery): Promise<Page<IssuedDocument>>;
}

/** Saved answers of requests sent with an Idempotency-Key. */
export interface IdempotencyStore {
  getIdempotency(key: string): Promise<IdempotencyRecord | IdempotencyReservation | undefined>;
  /**
   * Holds a key for a request about to run, if no one holds it (or its holder's reservation has
   * expired). Returns undefined when reserved, else what holds the key: a record or a reservation.
   */
  reserveIdempotency(
    reservation: IdempotencyReservation,
  ): Promise<IdempotencyRecord | IdempotencyReservation | undefined>;
  /** Frees a key whose request failed before writing its change; a completed record stays. */
  releaseIdempotency(key: string, reservationId: string): Promise<void>;
}

/** Who read a case, for auditors. */
export interface ReadLog {
  /** Appends a record that someone read the case; never updated or deleted. */
  recordRead(read: CaseRead): Promise<void>;
  listReads(caseId: string, query: PageQuery): Promise<Page<CaseRead>>;
}

/** The plans' indicators (moved by every case change) and each unit's yearly targets. */
export interface IndicatorCounters {
  /** A unit's counters: the flows of the given months (shards summed) and the current gauges. */
  readCounters(unitId: string, fromMonth: string, toMonth: string): Promise<CounterTotals>;
  getTargets(unitId: string, year: number): Promise<UnitTargets | undefined>;
  putTargets(
    unitId: string,
    year: number,
    targets: Targets,
    by: { at: string; userId: string },
  ): Promise<UnitTargets>;
}

/** Search of cases by the person's name, per filing commune. */
export interface NameIndex {
  /** Case ids whose person's name (folded) starts with `prefix`, or has a later word that does. */
  searchCaseIdsByName(communes: string[], prefix: string, limit: number): Promise<string[]>;
}

/**
 * What the reads (shared/reads/) use beyond the case items: the counters a report reads. Each is
 * served by a key or an index, never a scan.
 */
export type CaseQueries = Pick<IndicatorCounters, 'readCounters' | 'getTargets'>;

/** What the commands, the workflow steps and the reads use: the case and everything kept beside it. */
export interface CaseStore
  extends CaseRecords,
    CaseChanges,
    CaseHistory,
    TaskStore,
    TimerStore,
    DocumentRecords,
    IdempotencyStore,
    ReadLog,
    NameIndex,
    CaseQueries {}

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

// The races a store reports live with the other errors; re-exported for the ports' users.
export { CounterRace, IdempotencyRace, TimerAlreadyFired, VersionConflict } from '../errors';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
