import { randomBytes } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { RecordedEvent } from '#infra/local/sfn/history';

/**
 * The durable record of the local Step Functions runtime, in one DynamoDB table:
 *
 * | item            | PK                   | SK             | GSI1PK                  | GSI1SK                     |
 * |-----------------|----------------------|----------------|-------------------------|----------------------------|
 * | execution       | `EXECUTION#<arn>`    | `EXECUTION`    | `STATE_MACHINE#<smArn>` | `<status>#<startIso>#<name>` |
 * | task step       | `EXECUTION#<arn>`    | `STEP#<seq>`   |                         |                            |
 * | history event   | `EXECUTION#<arn>`    | `EVENT#<id>`   |                         |                            |
 *
 * A task token names its step (see tokens.ts), so completing it is one conditional UpdateItem;
 * running executions are a GSI1 query per state machine; one Query on PK loads an execution
 * whole for replay. No Scan anywhere.
 */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  /** The execution input, as the JSON text it was given in. */
  input: string;
  /** Epoch milliseconds on the runtime's Clock. */
  startDate: number;
  stopDate?: number;
  /** When the execution times out: its TimeoutSeconds or the one-year limit, whichever is first. */
  deadlineAt: number;
  output?: string;
  error?: string;
  cause?: string;
  /** Set on a child started by a `states:startExecution` task. */
  parentExecutionArn?: string;
}

export type StepStatus = 'SUCCEEDED' | 'FAILED' | 'WAITING' | 'TIMED_OUT' | 'CANCELLED';

/** One task attempt of a run, numbered in the order the state machine reached it. */
export interface StepRecord {
  seq: number;
  stateName: string;
  status: StepStatus;
  output?: string;
  error?: string;
  cause?: string;
  /** SHA-256 of the secret of the callback token; never the token itself. */
  tokenHash?: string;
  /** Epoch milliseconds on the Clock after which a waiting callback fails with States.Timeout. */
  timeoutAt?: number;
  /** The callback's function failed before anyone could complete the token. */
  invokeFailed?: boolean;
}

export type StepOutcome =
  | { status: 'SUCCEEDED'; output: string }
  | { status: 'FAILED' | 'TIMED_OUT' | 'CANCELLED'; error: string; cause: string; invokeFailed?: boolean };

export type SettleResult = 'settled' | 'missing' | 'wrongToken' | 'notWaiting';

export interface LoadedExecution {
  execution: ExecutionRecord;
  steps: StepRecord[];
  events: RecordedEvent[];
}

const INDEX = 'GSI1';
const EXECUTION_SK = 'EXECUTION';
const pk = (executionArn: string) => `EXECUTION#${executionArn}`;
const stepSk = (seq: number) => `STEP#${String(seq).padStart(6, '0')}`;
const eventSk = (id: number) => `EVENT#${String(id).padStart(6, '0')}`;
const stateMachineKey = (stateMachineArn: string) => `STATE_MACHINE#${stateMachineArn}`;
const statusKey = (e: ExecutionRecord) => `${e.status}#${new Date(e.startDate).toISOString()}#${e.name}`;

