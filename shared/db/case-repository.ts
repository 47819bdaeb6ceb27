import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DocumentWrite, IssuedDocument } from '../documents/issued';
import type {
  CaseEvent,
  CaseRead,
  CaseRecord,
  CompletedTask,
  IdempotencyRecord,
  PendingTask,
  StageTimer,
  WorkflowFollowUp,
} from '../domain/case';
import { sealEvent } from '../domain/history-chain';
import {
  type CounterTotals,
  type IndicatorChange,
  indicatorChange,
  type Targets,
  type UnitTargets,
} from '../domain/indicators';
import {
  type CaseChange,
  type CaseStore,
  CounterRace,
  type FollowUpStore,
  IdempotencyRace,
  type Page,
  TimerAlreadyFired,
  VersionConflict,
} from '../domain/ports';
import { ruleViolation } from '../domain/validation';
import {
  CASE_HEAD_PREFIX,
  caseDocumentKey,
  caseItem,
  caseKey,
  completedTaskKey,
  counterPartition,
  counterShard,
  DOCUMENT_PREFIX,
  DUE_FOLLOW_UPS,
  DUE_TASKS,
  documentCounterKey,
  documentKey,
  EVENT_PREFIX,
  eventItem,
  followUpItem,
  followUpKey,
  GAUGE_COUNTER_PREFIX,
  gaugeCounterKey,
  idempotencyKey,
  inboxPartition,
  MONTH_COUNTER_PREFIX,
  monthCounterKey,
  nameSearchItems,
  nameSearchPartition,
  overduePartition,
  PENDING_TIMERS,
  personPartition,
  READ_PREFIX,
  readKey,
  stagePartition,
  targetsKey,
  taskItem,
  taskKey,
  timerItem,
  timerKey,
  unitPartition,
  withoutKeys,
} from './keys';

/** What an inbox line shows of its case. */
export type CaseHead = Pick<CaseRecord, 'caseId' | 'stage' | 'version'> & {
  file: { person: CaseRecord['file']['person'] };
};

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Failure = 'version' | 'idempotency' | 'timer' | 'exists' | 'counter';

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const TRANSACTION_ATTEMPTS = 4;

