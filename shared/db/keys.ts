import { deadlineEscalates } from '#shared/pipeline/actions/index';
import type { Stage } from '#shared/pipeline/stages';
import type { CaseEvent, CaseRecord, PendingTask, StageTimer, WorkflowFollowUp } from '../domain/case';
import { nameSearchTerms } from '../domain/name-search';

/**
 * Key builders for every entity in the single table. Only the stores in shared/db use them; the access
 * patterns they serve are listed in docs/data-model.md.
 */
export const caseKey = (caseId: string) => ({ PK: `CASE#${caseId}`, SK: '#CASE' });
export const taskKey = (caseId: string, taskId: string) => ({ PK: `CASE#${caseId}`, SK: `#TASK#${taskId}` });
export const eventKey = (caseId: string, seq: number) => ({
  PK: `CASE#${caseId}`,
  SK: `EVENT#${String(seq).padStart(8, '0')}`,
});
export const completedTaskKey = (caseId: string, taskId: string) => ({
  PK: `CASE#${caseId}`,
  SK: `DONE#${taskId}`,
});
export const readKey = (caseId: string, at: string, readId: string) => ({
  PK: `CASE#${caseId}`,
  SK: `READ#${at}#${readId}`,
});
export const READ_PREFIX = 'READ#';
/** A case's documents, in issuing order; the lookup by hash is a second item. */
export const caseDocumentKey = (caseId: string, issuedAt: string, sha256: string) => ({
  PK: `CASE#${caseId}`,
  SK: `DOCUMENT#${issuedAt}#${sha256}`,
});
export const DOCUMENT_PREFIX = 'DOCUMENT#';
export const documentKey = (sha256: string) => ({ PK: `DOCUMENT#${sha256}`, SK: '#DOCUMENT' });
/** One register per issuing body and year (Decree 30/2020/NĐ-CP Art. 15(1)(a)). */
export const documentCounterKey = (issuerUnitId: string, year: number) => ({
  PK: `COUNTER#${issuerUnitId}#${year}`,
  SK: '#COUNTER',
});
/**
 * Name search: one item per searchable prefix source of a case's person (the whole name, and each
 * word after the first), in the filing commune's partition, sorted by the folded text: a prefix
 * search is a Query with begins_with. Written once, with the case (the name never changes).
 */
export const nameSearchPartition = (filingUnitId: string) => `NAMES#${filingUnitId}`;
export const nameSearchKey = (filingUnitId: string, folded: string, caseId: string) => ({
  PK: nameSearchPartition(filingUnitId),
  SK: `${folded}#${caseId}`,
});
export const timerKey = (timerId: string) => ({ PK: `TIMER#${timerId}`, SK: '#TIMER' });
export const followUpKey = (followUpId: string) => ({ PK: `FOLLOWUP#${followUpId}`, SK: '#FOLLOWUP' });
/** Workflow calls owed by committed changes, by the time the reconciler may make them. */
export const DUE_FOLLOW_UPS = 'FOLLOWUPS#DUE';
export const idempotencyKey = (key: string) => ({ PK: `IDEMPOTENCY#${key}`, SK: '#IDEMPOTENCY' });

/** Case and its pending tasks share a partition and sort before the events: one Query reads both. */
export const CASE_HEAD_PREFIX = '#';
export const EVENT_PREFIX = 'EVENT#';
export const PENDING_TIMERS = 'TIMERS#PENDING';

export const unitPartition = (unitId: string) => `UNIT#${unitId}`;
export const stagePartition = (stage: Stage) => `STAGE#${stage}`;
export const personPartition = (citizenId: string) => `PERSON#${citizenId}`;
/** Open tasks with a real deadline, by due date: the overdue sweep reads the past-due ones. */
export const DUE_TASKS = 'TASKS#DUE';
export const overduePartition = (supervisingUnitId: string) => `OVERDUE#${supervisingUnitId}`;
export const inboxPartition = (role: string, unitId: string) => `INBOX#${role}#${unitId}`;

