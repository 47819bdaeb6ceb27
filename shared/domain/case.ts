import type { ActionName } from '#shared/pipeline/actions/index';
import type { Outcome, Stage } from '#shared/pipeline/stages';
import type { EventDocument, IssuedRef } from '../documents/issued';
import type { DocumentKind } from '../documents/templates/index';
import type { StageWorkflow } from '../names';
import type { CaseFile } from './case-file';
import type { IsoDate } from './dates';
import type { Role } from './roles';
import type { CaseRouting } from './units';

export interface CourtDecision {
  outcome: 'apply' | 'notApply';
  decidedOn: IsoDate;
  months?: number;
  reason?: string;
  /** The session (Ordinance 03/2022/UBTVQH15): who sat and what the court found. */
  secretary?: string;
  procurator?: string;
  sessionPlace?: string;
  fileAssessment?: string;
  groundsAssessment?: string;
  /** A minor's session: whether the parent or guardian attended. */
  guardianPresent?: boolean;
}

export interface CourtAppeal {
  kind: 'complaint' | 'recommendation' | 'protest';
  lodgedBy: string;
  lodgedOn: IsoDate;
  outcome?: 'upheld' | 'changed' | 'annulled';
  decisionNumber?: string;
  decidedOn?: IsoDate;
}

export interface CaseRecord {
  caseId: string;
  version: number;
  stage: Stage;
  outcome?: Outcome;
  /** The legal profile in force when the file was opened; the case keeps it for life. */
  legalProfile: string;
  /** Hash of the case's latest event: the head of its tamper-evident history. */
  lastEventHash?: string;
  /** A file the system opened on a relapse, waiting for the police to complete it. */
  draft?: boolean;
  /** The closed case whose relapse this file follows. */
  linkedCaseId?: string;
  minor: boolean;
  file: CaseFile;
  routing: CaseRouting;
  openedAt: string;
  openedBy: string;
  updatedAt: string;
  supplementRounds: number;
  /** A minor's file: the labour office's opinion on child-rights protection and the management plan. */
  childProtectionOpinion?: string;
  /** The court accepted the file (thụ lý) and assigned a judge. */
  acceptedOn?: IsoDate;
  judgeName?: string;
  /** The decision to open the session: when and where the court sits (and, for a minor, who was summoned). */
  session?: { decidedOn: IsoDate; date: IsoDate; place: string; online: boolean; guardianSummoned?: boolean };
  courtReturns?: number;
  courtRequest?: string;
  decision?: CourtDecision;
  termination?: { reason: string; decisionNumber: string; decidedOn: IsoDate };
  appeals?: CourtAppeal[];
  /** The day the decision took effect (appeal window closed, or the appeal decided). */
  decisionEffectiveOn?: IsoDate;
  postponement?: { grounds: string; until: IsoDate };
  exemption?: { grounds: string };
  /** Set while the person is wanted after absconding. */
  abscondedOn?: IsoDate;
  diedOn?: IsoDate;
  /** Months taken off the term by the court (ND-116 Art. 58(1)). */
  reducedMonths?: number;
  earlyEnd?: { grounds: string; decisionNumber: string; decidedOn: IsoDate };
  admittedOn?: IsoDate;
  /** Interim management at a facility before admission, deducted from the term (ND-116 Art. 44). */
  deductedDays?: number;
  /** Absences after absconding, which do not count toward the term (ND-116 Art. 56(4)). */
  absences?: { from: IsoDate; returnedOn: IsoDate }[];
  releaseDueOn?: IsoDate;
  releasedOn?: IsoDate;
  supervisionEndsOn?: IsoDate;
  closedAt?: string;
  /** The latest document of each kind issued for the case (what later documents cite). */
  issued?: Partial<Record<DocumentKind, IssuedRef>>;
}

export type TaskCompletion =
  /** Offered for as long as the case stays in its stage; performing it only changes the case. */
  | { kind: 'standing' }
  | { kind: 'taskToken'; taskToken: string }
  | { kind: 'startStage'; workflow: StageWorkflow; input: Record<string, string>; timerId?: string };

