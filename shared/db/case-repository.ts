import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  CaseChanges,
  CaseHistory,
  CaseRecords,
  CaseStore,
  DocumentRecords,
  FollowUpStore,
  IdempotencyStore,
  IndicatorCounters,
  NameIndex,
  ReadLog,
  TaskStore,
  TimerStore,
} from '../domain/ports';
import { DynamoCaseChanges } from './case-changes';
import { DynamoCaseRecords } from './case-records';
import { CaseTable } from './case-table';
import { DynamoDocumentRecords } from './document-records';
import { DynamoFollowUpStore } from './follow-up-store';
import { DynamoCaseHistory } from './history-store';
import { DynamoIdempotencyStore } from './idempotency-store';
import { DynamoIndicatorCounters } from './indicator-counters';
import { DynamoNameIndex } from './name-index';
import { DynamoReadLog } from './read-log';
import { DynamoTaskStore } from './task-store';
import { DynamoTimerStore } from './timer-store';

export type { CaseHead } from '../domain/ports';

/**
 * The case table on DynamoDB: one store per item family (shared/db/*-store.ts, *-records.ts, …),
 * composed here so that callers of CaseStore see one object. It only delegates; each family owns
 * its conditions and its schema, and `DynamoCaseChanges` assembles the one transaction.
 */
export class DynamoCaseRepository implements CaseStore, FollowUpStore, IndicatorCounters, NameIndex {
  private readonly records: CaseRecords;
  private readonly changes: CaseChanges;
  private readonly history: CaseHistory;
  private readonly tasks: TaskStore;
  private readonly timers: TimerStore;
  private readonly followUps: FollowUpStore;
  private readonly documents: DocumentRecords;
  private readonly idempotency: IdempotencyStore;
  private readonly reads: ReadLog;
  private readonly indicators: IndicatorCounters;
  private readonly names: NameIndex;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    const table = new CaseTable(client, tableName);
    this.records = new DynamoCaseRecords(table);
    this.changes = new DynamoCaseChanges(table, this.records);
    this.history = new DynamoCaseHistory(table);
    this.tasks = new DynamoTaskStore(table);
    this.timers = new DynamoTimerStore(table);
    this.followUps = new DynamoFollowUpStore(table);
    this.documents = new DynamoDocumentRecords(table);
    this.idempotency = new DynamoIdempotencyStore(table);
    this.reads = new DynamoReadLog(table);
    this.indicators = new DynamoIndicatorCounters(table);
    this.names = new DynamoNameIndex(table);
  }

  readonly getCase: CaseRecords['getCase'] = (caseId) => this.records.getCase(caseId);
  readonly getCasesWithTasks: CaseRecords['getCasesWithTasks'] = (ids) => this.records.getCasesWithTasks(ids);
  readonly getCaseHeads: CaseRecords['getCaseHeads'] = (ids) => this.records.getCaseHeads(ids);
  readonly listCases: CaseRecords['listCases'] = (query) => this.records.listCases(query);
  readonly listCasesOfPerson: CaseRecords['listCasesOfPerson'] = (citizenId, query) =>
    this.records.listCasesOfPerson(citizenId, query);

  readonly createCase: CaseChanges['createCase'] = (...args) => this.changes.createCase(...args);
  readonly commit: CaseChanges['commit'] = (change) => this.changes.commit(change);

  readonly listEvents: CaseHistory['listEvents'] = (caseId, query) => this.history.listEvents(caseId, query);

  readonly getCompletedTask: TaskStore['getCompletedTask'] = (caseId, taskId) =>
    this.tasks.getCompletedTask(caseId, taskId);
  readonly listInbox: TaskStore['listInbox'] = (role, unitId, limit) =>
    this.tasks.listInbox(role, unitId, limit);
  readonly listPastDueTasks: TaskStore['listPastDueTasks'] = (today, limit) =>
    this.tasks.listPastDueTasks(today, limit);
  readonly listOverdueTasks: TaskStore['listOverdueTasks'] = (unitId, query) =>
    this.tasks.listOverdueTasks(unitId, query);
  readonly listAllOverdueTasks: TaskStore['listAllOverdueTasks'] = (unitIds) =>
    this.tasks.listAllOverdueTasks(unitIds);

  readonly listDueTimers: TimerStore['listDueTimers'] = (now, limit) => this.timers.listDueTimers(now, limit);
  readonly claimTimer: TimerStore['claimTimer'] = (timerId) => this.timers.claimTimer(timerId);
  readonly deleteTimer: TimerStore['deleteTimer'] = (timerId) => this.timers.deleteTimer(timerId);

  readonly listDueFollowUps: FollowUpStore['listDueFollowUps'] = (now, limit) =>
    this.followUps.listDueFollowUps(now, limit);
  readonly deleteFollowUp: FollowUpStore['deleteFollowUp'] = (followUpId) =>
    this.followUps.deleteFollowUp(followUpId);

  readonly getDocumentCounter: DocumentRecords['getDocumentCounter'] = (unitId, year) =>
    this.documents.getDocumentCounter(unitId, year);
  readonly getDocument: DocumentRecords['getDocument'] = (sha256) => this.documents.getDocument(sha256);
  readonly listDocuments: DocumentRecords['listDocuments'] = (caseId, query) =>
    this.documents.listDocuments(caseId, query);

  readonly getIdempotency: IdempotencyStore['getIdempotency'] = (key) => this.idempotency.getIdempotency(key);
  readonly reserveIdempotency: IdempotencyStore['reserveIdempotency'] = (held) =>
    this.idempotency.reserveIdempotency(held);
  readonly releaseIdempotency: IdempotencyStore['releaseIdempotency'] = (key, reservationId) =>
    this.idempotency.releaseIdempotency(key, reservationId);

  readonly recordRead: ReadLog['recordRead'] = (read) => this.reads.recordRead(read);
  readonly listReads: ReadLog['listReads'] = (caseId, query) => this.reads.listReads(caseId, query);

  readonly readCounters: IndicatorCounters['readCounters'] = (unitId, from, to) =>
    this.indicators.readCounters(unitId, from, to);
  readonly getTargets: IndicatorCounters['getTargets'] = (unitId, year) =>
    this.indicators.getTargets(unitId, year);
  readonly putTargets: IndicatorCounters['putTargets'] = (unitId, year, targets, by) =>
    this.indicators.putTargets(unitId, year, targets, by);

  readonly searchCaseIdsByName: NameIndex['searchCaseIdsByName'] = (communes, prefix, limit) =>
    this.names.searchCaseIdsByName(communes, prefix, limit);
}
