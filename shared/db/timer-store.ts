import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { StageTimer } from '../domain/case';
import type { TimerStore } from '../domain/ports';
import { type CaseTable, itemFamily } from './case-table';
import type { CaseTransaction } from './case-transaction';
import { PENDING_TIMERS, timerItem, timerKey } from './keys';
import { stageWorkflow, stringMap } from './stored-fields';

/** A long wait held as data (`TIMER#id / #TIMER`), due by `fireAt` on GSI2. */
const timers = itemFamily<StageTimer>(
  'timer',
  z.looseObject({
    timerId: z.string(),
    caseId: z.string(),
    workflow: stageWorkflow,
    input: stringMap,
    fireAt: z.string(),
    status: z.enum(['PENDING', 'FIRING']),
  }),
);

export class DynamoTimerStore implements TimerStore {
  constructor(private readonly table: CaseTable) {}

  async listDueTimers(now: string, limit: number): Promise<StageTimer[]> {
    const items = await this.table.query({
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now',
      ExpressionAttributeValues: { ':pk': PENDING_TIMERS, ':now': `${now}#~` },
      Limit: limit,
    });
    return items.map((item) => timers.read(item));
  }

  async claimTimer(timerId: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.name,
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
    await this.table.client.send(new DeleteCommand({ TableName: this.table.name, Key: timerKey(timerId) }));
  }
}

/** The timers a change sets or cancels. */
export const timerWrites = {
  put(tx: CaseTransaction, timer: StageTimer): void {
    tx.put({ Item: timerItem(timer) }, 'version');
  },
  /** `mustBePending`: the change fails if the timer already fired (TimerAlreadyFired). */
  cancel(tx: CaseTransaction, timerId: string, mustBePending: boolean): void {
    tx.delete(
      {
        Key: timerKey(timerId),
        ...(mustBePending && {
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'PENDING' },
        }),
      },
      'timer',
    );
  },
};
