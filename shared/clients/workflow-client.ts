import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { WorkflowEngine } from '../domain/ports';
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

/** The one module that talks to Step Functions (AWS, or the local engine behind an endpoint). */
export class StepFunctionsWorkflowClient implements WorkflowEngine {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArns: Record<StageWorkflow, string>,
  ) {}

  async completeTask(taskToken: string, output: unknown): Promise<void> {
    try {
      await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output ?? {}) }));
    } catch (error) {
      if (error instanceof TaskTimedOut || error instanceof TaskDoesNotExist) {
        // A retry of an action whose first attempt already completed the token lands here.
        logger.warn('task token already completed or timed out', { errorName: error.name });
        return;
      }
      throw new DependencyFailedError(
        'Hành động đã được ghi nhận nhưng quy trình chưa nhận được; hãy gửi lại với cùng Idempotency-Key.',
        { cause: error },
      );
    }
  }

  async startStage(workflow: StageWorkflow, caseId: string, input: Record<string, string>): Promise<void> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArns[workflow],
          name: executionName(caseId, workflow),
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return;
      throw new DependencyFailedError(
        'Hồ sơ đã được ghi nhận nhưng chưa khởi động được quy trình; hãy gửi lại với cùng Idempotency-Key.',
        { cause: error },
      );
    }
  }

  /** The engine's own history of every stage execution of a case (task tokens never included). */
  async caseExecutions(caseId: string): Promise<ExecutionSummary[]> {
    const summaries = await Promise.all(
      stageWorkflowKeys.map((workflow) => this.execution(caseId, workflow)),
    );
    return summaries.filter((s): s is ExecutionSummary => s !== undefined);
  }

  private async execution(caseId: string, workflow: StageWorkflow): Promise<ExecutionSummary | undefined> {
    const executionArn = `${this.stateMachineArns[workflow].replace(':stateMachine:', ':execution:')}:${executionName(caseId, workflow)}`;
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
