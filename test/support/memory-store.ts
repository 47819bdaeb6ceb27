import type { DocumentWrite, IssuedDocument } from '#shared/documents/issued';
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
} from '#shared/domain/case';
import { sealEvent } from '#shared/domain/history-chain';
import type { CounterTotals, UnitTargets } from '#shared/domain/indicators';
import { nameSearchTerms } from '#shared/domain/name-search';
import {
  type CaseChange,
  type CaseHead,
  type CaseStore,
  CounterRace,
  type ExecutionStatus,
  type FollowUpStore,
  IdempotencyRace,
  type Page,
  TimerAlreadyFired,
  VersionConflict,
  type WorkflowEngine,
} from '#shared/domain/ports';
import type { StageWorkflow } from '#shared/names';
import { deadlineEscalates } from '#shared/pipeline/actions/index';

/** An in-memory CaseStore with the same conditions as the DynamoDB one, for domain tests. */
export class MemoryCaseStore implements CaseStore, FollowUpStore {
  readonly cases = new Map<string, CaseRecord>();
  readonly tasks = new Map<string, PendingTask>();
  readonly events: CaseEvent[] = [];
  readonly timers = new Map<string, StageTimer>();
  readonly idempotency = new Map<string, IdempotencyRecord | IdempotencyReservation>();
  readonly completed = new Map<string, CompletedTask>();
  readonly documents = new Map<string, IssuedDocument>();
  readonly counters = new Map<string, number>();
  readonly targets = new Map<string, UnitTargets>();
  readonly followUps = new Map<string, WorkflowFollowUp>();

  async getCase(caseId: string) {
    const record = this.cases.get(caseId);
    if (!record) return undefined;
    return {
      record: structuredClone(record),
      tasks: [...this.tasks.values()].filter((t) => t.caseId === caseId),
    };
  }

  async getCasesWithTasks(caseIds: string[]) {
    const found = await Promise.all(caseIds.map((caseId) => this.getCase(caseId)));
    return found.filter((entry) => entry !== undefined);
  }

  async getCaseHeads(caseIds: readonly string[]): Promise<CaseHead[]> {
    return [...new Set(caseIds)].flatMap((caseId) => {
      const record = this.cases.get(caseId);
      if (!record) return [];
      const { stage, version, file } = record;
      return [{ caseId, stage, version, file: { person: file.person } }];
    });
  }

  async createCase(
    unsealed: CaseRecord,
    firstEvent: CaseEvent,
    idempotency?: IdempotencyRecord,
    tasks: PendingTask[] = [],
    documents: DocumentWrite[] = [],
    followUps: WorkflowFollowUp[] = [],
  ) {
    const { next: record, event } = sealEvent(unsealed, firstEvent);
    if (idempotency && !this.mayComplete(idempotency)) throw new IdempotencyRace('race');
    if (this.cases.has(record.caseId)) throw new VersionConflict('exists');
    this.writeDocuments(documents);
    this.cases.set(record.caseId, structuredClone(record));
    this.events.push(event);
    for (const task of tasks) this.tasks.set(task.taskId, task);
    for (const followUp of followUps) this.followUps.set(followUp.followUpId, followUp);
    if (idempotency) this.idempotency.set(idempotency.key, idempotency);
  }

  async commit(unsealed: CaseChange) {
    const change = { ...unsealed, ...sealEvent(unsealed.next, unsealed.event) };
    if (change.idempotency && !this.mayComplete(change.idempotency)) throw new IdempotencyRace('race');
    const current = this.cases.get(change.next.caseId);
    if (current?.version !== change.expectedVersion) throw new VersionConflict('moved on');
    for (const t of change.deleteTimers ?? []) {
      if (t.mustBePending && this.timers.get(t.timerId)?.status !== 'PENDING')
        throw new TimerAlreadyFired('fired');
    }
    this.writeDocuments(change.documents ?? []);
    this.cases.set(change.next.caseId, structuredClone(change.next));
    this.events.push(change.event);
    for (const task of change.putTasks ?? []) this.tasks.set(task.taskId, task);
    for (const id of change.deleteTaskIds ?? []) this.tasks.delete(id);
    for (const done of change.completeTasks ?? []) {
      this.tasks.delete(done.taskId);
      this.completed.set(done.taskId, done);
    }
    for (const timer of change.putTimers ?? []) this.timers.set(timer.timerId, timer);
    for (const followUp of change.followUps ?? []) this.followUps.set(followUp.followUpId, followUp);
    for (const t of change.deleteTimers ?? []) this.timers.delete(t.timerId);
    if (change.idempotency) this.idempotency.set(change.idempotency.key, change.idempotency);
  }

  private writeDocuments(documents: DocumentWrite[]) {
    for (const { document, previousSequence } of documents) {
      const key = `${document.issuerUnitId}#${document.year}`;
      if ((this.counters.get(key) ?? 0) !== previousSequence) throw new CounterRace('number taken');
    }
    for (const { document } of documents) {
      this.counters.set(`${document.issuerUnitId}#${document.year}`, document.sequence);
      this.documents.set(document.sha256, document);
    }
  }

  async getDocumentCounter(issuerUnitId: string, year: number) {
    return this.counters.get(`${issuerUnitId}#${year}`) ?? 0;
  }

  async getDocument(sha256: string) {
    return this.documents.get(sha256);
  }

  async listDocuments(caseId: string): Promise<Page<IssuedDocument>> {
    return { items: [...this.documents.values()].filter((d) => d.caseId === caseId) };
  }

  async getIdempotency(key: string) {
    return this.idempotency.get(key);
  }