export interface PendingTask {
  taskId: string;
  caseId: string;
  action: ActionName;
  role: Role;
  unitId: string;
  dueOn: IsoDate;
  openedAt: string;
  /** Set when the deadline passed and the supervising unit was alerted. */
  escalatedAt?: string;
  /** The unit above the acting one, which sees the task in its overdue list. */
  supervisingUnitId?: string;
  /** The workflow execution and state that wait for this task, when one does. */
  executionArn?: string;
  stateName?: string;
  /** Server-side only: never returned to a client. */
  completion: TaskCompletion;
}

/** What remains of a task once performed: enough to complete its token again after a crash. */
export interface CompletedTask {
  taskId: string;
  caseId: string;
  action: ActionName;
  output: unknown;
  completedAt: string;
}

export type EventActor = { kind: 'person'; userId: string; role: Role; unitId: string } | { kind: 'system' };

export type CaseEventType =
  | 'caseOpened'
  | 'taskOpened'
  | 'actionPerformed'
  | 'taskStalled'
  | 'workflowContinued'
  | 'workflowResumed'
  | 'workflowCallRepaired'
  | 'deadlineMissed'
  | 'decisionEffective'
  | 'releaseScheduled'
  | 'supervisionBegun'
  | 'caseClosed'
  | 'documentCorrected';

export interface CaseEvent {
  caseId: string;
  seq: number;
  type: CaseEventType;
  at: string;
  actor: EventActor;
  action?: ActionName;
  input?: unknown;
  detail?: Record<string, unknown>;
  executionArn?: string;
  stateName?: string;
  /** Hash of the previous event of the case (GENESIS for the first) and of this event's content. */
  /** Documents this event issued, by hash: part of the chained content. */
  documents?: EventDocument[];
  prevHash?: string;
  hash?: string;
}

/** Who opened a case, its history or its verification, and when (append-only, for auditors). */
export interface CaseRead {
  caseId: string;
  readId: string;
  at: string;
  actor: { userId: string; role: Role; unitId: string };
  what: 'case' | 'history' | 'verification' | 'documents' | 'document' | 'export';
}

/** A long wait, held as data rather than as an open execution: at `fireAt`, start `workflow`. */
export interface StageTimer {
  timerId: string;
  caseId: string;
  workflow: StageWorkflow;
  input: Record<string, string>;
  fireAt: string;
  status: 'PENDING' | 'FIRING';
}

export interface IdempotencyRecord {
  key: string;
  requestHash: string;
  status: number;
  body: unknown;
  /** What must happen after the write; repeated when the same request is retried. */
  followUp?: FollowUpCall;
  createdAt: string;
  /** The reservation this record completes: the write holds only while that reservation does. */
  reservationId?: string;
}

/**
 * An Idempotency-Key held by a request that is still running, written before any work so that
 * every other request with the key waits for its answer instead of racing it (ADR 0004).
 */
export interface IdempotencyReservation {
  key: string;
  requestHash: string;
  state: 'inProgress';
  reservationId: string;
  reservedAt: string;
  /** After this instant the request that reserved the key is taken to have died; another may take it over. */
  expiresAt: string;
}

/**
 * The workflow call a change of a case owes the engine (complete the task's token, or start a
 * stage), with what a retry needs to make it again: the output, and the execution that waited.
 */
export type FollowUpCall = TaskCompletion & {
  output?: unknown;
  executionArn?: string;
  action?: ActionName;
  /** A stage started under its own name: a fresh execution continuing a dead one. */
  executionName?: string;
};

/**
 * A workflow call owed, written in the same transaction as the change that owes it and removed
 * once the engine has it: what the reconciler finds after a crash between the two (ADR 0009).
 */
export interface WorkflowFollowUp {
  followUpId: string;
  caseId: string;
  /** The event of the change that owes the call. */
  eventSeq: number;
  call: FollowUpCall;
  /** When the reconciler may make the call itself, if the request that owes it has not. */
  dueAt: string;
}

export const followUpIdFor = (caseId: string, eventSeq: number): string => `${caseId}#${eventSeq}`;

export const timerIdFor = (caseId: string, workflow: StageWorkflow): string => `${caseId}-${workflow}`;