/** Creates the journal table with its index; does nothing if it exists. */
export async function createJournalTable(dynamo: DynamoDBClient, tableName: string): Promise<void> {
  const attributes = ['PK', 'SK', 'GSI1PK', 'GSI1SK'].map((name) => ({
    AttributeName: name,
    AttributeType: 'S' as const,
  }));
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributes,
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: INDEX,
            KeySchema: [
              { AttributeName: 'GSI1PK', KeyType: 'HASH' },
              { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`journal table ${tableName} did not become ACTIVE`);
}

export class Journal {
  private readonly db: DynamoDBDocumentClient;

  constructor(
    dynamo: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.db = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  }

  /** The key task tokens are minted under: created once per journal, read back after restarts. */
  async tokenKey(): Promise<Uint8Array> {
    const key = { PK: 'ENGINE', SK: 'TOKEN_KEY' };
    const read = async () =>
      (await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true })))
        .Item;
    const existing = await read();
    if (typeof existing?.secret === 'string') return Buffer.from(existing.secret, 'base64url');
    const secret = randomBytes(32).toString('base64url');
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, secret },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return Buffer.from(secret, 'base64url');
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const winner = await read();
      return Buffer.from(String(winner?.secret), 'base64url');
    }
  }

  /** Records a new execution; if the name is taken, returns the execution that holds it. */
  async createExecution(execution: ExecutionRecord): Promise<ExecutionRecord | undefined> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.executionItem(execution),
          ConditionExpression: 'attribute_not_exists(PK)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && error.Item)
        return toExecution(unmarshallOld(error.Item));
      throw error;
    }
  }

  /** Writes a closed execution; false if it was no longer RUNNING (closed by someone else). */
  async closeExecution(execution: ExecutionRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.executionItem(execution),
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':running': 'RUNNING' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async getExecution(executionArn: string): Promise<ExecutionRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { PK: pk(executionArn), SK: EXECUTION_SK },
        ConsistentRead: true,
      }),
    );
    return Item ? toExecution(Item) : undefined;
  }

  /** Executions of one state machine, optionally of one status (newest first). */
  async listExecutions(stateMachineArn: string, status?: ExecutionStatus): Promise<ExecutionRecord[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      IndexName: INDEX,
      KeyConditionExpression: status ? 'GSI1PK = :sm AND begins_with(GSI1SK, :status)' : 'GSI1PK = :sm',
      ExpressionAttributeValues: {
        ':sm': stateMachineKey(stateMachineArn),
        ...(status ? { ':status': `${status}#` } : {}),
      },
    });
    return items.map(toExecution).sort((a, b) => b.startDate - a.startDate);
  }

  /** Everything recorded for one execution, in one (paginated) Query. */
  async loadExecution(executionArn: string): Promise<LoadedExecution | undefined> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk(executionArn) },
      ConsistentRead: true,
    });
    const meta = items.find((item) => item.SK === EXECUTION_SK);
    if (!meta) return undefined;
    const steps = items.filter((item) => String(item.SK).startsWith('STEP#')).map(toStep);
    const events = items
      .filter((item) => String(item.SK).startsWith('EVENT#'))
      .map((item) => JSON.parse(String(item.event)) as RecordedEvent);
    return { execution: toExecution(meta), steps, events };
  }

  async loadEvents(executionArn: string): Promise<RecordedEvent[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :events)',
      ExpressionAttributeValues: { ':pk': pk(executionArn), ':events': 'EVENT#' },
      ConsistentRead: true,
    });
    return items.map((item) => JSON.parse(String(item.event)) as RecordedEvent);
  }

  async getStep(executionArn: string, seq: number): Promise<StepRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { PK: pk(executionArn), SK: stepSk(seq) },
        ConsistentRead: true,
      }),
    );
    return Item ? toStep(Item) : undefined;
  }

  /** One PutItem: a completed step, or a callback step that starts waiting. */
  async putStep(executionArn: string, step: StepRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { PK: pk(executionArn), SK: stepSk(step.seq), ...step },
      }),
    );
  }

  /**
   * Settles a waiting callback step, once: a conditional UpdateItem that only a WAITING step
   * (with this token, when `tokenHash` is given) accepts. On refusal the old item says why.
   */
  async settleWaitingStep(
    executionArn: string,
    seq: number,
    tokenHash: string | undefined,
    outcome: StepOutcome,
  ): Promise<SettleResult> {
    const fields: Record<string, unknown> =
      outcome.status === 'SUCCEEDED'
        ? { status: outcome.status, output: outcome.output }
        : {
            status: outcome.status,
            error: outcome.error,
            cause: outcome.cause,
            invokeFailed: outcome.invokeFailed,
          };
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':waiting': 'WAITING' };
    const sets: string[] = [];
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      names[`#${key}`] = key;
      values[`:${key}`] = value;
      sets.push(`#${key} = :${key}`);
    }
    let condition = '#status = :waiting';
    if (tokenHash !== undefined) {
      condition += ' AND tokenHash = :tokenHash';
      values[':tokenHash'] = tokenHash;
    }
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK: pk(executionArn), SK: stepSk(seq) },
          UpdateExpression: `SET ${sets.join(', ')} REMOVE timeoutAt`,
          ConditionExpression: `attribute_exists(PK) AND ${condition}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'settled';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (!error.Item) return 'missing';
      const old = toStep(unmarshallOld(error.Item));
      if (tokenHash !== undefined && old.tokenHash !== tokenHash) return 'wrongToken';
      return 'notWaiting';
    }
  }

  /** Appends history events, 25 per BatchWriteItem, retrying what DynamoDB left unprocessed. */
  async appendEvents(executionArn: string, events: readonly RecordedEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 25) {
      let requests: NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string] =
        events.slice(i, i + 25).map((event) => ({
          PutRequest: { Item: { PK: pk(executionArn), SK: eventSk(event.id), event: JSON.stringify(event) } },
        }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0)
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
        const result = await this.db.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }),
        );
        requests = result.UnprocessedItems?.[this.tableName] ?? [];
      }
    }
  }

  private executionItem(execution: ExecutionRecord): Record<string, unknown> {
    return {
      PK: pk(execution.executionArn),
      SK: EXECUTION_SK,
      GSI1PK: stateMachineKey(execution.stateMachineArn),
      GSI1SK: statusKey(execution),
      ...execution,
    };
  }

  private async queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}

function toExecution(item: Record<string, unknown>): ExecutionRecord {
  const { PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, ...execution } = item;
  return execution as unknown as ExecutionRecord;
}

function toStep(item: Record<string, unknown>): StepRecord {
  const { PK: _pk, SK: _sk, ...step } = item;
  return step as unknown as StepRecord;
}

/** The document client does not unmarshall `Item` on a ConditionalCheckFailedException. */
function unmarshallOld(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).map(([key, value]) => [key, unwrap(value)]));
}

function unwrap(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const attribute = value as Record<string, unknown>;
  if ('S' in attribute) return attribute.S;
  if ('N' in attribute) return Number(attribute.N);
  if ('BOOL' in attribute) return attribute.BOOL;
  if ('NULL' in attribute) return null;
  return value;
}
