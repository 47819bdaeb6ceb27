import type { DocumentWrite } from '../documents/issued';
import type { CaseEvent, CaseRecord, IdempotencyRecord, PendingTask, WorkflowFollowUp } from '../domain/case';
import { sealEvent } from '../domain/history-chain';
import { indicatorChange } from '../domain/indicators';
import { type CaseChange, type CaseChanges, type CaseRecords, VersionConflict } from '../domain/ports';
import { putCase } from './case-records';
import type { CaseTable } from './case-table';
import { CaseTransaction } from './case-transaction';
import { issueDocuments } from './document-records';
import { followUpWrites } from './follow-up-store';
import { appendEvent } from './history-store';
import { saveIdempotency } from './idempotency-store';
import { moveIndicators } from './indicator-counters';
import { indexName } from './name-index';
import { taskWrites } from './task-store';
import { timerWrites } from './timer-store';

/**
 * Every change of a case as one TransactWriteItems: the event is sealed into the hash chain, and
 * each family adds its items (case, event, tasks, timers, documents and registers, indicator
 * counters, name entries, owed workflow calls, idempotency record) to the same transaction.
 */
export class DynamoCaseChanges implements CaseChanges {
  constructor(
    private readonly table: CaseTable,
    private readonly records: Pick<CaseRecords, 'getCase'>,
  ) {}

  async createCase(
    unsealed: CaseRecord,
    firstEvent: CaseEvent,
    idempotency?: IdempotencyRecord,
    tasks: PendingTask[] = [],
    documents: DocumentWrite[] = [],
    followUps: WorkflowFollowUp[] = [],
  ): Promise<void> {
    const { next: record, event } = sealEvent(unsealed, firstEvent);
    const tx = new CaseTransaction(this.table);
    for (const task of tasks) taskWrites.put(tx, task, 'exists');
    putCase(tx, record);
    appendEvent(tx, event, 'exists');
    issueDocuments(tx, documents);
    indexName(tx, record);
    moveIndicators(tx, record.caseId, indicatorChange(undefined, record, event), 'exists');
    for (const followUp of followUps) followUpWrites.put(tx, followUp);
    if (idempotency) saveIdempotency(tx, idempotency);
    await tx.run();
  }

  async commit(unsealed: CaseChange): Promise<void> {
    const change = { ...unsealed, ...sealEvent(unsealed.next, unsealed.event) };
    // The case as the change found it: its stage and tasks move the indicator counters. The
    // version condition on the case item makes sure it is still the item this transaction replaces.
    const before = change.before ?? (await this.records.getCase(change.next.caseId));
    if (before?.record.version !== change.expectedVersion)
      throw new VersionConflict('case changed meanwhile');
    const completed = change.completeTasks ?? [];
    const tx = new CaseTransaction(this.table);
    putCase(tx, change.next, change.expectedVersion);
    appendEvent(tx, change.event, 'version');
    for (const task of change.putTasks ?? []) taskWrites.put(tx, task, 'version');
    for (const taskId of change.deleteTaskIds ?? []) taskWrites.remove(tx, change.next.caseId, taskId);
    for (const done of completed) taskWrites.complete(tx, done);
    for (const timer of change.putTimers ?? []) timerWrites.put(tx, timer);
    for (const { timerId, mustBePending } of change.deleteTimers ?? [])
      timerWrites.cancel(tx, timerId, mustBePending);
    issueDocuments(tx, change.documents ?? []);
    const counters = indicatorChange(
      before,
      change.next,
      change.event,
      completed.map((done) => done.taskId),
    );
    moveIndicators(tx, change.next.caseId, counters, 'version');
    for (const followUp of change.followUps ?? []) followUpWrites.put(tx, followUp);
    if (change.idempotency) saveIdempotency(tx, change.idempotency);
    await tx.run();
  }
}