export const caseItem = (record: CaseRecord) => ({
  ...caseKey(record.caseId),
  entity: 'case',
  GSI1PK: unitPartition(record.routing.filing),
  GSI1SK: `${record.stage}#${record.updatedAt}#${record.caseId}`,
  GSI2PK: stagePartition(record.stage),
  GSI2SK: `${record.updatedAt}#${record.caseId}`,
  GSI3PK: personPartition(record.file.person.citizenId),
  GSI3SK: `${record.openedAt}#${record.caseId}`,
  ...record,
});

/** The name search items of a new case (see nameSearchKey). */
export const nameSearchItems = (record: CaseRecord) =>
  nameSearchTerms(record.file.person.fullName).map((term) => ({
    ...nameSearchKey(record.routing.filing, term, record.caseId),
    entity: 'nameSearch',
    caseId: record.caseId,
  }));

/**
 * Indicator counters (shared/domain/indicators.ts): per unit, a month's flows and the current
 * gauges, each split in COUNTER_SHARDS items picked by case id, so that transitions of different
 * cases rarely touch the same item at once. A read sums the shards.
 */
export const COUNTER_SHARDS = 4;
export const counterPartition = (unitId: string) => `IND#${unitId}`;
export const MONTH_COUNTER_PREFIX = 'M#';
export const GAUGE_COUNTER_PREFIX = 'NOW#';
export const counterShard = (caseId: string): number => {
  let hash = 0;
  for (const char of caseId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % COUNTER_SHARDS;
};
export const monthCounterKey = (unitId: string, month: string, shard: number) => ({
  PK: counterPartition(unitId),
  SK: `${MONTH_COUNTER_PREFIX}${month}#${shard}`,
});
export const gaugeCounterKey = (unitId: string, shard: number) => ({
  PK: counterPartition(unitId),
  SK: `${GAUGE_COUNTER_PREFIX}${shard}`,
});
/** A unit's targets for a year (set by an administrator). */
export const targetsKey = (unitId: string, year: number) => ({ PK: `TARGETS#${unitId}`, SK: String(year) });

export const taskItem = (task: PendingTask) => ({
  ...taskKey(task.caseId, task.taskId),
  entity: 'task',
  GSI1PK: inboxPartition(task.role, task.unitId),
  GSI1SK: `${task.dueOn}#${task.caseId}#${task.taskId}`,
  // Not yet escalated: in the due list. Escalated: in the supervising unit's overdue list.
  ...(deadlineEscalates(task.action) &&
    !task.escalatedAt && { GSI2PK: DUE_TASKS, GSI2SK: `${task.dueOn}#${task.caseId}#${task.taskId}` }),
  ...(task.escalatedAt &&
    task.supervisingUnitId && {
      GSI3PK: overduePartition(task.supervisingUnitId),
      GSI3SK: `${task.dueOn}#${task.caseId}#${task.taskId}`,
    }),
  ...task,
});

export const eventItem = (event: CaseEvent) => ({
  ...eventKey(event.caseId, event.seq),
  entity: 'event',
  ...event,
});

export const timerItem = (timer: StageTimer) => ({
  ...timerKey(timer.timerId),
  entity: 'timer',
  GSI2PK: PENDING_TIMERS,
  GSI2SK: `${timer.fireAt}#${timer.timerId}`,
  ...timer,
});

export const followUpItem = (followUp: WorkflowFollowUp) => ({
  ...followUpKey(followUp.followUpId),
  entity: 'followUp',
  GSI2PK: DUE_FOLLOW_UPS,
  GSI2SK: `${followUp.dueAt}#${followUp.followUpId}`,
  ...followUp,
});

const keyAttributes = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'entity'];

/** An item read back without the table's key attributes: what its family's schema parses. */
export function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...item };
  for (const key of keyAttributes) delete copy[key];
  return copy;
}
