import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { ExecutionStatus, WorkflowEngine } from '../domain/ports';
import { successorNames } from '../domain/workflow-follow-ups';
import { DependencyFailedError } from '../errors';
import { executionName, type StageWorkflow, stageWorkflowKeys } from '../names';
import { logger } from './logger';

export interface ExecutionSummary {
  workflow: StageWorkflow;
  executionArn: string;
  status: string;
  startDate?: string;
  stopDate?: string;
  events: { id: number; timestamp?: string; type: string; stateName?: string }[];
}

/** A bound on the chain of fresh executions a history read follows (a 4-year wait makes about 6). */
const MAX_EXECUTIONS_PER_STAGE = 100;

/** The one module that talks to Step Functions (AWS, or the local engine behind an endpoint). */
export class StepFunctionsWorkflowClient implements WorkflowEngine {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArns: Record<StageWorkflow, string>,
  ) {}

  async completeTask(taskToken: string, output: unknown): Promise<'completed' | 'notWaiting'> {
    try {
      await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output ?? {}) }));
      return 'completed';
    } catch (error) {
      if (
        error instanceof TaskTimedOut ||
        error instanceof TaskDoesNotExist ||
        error instanceof InvalidToken
      ) {
        // Completed by an earlier attempt, timed out, or its execution is gone: the caller asks
        // the execution which (shared/domain/workflow-follow-ups.ts).
        logger.warn('task token no longer waits', { errorName: error.name });
        return 'notWaiting';
      }
      throw new DependencyFailedError(
        'Hành động đã được ghi nhận nhưng quy trình chưa nhận được; hãy gửi lại với cùng Idempotency-Key.',
        { cause: error },
      );
    }
  }

  async startStage(
    workflow: StageWorkflow,
    caseId: string,
    input: Record<string, unknown>,
    name = executionName(caseId, workflow),
  ): Promise<'started' | 'alreadyStarted'> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArns[workflow],
          name,
          input: JSON.stringify(input),
        }),
      );
      return 'started';
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return 'alreadyStarted';
      throw new DependencyFailedError(
        'Hồ sơ đã được ghi nhận nhưng chưa khởi động được quy trình; hãy gửi lại với cùng Idempotency-Key.',
        { cause: error },
      );
    }
  }

  async executionStatus(executionArn: string): Promise<ExecutionStatus | undefined> {
    try {
      const described = await this.sfn.send(new DescribeExecutionCommand({ executionArn }));
      return described.status as ExecutionStatus | undefined;
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return undefined;
      throw error;
    }
  }

  async listEndedExecutions(since: Date): Promise<{ executionArn: string; status: ExecutionStatus }[]> {
    const ended: { executionArn: string; status: ExecutionStatus }[] = [];
    for (const workflow of stageWorkflowKeys) {
      for (const status of ['TIMED_OUT', 'ABORTED', 'FAILED'] as const) {
        let nextToken: string | undefined;
        do {
          const page = await this.sfn.send(
            new ListExecutionsCommand({
              stateMachineArn: this.stateMachineArns[workflow],
              statusFilter: status,
              maxResults: 100,
              nextToken,
            }),
          );
          // Newest first: stop at the first one that ended before the window.
          const recent = (page.executions ?? []).filter((e) => (e.stopDate ?? e.startDate ?? 0) >= since);
          for (const e of recent) if (e.executionArn) ended.push({ executionArn: e.executionArn, status });
          nextToken = recent.length === (page.executions ?? []).length ? page.nextToken : undefined;
        } while (nextToken);
      }
    }
    return ended;
  }

  /**
   * The engine's own history of every stage execution of a case (task tokens never included): each
   * stage's first execution and the fresh ones that continued it, found by their derived names.
   */
  async caseExecutions(caseId: string): Promise<ExecutionSummary[]> {
    const perStage = await Promise.all(
      stageWorkflowKeys.map(async (workflow) => {
        const found: ExecutionSummary[] = [];
        let names = [executionName(caseId, workflow)];
        while (names.length > 0 && found.length < MAX_EXECUTIONS_PER_STAGE) {
          const next = (await Promise.all(names.map((name) => this.execution(workflow, name)))).filter(
            (s): s is ExecutionSummary => s !== undefined,
          );
          found.push(...next);
          names = next.flatMap((s) => successorNames(caseId, workflow, s.executionArn));
        }
        return found;
      }),
    );
    return perStage.flat();
  }

  private async execution(workflow: StageWorkflow, name: string): Promise<ExecutionSummary | undefined> {
    const executionArn = `${this.stateMachineArns[workflow].replace(':stateMachine:', ':execution:')}:${name}`;
    try {
      const described = await this.sfn.send(new DescribeExecutionCommand({ executionArn }));
      const events: HistoryEvent[] = [];
      let nextToken: string | undefined;
      do {
        const page = await this.sfn.send(
          new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 500 }),
        );
        events.push(...(page.events ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      return {
        workflow,
        executionArn,
        status: described.status ?? 'UNKNOWN',
        startDate: described.startDate?.toISOString(),
        stopDate: described.stopDate?.toISOString(),
        events: events.map((e) => ({
          id: e.id ?? 0,
          timestamp: e.timestamp?.toISOString(),
          type: e.type ?? 'Unknown',
          stateName: e.stateEnteredEventDetails?.name ?? e.stateExitedEventDetails?.name,
        })),
      };
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return undefined;
      throw error;
    }
  }
}