/** The case store on DynamoDB: owns every key, condition and transaction of the table. */
export class DynamoCaseRepository implements CaseStore, FollowUpStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getCase(caseId: string): Promise<{ record: CaseRecord; tasks: PendingTask[] } | undefined> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :head)',
        ExpressionAttributeValues: { ':pk': caseKey(caseId).PK, ':head': CASE_HEAD_PREFIX },
        ConsistentRead: true,
      }),
    );
    const head = Items.find((item) => item.entity === 'case');
    if (!head) return undefined;
    const tasks = Items.filter((item) => item.entity === 'task').map((item) =>
      withoutKeys<PendingTask>(item),
    );
    return { record: withoutKeys<CaseRecord>(head), tasks };
  }

  async createCase(
    unsealed: CaseRecord,
    firstEvent: CaseEvent,
    idempotency?: IdempotencyRecord,
    tasks: PendingTask[] = [],
    documents: DocumentWrite[] = [],
    followUps: WorkflowFollowUp[] = [],
  ): Promise<void> {
    const { next: record, event } = sealEvent(unsealed, firstEvent);
    const items: TransactItem[] = [
      ...tasks.map((task) => ({ Put: { TableName: this.tableName, Item: taskItem(task) } })),
      {
        Put: {
          TableName: this.tableName,
          Item: caseItem(record),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: eventItem(event),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ];
    const failures: Failure[] = [...tasks.map((): Failure => 'exists'), 'exists', 'exists'];
    this.addDocuments(items, failures, documents);
    for (const item of nameSearchItems(record)) {
      items.push({ Put: { TableName: this.tableName, Item: item } });
      failures.push('exists');
    }
    for (const item of this.counterUpdates(record.caseId, indicatorChange(undefined, record, event))) {
      items.push(item);
      failures.push('exists');
    }
    this.addFollowUps(items, failures, followUps);
    if (idempotency) {
      items.push(this.putIdempotency(idempotency));
      failures.push('idempotency');
    }
    await this.transact(items, failures);
  }

  async commit(unsealed: CaseChange): Promise<void> {
    const change = { ...unsealed, ...sealEvent(unsealed.next, unsealed.event) };
    const table = this.tableName;
    // The case as the change found it: its stage and tasks move the indicator counters. The
    // version condition below makes sure it is still the item this transaction replaces.
    const before = change.before ?? (await this.getCase(change.next.caseId));
    if (before?.record.version !== change.expectedVersion)
      throw new VersionConflict('case changed meanwhile');
    const counters = indicatorChange(
      before,
      change.next,
      change.event,
      (change.completeTasks ?? []).map((done) => done.taskId),
    );
    const items: TransactItem[] = [
      {
        Put: {
          TableName: table,
          Item: caseItem(change.next),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': change.expectedVersion },
        },
      },
      {
        Put: {
          TableName: table,
          Item: eventItem(change.event),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ];
    const failures: Failure[] = ['version', 'version'];
    for (const task of change.putTasks ?? []) {
      items.push({ Put: { TableName: table, Item: taskItem(task) } });
      failures.push('version');
    }
    for (const taskId of change.deleteTaskIds ?? []) {
      items.push({ Delete: { TableName: table, Key: taskKey(change.next.caseId, taskId) } });
      failures.push('version');
    }
    for (const done of change.completeTasks ?? []) {
      items.push({ Delete: { TableName: table, Key: taskKey(done.caseId, done.taskId) } });
      items.push({
        Put: {
          TableName: table,
          Item: { ...completedTaskKey(done.caseId, done.taskId), entity: 'completedTask', ...done },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
      failures.push('version', 'version');
    }
    for (const timer of change.putTimers ?? []) {
      items.push({ Put: { TableName: table, Item: timerItem(timer) } });
      failures.push('version');
    }
    for (const { timerId, mustBePending } of change.deleteTimers ?? []) {
      items.push({
        Delete: {
          TableName: table,
          Key: timerKey(timerId),
          ...(mustBePending && {
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'PENDING' },
          }),
        },
      });
      failures.push('timer');
    }
    this.addDocuments(items, failures, change.documents ?? []);
    for (const item of this.counterUpdates(change.next.caseId, counters)) {
      items.push(item);
      failures.push('version');
    }
    this.addFollowUps(items, failures, change.followUps ?? []);
    if (change.idempotency) {
      items.push(this.putIdempotency(change.idempotency));
      failures.push('idempotency');
    }
    await this.transact(items, failures);
  }

  /** The workflow calls a change owes, in its transaction (see FollowUpStore). */
  private addFollowUps(items: TransactItem[], failures: Failure[], followUps: readonly WorkflowFollowUp[]) {
    for (const followUp of followUps) {
      items.push({ Put: { TableName: this.tableName, Item: followUpItem(followUp) } });
      failures.push('version');
    }
  }

  async listDueFollowUps(now: string, limit: number): Promise<WorkflowFollowUp[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now',
        ExpressionAttributeValues: { ':pk': DUE_FOLLOW_UPS, ':now': `${now}#~` },
        Limit: limit,
      }),
    );
    return Items.map((item) => withoutKeys<WorkflowFollowUp>(item));
  }

  async deleteFollowUp(followUpId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: followUpKey(followUpId) }));
  }

  async getDocumentCounter(issuerUnitId: string, year: number): Promise<number> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: documentCounterKey(issuerUnitId, year),
        ConsistentRead: true,
      }),
    );
    return typeof Item?.last === 'number' ? Item.last : 0;
  }

  async getDocument(sha256: string): Promise<IssuedDocument | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: documentKey(sha256) }),
    );
    return Item ? withoutKeys<IssuedDocument>(Item) : undefined;
  }

  async listDocuments(
    caseId: string,
    query: { limit: number; cursor?: string },
  ): Promise<Page<IssuedDocument>> {
    return this.page<IssuedDocument>(
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': caseKey(caseId).PK, ':prefix': DOCUMENT_PREFIX },
      },
      query.limit,
      query.cursor,
    );
  }

  /**
   * Each issuer's counter moves from the number it had when the documents were numbered to the
   * highest one given, in the same transaction as the case change: no gap, no duplicate.
   */
  private addDocuments(items: TransactItem[], failures: Failure[], documents: DocumentWrite[]): void {
    const counters = new Map<string, { unitId: string; year: number; from: number; to: number }>();
    for (const { document, previousSequence } of documents) {
      const key = `${document.issuerUnitId}#${document.year}`;
      const counter = counters.get(key);
      if (counter) counter.to = Math.max(counter.to, document.sequence);
      else
        counters.set(key, {
          unitId: document.issuerUnitId,
          year: document.year,
          from: previousSequence,
          to: document.sequence,
        });
      const item = { entity: 'document', ...document };
      items.push(
        {
          Put: {
            TableName: this.tableName,
            Item: { ...documentKey(document.sha256), ...item },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: { ...caseDocumentKey(document.caseId, document.issuedAt, document.sha256), ...item },
          },
        },
      );
      failures.push('exists', 'version');
    }
    for (const counter of counters.values()) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: documentCounterKey(counter.unitId, counter.year),
          UpdateExpression: 'SET #last = :to, entity = :entity',
          ConditionExpression: counter.from === 0 ? 'attribute_not_exists(#last)' : '#last = :from',
          ExpressionAttributeNames: { '#last': 'last' },
          ExpressionAttributeValues: {
            ':to': counter.to,
            ':entity': 'documentCounter',
            ...(counter.from !== 0 && { ':from': counter.from }),
          },
        },
      });
      failures.push('counter');
    }
  }

  /** ADDs of a change's counters, to the case's shard of each reporting unit's items. */
  private counterUpdates(caseId: string, change: IndicatorChange | undefined): TransactItem[] {
    if (!change) return [];
    const shard = counterShard(caseId);
    const update = (Key: Record<string, string>, values: Record<string, number>): TransactItem[] => {
      const entries = Object.entries(values).filter(([, value]) => value !== 0);
      if (entries.length === 0) return [];
      return [
        {
          Update: {
            TableName: this.tableName,
            Key,
            UpdateExpression: `SET entity = :entity ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])),
            ExpressionAttributeValues: {
              ':entity': 'counter',
              ...Object.fromEntries(entries.map(([, value], i) => [`:c${i}`, value])),
            },
          },
        },
      ];
    };
    return change.unitIds.flatMap((unitId) => [
      ...update(monthCounterKey(unitId, change.month, shard), change.flows),
      ...update(gaugeCounterKey(unitId, shard), change.gauges),
    ]);
  }

  /** A unit's counters: the flows of the given months (shards summed) and the current gauges. */
  async readCounters(unitId: string, fromMonth: string, toMonth: string): Promise<CounterTotals> {
    const byMonth = new Map<string, Record<string, number>>();
    const gauges: Record<string, number> = {};
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': counterPartition(unitId),
        ':from': `${MONTH_COUNTER_PREFIX}${fromMonth}`,
        ':to': `${MONTH_COUNTER_PREFIX}${toMonth}#~`,
      },
    });
    const gaugeItems = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :now)',
      ExpressionAttributeValues: { ':pk': counterPartition(unitId), ':now': GAUGE_COUNTER_PREFIX },
    });
    const addAll = (into: Record<string, number>, item: Record<string, unknown>) => {
      for (const [name, value] of Object.entries(item)) {
        if (typeof value === 'number') into[name] = (into[name] ?? 0) + value;
      }
    };
    for (const item of items) {
      const month = String(item.SK).slice(MONTH_COUNTER_PREFIX.length, MONTH_COUNTER_PREFIX.length + 7);
      const values = byMonth.get(month) ?? {};
      addAll(values, item);
      byMonth.set(month, values);
    }
    for (const item of gaugeItems) addAll(gauges, item);
    return { byMonth, gauges };
  }

  async getTargets(unitId: string, year: number): Promise<UnitTargets | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: targetsKey(unitId, year) }),
    );
    return Item ? withoutKeys<UnitTargets>(Item) : undefined;
  }

  async putTargets(unitId: string, year: number, targets: Targets, by: { at: string; userId: string }) {
    const item: UnitTargets = { unitId, year, ...targets, updatedAt: by.at, updatedBy: by.userId };
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...targetsKey(unitId, year), entity: 'targets', ...item },
      }),
    );
    return item;
  }

  private async queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result: QueryCommandOutput = await this.client.send(
        new QueryCommand({ ...input, ExclusiveStartKey: start }),
      );
      items.push(...(result.Items ?? []));
      start = result.LastEvaluatedKey;
    } while (start);
    return items;
  }

  async getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: idempotencyKey(key), ConsistentRead: true }),
    );
    return Item ? withoutKeys<IdempotencyRecord & { ttl?: number }>(Item) : undefined;
  }

  async recordRead(read: CaseRead): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...readKey(read.caseId, read.at, read.readId), entity: 'read', ...read },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async listReads(caseId: string, query: { limit: number; cursor?: string }): Promise<Page<CaseRead>> {
    return this.page<CaseRead>(
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :reads)',
        ExpressionAttributeValues: { ':pk': caseKey(caseId).PK, ':reads': READ_PREFIX },
        ScanIndexForward: false,
      },
      query.limit,
      query.cursor,
    );
  }

  async getCompletedTask(caseId: string, taskId: string): Promise<CompletedTask | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: completedTaskKey(caseId, taskId),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<CompletedTask>(Item) : undefined;
  }

  async listCases(query: {
    unitId?: string;
    stage?: CaseRecord['stage'];
    limit: number;
    cursor?: string;
  }): Promise<Page<CaseRecord>> {
    const input: QueryCommandInput = query.unitId
      ? {
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: query.stage
            ? 'GSI1PK = :pk AND begins_with(GSI1SK, :stage)'
            : 'GSI1PK = :pk',
          ExpressionAttributeValues: {
            ':pk': unitPartition(query.unitId),
            ...(query.stage && { ':stage': `${query.stage}#` }),
          },
        }
      : {
          TableName: this.tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': stagePartition(query.stage ?? 'NOTIFIED') },
        };
    return this.page<CaseRecord>({ ...input, ScanIndexForward: false }, query.limit, query.cursor);
  }

  async listCasesOfPerson(
    citizenId: string,
    query: { limit: number; cursor?: string },
  ): Promise<Page<CaseRecord>> {
    return this.page<CaseRecord>(
      {
        TableName: this.tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': personPartition(citizenId) },
        ScanIndexForward: false,
      },
      query.limit,
      query.cursor,
    );
  }

  async listEvents(caseId: string, query: { limit: number; cursor?: string }): Promise<Page<CaseEvent>> {
    return this.page<CaseEvent>(
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :events)',
        ExpressionAttributeValues: { ':pk': caseKey(caseId).PK, ':events': EVENT_PREFIX },
        ConsistentRead: true,
      },
      query.limit,
      query.cursor,
    );
  }

  async listDueTimers(now: string, limit: number): Promise<StageTimer[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now',
        ExpressionAttributeValues: { ':pk': PENDING_TIMERS, ':now': `${now}#~` },
        Limit: limit,
      }),
    );
    return Items.map((item) => withoutKeys<StageTimer>(item));
  }

  async listPastDueTasks(today: string, limit: number): Promise<PendingTask[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :today',
        ExpressionAttributeValues: { ':pk': DUE_TASKS, ':today': today },
        Limit: limit,
      }),
    );
    return Items.map((item) => withoutKeys<PendingTask>(item));
  }

  async listOverdueTasks(supervisingUnitId: string, query: { limit: number; cursor?: string }) {
    return this.page<PendingTask>(
      {
        TableName: this.tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': overduePartition(supervisingUnitId) },
      },
      query.limit,
      query.cursor,
    );
  }

  /** The tasks waiting for a role in a unit, earliest due date first (GSI1 `INBOX#role#unit`). */
  async listInbox(role: string, unitId: string, limit: number): Promise<PendingTask[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': inboxPartition(role, unitId) },
        Limit: limit,
      }),
    );
    return Items.map((item) => withoutKeys<PendingTask>(item));
  }

  /**
   * What an inbox shows of several cases (stage, version, the person), by id: BatchGetItem with a
   * projection, one round trip per hundred keys.
   */
  async getCaseHeads(caseIds: readonly string[]): Promise<CaseHead[]> {
    const unique = [...new Set(caseIds)];
    const heads: CaseHead[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      const keys = unique.slice(i, i + 100).map((id) => caseKey(id));
      let request: BatchGetCommandInput['RequestItems'] = {
        [this.tableName]: {
          Keys: keys,
          ProjectionExpression: 'caseId, stage, version, #file.person',
          ExpressionAttributeNames: { '#file': 'file' },
        },
      };
      while (request && Object.keys(request).length > 0) {
        const result: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({ RequestItems: request }),
        );
        heads.push(...((result.Responses?.[this.tableName] ?? []) as CaseHead[]));
        request = result.UnprocessedKeys;
      }
    }
    return heads;
  }

  /**
   * Case ids whose person's name (folded) starts with `prefix`, or has a later word that does, in
   * the given filing communes: one Query per commune on its name partition, at most `limit` ids.
   */
  async searchCaseIdsByName(communes: string[], prefix: string, limit: number): Promise<string[]> {
    const found = new Set<string>();
    for (const commune of communes) {
      let start: Record<string, unknown> | undefined;
      do {
        const result: QueryCommandOutput = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: { ':pk': nameSearchPartition(commune), ':prefix': prefix },
            ProjectionExpression: 'caseId',
            ExclusiveStartKey: start,
          }),
        );
        for (const item of result.Items ?? []) {
          found.add(item.caseId);
          if (found.size >= limit) return [...found];
        }
        start = result.LastEvaluatedKey;
      } while (start);
    }
    return [...found];
  }

  /** Each case with its pending tasks (one Query per case, in parallel); missing ones left out. */
  async getCasesWithTasks(caseIds: string[]): Promise<{ record: CaseRecord; tasks: PendingTask[] }[]> {
    const found = await Promise.all(caseIds.map((caseId) => this.getCase(caseId)));
    return found.filter((entry) => entry !== undefined);
  }

  /** Every task escalated to these supervising units (all pages). */
  async listAllOverdueTasks(supervisingUnitIds: string[]): Promise<PendingTask[]> {
    const tasks: PendingTask[] = [];
    for (const unitId of supervisingUnitIds) {
      let cursor: string | undefined;
      do {
        const page = await this.listOverdueTasks(unitId, { limit: 100, cursor });
        tasks.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
    }
    return tasks;
  }

  async claimTimer(timerId: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: timerKey(timerId),
          UpdateExpression: 'SET #status = :firing',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':firing': 'FIRING', ':pending': 'PENDING' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async deleteTimer(timerId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: timerKey(timerId) }));
  }

  private putIdempotency(record: IdempotencyRecord): TransactItem {
    const ttl = Math.floor(Date.parse(record.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS;
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...idempotencyKey(record.key), entity: 'idempotency', ...record, ttl },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  private async transact(items: TransactItem[], failures: Failure[]): Promise<void> {
    // A transaction that only collided with another one (no condition failed) is tried again: two
    // transitions of different cases may both move the same counter item. The conditions hold
    // the retry to the same expectations, so a real race still ends as a conflict below.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        const reasons =
          error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
        const onlyCollided =
          reasons.some((reason) => reason.Code === 'TransactionConflict') &&
          reasons.every((reason) => reason.Code === 'TransactionConflict' || reason.Code === 'None');
        if (!onlyCollided || attempt >= TRANSACTION_ATTEMPTS) return this.transactFailed(error, failures);
        await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 20));
      }
    }
  }

  private transactFailed(error: unknown, failures: Failure[]): never {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failed = reasons.flatMap((reason, index) =>
      reason.Code === 'ConditionalCheckFailed' ? [failures[index]] : [],
    );
    if (failed.includes('idempotency'))
      throw new IdempotencyRace('idempotency key already used', { cause: error });
    if (failed.includes('timer')) throw new TimerAlreadyFired('timer already fired', { cause: error });
    if (failed.includes('version')) throw new VersionConflict('case changed meanwhile', { cause: error });
    const counterContended = reasons.some(
      (reason, index) => failures[index] === 'counter' && reason.Code === 'TransactionConflict',
    );
    if (failed.includes('counter') || counterContended)
      throw new CounterRace('another document took the number', { cause: error });
    // Another transaction on the same items was in flight: as good as a version conflict, retry.
    const conflicted = reasons.some((reason) => reason.Code === 'TransactionConflict');
    if (failed.length > 0 || conflicted)
      throw new VersionConflict('case changed meanwhile', { cause: error });
    throw error;
  }

  private async page<T>(input: QueryCommandInput, limit: number, cursor?: string): Promise<Page<T>> {
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: decodeCursor(cursor) }),
    );
    return {
      items: Items.map((item) => withoutKeys<T>(item)),
      cursor: LastEvaluatedKey
        ? Buffer.from(JSON.stringify(LastEvaluatedKey)).toString('base64url')
        : undefined,
    };
  }
}

function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (key && typeof key === 'object' && typeof key.PK === 'string') return key;
  } catch {
    // fall through to the error below
  }
  throw ruleViolation('cursor', 'không hợp lệ: hãy dùng đúng giá trị cursor do trang trước trả về');
}