  async reserveIdempotency(reservation: IdempotencyReservation) {
    const holder = this.idempotency.get(reservation.key);
    const expired = holder && 'state' in holder && holder.expiresAt < reservation.reservedAt;
    if (holder && !expired) return holder;
    this.idempotency.set(reservation.key, reservation);
    return undefined;
  }

  async releaseIdempotency(key: string, reservationId: string) {
    const holder = this.idempotency.get(key);
    if (holder && 'state' in holder && holder.reservationId === reservationId) this.idempotency.delete(key);
  }

  /** The same condition as the table's: a record replaces its own reservation, or an empty key. */
  private mayComplete(record: IdempotencyRecord): boolean {
    const holder = this.idempotency.get(record.key);
    if (!record.reservationId) return holder === undefined;
    return holder !== undefined && 'state' in holder && holder.reservationId === record.reservationId;
  }

  readonly reads: CaseRead[] = [];

  async recordRead(read: CaseRead) {
    this.reads.push(read);
  }

  async listReads(caseId: string): Promise<Page<CaseRead>> {
    return { items: this.reads.filter((r) => r.caseId === caseId).reverse() };
  }

  async getCompletedTask(_caseId: string, taskId: string) {
    return this.completed.get(taskId);
  }

  async listCases(query: {
    unitId?: string;
    stage?: CaseRecord['stage'];
    limit: number;
  }): Promise<Page<CaseRecord>> {
    const items = [...this.cases.values()].filter(
      (c) =>
        (!query.unitId || c.routing.filing === query.unitId) && (!query.stage || c.stage === query.stage),
    );
    return { items: items.slice(0, query.limit) };
  }

  async listCasesOfPerson(citizenId: string): Promise<Page<CaseRecord>> {
    return { items: [...this.cases.values()].filter((c) => c.file.person.citizenId === citizenId).reverse() };
  }

  async listEvents(caseId: string): Promise<Page<CaseEvent>> {
    return { items: this.events.filter((e) => e.caseId === caseId) };
  }

  async listDueTimers(now: string, limit: number) {
    return [...this.timers.values()].filter((t) => t.fireAt <= now).slice(0, limit);
  }

  async listPastDueTasks(today: string, limit: number) {
    return [...this.tasks.values()]
      .filter((t) => t.dueOn < today && !t.escalatedAt && deadlineEscalates(t.action))
      .slice(0, limit);
  }

  async listOverdueTasks(supervisingUnitId: string): Promise<Page<PendingTask>> {
    return {
      items: [...this.tasks.values()].filter(
        (t) => t.escalatedAt && t.supervisingUnitId === supervisingUnitId,
      ),
    };
  }

  async listInbox(role: string, unitId: string, limit: number) {
    return [...this.tasks.values()]
      .filter((t) => t.role === role && t.unitId === unitId)
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
      .slice(0, limit);
  }

  async searchCaseIdsByName(communes: string[], prefix: string, limit: number) {
    return [...this.cases.values()]
      .filter(
        (c) =>
          communes.includes(c.routing.filing) &&
          nameSearchTerms(c.file.person.fullName).some((term) => term.startsWith(prefix)),
      )
      .map((c) => c.caseId)
      .slice(0, limit);
  }

  async listAllOverdueTasks(supervisingUnitIds: string[]) {
    return [...this.tasks.values()].filter(
      (t) => t.escalatedAt && t.supervisingUnitId && supervisingUnitIds.includes(t.supervisingUnitId),
    );
  }

  /** Counters are the DynamoDB store's own bookkeeping; domain tests read none. */
  async readCounters(): Promise<CounterTotals> {
    return { byMonth: new Map(), gauges: {} };
  }

  async getTargets(unitId: string, year: number) {
    return this.targets.get(`${unitId}#${year}`);
  }

  async claimTimer(timerId: string) {
    const timer = this.timers.get(timerId);
    if (timer?.status !== 'PENDING') return false;
    timer.status = 'FIRING';
    return true;
  }

  async deleteTimer(timerId: string) {
    this.timers.delete(timerId);
  }

  async listDueFollowUps(now: string, limit: number) {
    return [...this.followUps.values()].filter((f) => f.dueAt <= now).slice(0, limit);
  }

  async deleteFollowUp(followUpId: string) {
    this.followUps.delete(followUpId);
  }
}

/** Records what the domain asked of the workflow engine. */
export class RecordingEngine implements WorkflowEngine {
  readonly completed: { taskToken: string; output: unknown }[] = [];
  readonly started: {
    workflow: StageWorkflow;
    caseId: string;
    input: Record<string, unknown>;
    name?: string;
  }[] = [];
  /** Executions by ARN and their status; one not listed is RUNNING. */
  readonly executions = new Map<string, ExecutionStatus>();
  /** Tokens that no longer wait. */
  readonly deadTokens = new Set<string>();

  async completeTask(taskToken: string, output: unknown) {
    if (this.deadTokens.has(taskToken)) return 'notWaiting' as const;
    this.completed.push({ taskToken, output });
    return 'completed' as const;
  }

  async startStage(workflow: StageWorkflow, caseId: string, input: Record<string, unknown>, name?: string) {
    if (this.started.some((s) => s.workflow === workflow && s.caseId === caseId && s.name === name))
      return 'alreadyStarted' as const;
    this.started.push({ workflow, caseId, input, ...(name === undefined ? {} : { name }) });
    return 'started' as const;
  }

  async executionStatus(executionArn: string) {
    return this.executions.get(executionArn) ?? 'RUNNING';
  }

  async listEndedExecutions() {
    return [...this.executions]
      .filter(([, status]) => status !== 'RUNNING' && status !== 'SUCCEEDED')
      .map(([executionArn, status]) => ({ executionArn, status }));
  }
}
