import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { CounterRace, IdempotencyRace, TimerAlreadyFired, VersionConflict } from '../errors';
import type { CaseTable } from './case-table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Put = Omit<NonNullable<TransactItem['Put']>, 'TableName'>;
type Update = Omit<NonNullable<TransactItem['Update']>, 'TableName'>;
type Delete = Omit<NonNullable<TransactItem['Delete']>, 'TableName'>;

/**
 * What it means when an item's condition fails (or, for a counter, when it is contended):
 * - `version`: the case moved on (or the item belongs to a case that did);
 * - `exists`: an item that must be new already exists (a second creation of the case);
 * - `idempotency`: another request with the same key was first;
 * - `timer`: the timer the change had to cancel has fired;
 * - `counter`: another document took the register's number.
 */
export type Contention = 'version' | 'exists' | 'idempotency' | 'timer' | 'counter';

const TRANSACTION_ATTEMPTS = 4;

/**
 * One case change as a single TransactWriteItems. Each store adds the items of its family with
 * what a failed condition means; `run` writes them all or none, retries a transaction that only
 * collided with another one, and turns a cancellation into the store's race errors (the one
 * mapping from DynamoDB's reasons to them).
 */
export class CaseTransaction {
  private readonly items: TransactItem[] = [];
  private readonly contentions: Contention[] = [];

  constructor(private readonly table: CaseTable) {}

  put(put: Put, contention: Contention): this {
    return this.add({ Put: { TableName: this.table.name, ...put } }, contention);
  }

  update(update: Update, contention: Contention): this {
    return this.add({ Update: { TableName: this.table.name, ...update } }, contention);
  }

  delete(remove: Delete, contention: Contention): this {
    return this.add({ Delete: { TableName: this.table.name, ...remove } }, contention);
  }

  private add(item: TransactItem, contention: Contention): this {
    this.items.push(item);
    this.contentions.push(contention);
    return this;
  }

  async run(): Promise<void> {
    // A transaction that only collided with another one (no condition failed) is tried again: two
    // transitions of different cases may both move the same counter item. The conditions hold
    // the retry to the same expectations, so a real race still ends as a conflict below.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.table.client.send(new TransactWriteCommand({ TransactItems: this.items }));
        return;
      } catch (error) {
        const reasons = cancellationReasons(error);
        const onlyCollided =
          reasons.some((reason) => reason.Code === 'TransactionConflict') &&
          reasons.every((reason) => reason.Code === 'TransactionConflict' || reason.Code === 'None');
        if (!onlyCollided || attempt >= TRANSACTION_ATTEMPTS) return this.failed(error);
        await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 20));
      }
    }
  }

  private failed(error: unknown): never {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = cancellationReasons(error);
    const failed = reasons.flatMap((reason, index) =>
      reason.Code === 'ConditionalCheckFailed' ? [this.contentions[index]] : [],
    );
    if (failed.includes('idempotency'))
      throw new IdempotencyRace('idempotency key already used', { cause: error });
    if (failed.includes('timer')) throw new TimerAlreadyFired('timer already fired', { cause: error });
    if (failed.includes('version')) throw new VersionConflict('case changed meanwhile', { cause: error });
    const counterContended = reasons.some(
      (reason, index) => this.contentions[index] === 'counter' && reason.Code === 'TransactionConflict',
    );
    if (failed.includes('counter') || counterContended)
      throw new CounterRace('another document took the number', { cause: error });
    // Another transaction on the same items was in flight: as good as a version conflict, retry.
    const conflicted = reasons.some((reason) => reason.Code === 'TransactionConflict');
    if (failed.length > 0 || conflicted)
      throw new VersionConflict('case changed meanwhile', { cause: error });
    throw error;
  }
}

const cancellationReasons = (error: unknown) =>
  error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
