import * as z from 'zod';
import type { CompletedTask, PendingTask } from '../domain/case';
import type { Page, TaskStore } from '../domain/ports';
import { type CaseTable, itemFamily } from './case-table';
import type { CaseTransaction, Contention } from './case-transaction';
import { completedTaskKey, DUE_TASKS, inboxPartition, overduePartition, taskItem, taskKey } from './keys';
import { actionName, anyValue, role, taskCompletion } from './stored-fields';

const text = z.string();

/** A pending task (`CASE#id / #TASK#taskId`), in its inbox, due list or overdue list. */
export const pendingTasks = itemFamily<PendingTask>(
  'task',
  z.looseObject({
    taskId: text,
    caseId: text,
    action: actionName,
    role,
    unitId: text,
    dueOn: text,
    openedAt: text,
    escalatedAt: text.optional(),
    supervisingUnitId: text.optional(),
    executionArn: text.optional(),
    stateName: text.optional(),
    completion: taskCompletion,
  }),
);

/** What remains of a performed task (`CASE#id / DONE#taskId`). */
const completedTasks = itemFamily<CompletedTask>(
  'completed task',
  z.looseObject({ taskId: text, caseId: text, action: actionName, output: anyValue, completedAt: text }),
);

export class DynamoTaskStore implements TaskStore {
  constructor(private readonly table: CaseTable) {}

  async getCompletedTask(caseId: string, taskId: string): Promise<CompletedTask | undefined> {
    return this.table.get(completedTasks, completedTaskKey(caseId, taskId), true);
  }

  /** GSI1 `INBOX#role#unit`, earliest due date first. */
  async listInbox(role: string, unitId: string, limit: number): Promise<PendingTask[]> {
    const items = await this.table.query({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': inboxPartition(role, unitId) },
      Limit: limit,
    });
    return items.map((item) => pendingTasks.read(item));
  }

  async listPastDueTasks(today: string, limit: number): Promise<PendingTask[]> {
    const items = await this.table.query({
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :today',
      ExpressionAttributeValues: { ':pk': DUE_TASKS, ':today': today },
      Limit: limit,
    });
    return items.map((item) => pendingTasks.read(item));
  }

  async listOverdueTasks(
    supervisingUnitId: string,
    query: { limit: number; cursor?: string },
  ): Promise<Page<PendingTask>> {
    return this.table.page(
      pendingTasks,
      {
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': overduePartition(supervisingUnitId) },
      },
      query,
    );
  }

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
}

/** The task items a change writes: opened or updated tasks, removed ones, performed ones. */
export const taskWrites = {
  put(tx: CaseTransaction, task: PendingTask, contention: Contention): void {
    tx.put({ Item: taskItem(task) }, contention);
  },
  remove(tx: CaseTransaction, caseId: string, taskId: string): void {
    tx.delete({ Key: taskKey(caseId, taskId) }, 'version');
  },
  /** Removed from the pending tasks and kept as completed (once: a second completion fails). */
  complete(tx: CaseTransaction, done: CompletedTask): void {
    tx.delete({ Key: taskKey(done.caseId, done.taskId) }, 'version');
    tx.put(
      {
        Item: { ...completedTaskKey(done.caseId, done.taskId), entity: 'completedTask', ...done },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
      'version',
    );
  },
};
