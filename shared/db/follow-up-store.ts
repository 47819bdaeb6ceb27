import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { FollowUpCall, WorkflowFollowUp } from '../domain/case';
import type { FollowUpStore } from '../domain/ports';
import { type CaseTable, itemFamily } from './case-table';
import type { CaseTransaction } from './case-transaction';
import { DUE_FOLLOW_UPS, followUpItem, followUpKey } from './keys';
import { actionName, anyValue, taskCompletion } from './stored-fields';

/** A workflow call a change owes (`FOLLOWUP#id / #FOLLOWUP`), due by `dueAt` on GSI2 (ADR 0011). */
const followUps = itemFamily<WorkflowFollowUp>(
  'followUp',
  z.looseObject({
    followUpId: z.string(),
    caseId: z.string(),
    eventSeq: z.number().int(),
    call: z.intersection(
      taskCompletion,
      z.looseObject({
        output: anyValue,
        executionArn: z.string().optional(),
        action: actionName.optional(),
        executionName: z.string().optional(),
      }),
    ) as z.ZodType<FollowUpCall>,
    dueAt: z.string(),
  }),
);

export class DynamoFollowUpStore implements FollowUpStore {
  constructor(private readonly table: CaseTable) {}

  async listDueFollowUps(now: string, limit: number): Promise<WorkflowFollowUp[]> {
    const items = await this.table.query({
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now',
      ExpressionAttributeValues: { ':pk': DUE_FOLLOW_UPS, ':now': `${now}#~` },
      Limit: limit,
    });
    return items.map((item) => followUps.read(item));
  }

  async deleteFollowUp(followUpId: string): Promise<void> {
    await this.table.client.send(
      new DeleteCommand({ TableName: this.table.name, Key: followUpKey(followUpId) }),
    );
  }
}

/** The call a change owes, written in its transaction: what the reconciler finds after a crash. */
export const followUpWrites = {
  put(tx: CaseTransaction, followUp: WorkflowFollowUp): void {
    tx.put({ Item: followUpItem(followUp) }, 'version');
  },
};
