import '#infra/local/sfn/polyfill';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type {
  DescribeExecutionOutput,
  DescribeStateMachineOutput,
  ExecutionListItem,
  HistoryEvent,
  ListStateMachinesOutput,
} from '@aws-sdk/client-sfn';
import {
  compileDefinition,
  isExecutionName,
  isJson,
  paginate,
  toDescribeExecutionOutput,
} from '#infra/local/sfn/api-shapes';
import { prepareDefinition } from '#infra/local/sfn/definition';
import {
  ExecutionAlreadyExistsError,
  ExecutionDoesNotExistError,
  InvalidArnError,
  InvalidExecutionInputError,
  InvalidNameError,
  InvalidOutputError,
  InvalidTokenError,
  StateMachineDoesNotExistError,
  TaskTimedOutError,
  ValidationError,
} from '#infra/local/sfn/errors';
import { ExecutionHistory, type RecordedEvent, toHistoryEvent } from '#infra/local/sfn/history';
import {
  type ExecutionRecord,
  type ExecutionStatus,
  Journal,
  type StepOutcome,
} from '#infra/local/sfn/journal';
import {
  type ChildRequest,
  type CompiledMachine,
  ExecutionRun,
  type LocalFunction,
  type RunHost,
} from '#infra/local/sfn/run';
import { parseTaskToken } from '#infra/local/sfn/tokens';
import type { Clock } from '#shared/clock';

export interface LocalStateMachine {
  name: string;
  arn: string;
  /** The ASL, with definition substitutions already applied. */
  definition: object;
}

export interface LocalStepFunctionsOptions {
  /** A client pointed at DynamoDB Local. */
  dynamo: DynamoDBClient;
  /** Created by `createJournalTable()`. */
  journalTableName: string;
  /** Every timestamp and timeout is measured on it. */
  clock: Clock;
  /** Function ARN → in-process handler. */
  functions: Record<string, LocalFunction>;
  stateMachines: LocalStateMachine[];
  /** @default 365 days: the lifetime limit of an AWS Standard execution */
  maxExecutionSeconds?: number;
}

const ONE_YEAR_SECONDS = 365 * 24 * 3600;
/** Replay a run before the interpreter's own (real-time) task timers could fire. */
const REFRESH_AFTER_MS = 20 * 24 * 3600 * 1000;

/**
 * AWS Step Functions (Standard), locally: runs ASL in-process with `aws-local-stepfunctions`
 * and makes it durable. Every task outcome is journaled in DynamoDB before the state machine
 * sees it; after a restart `start()` replays each running execution from its journal, so a
 * killed process loses nothing and task tokens handed out before it stay valid.
 */
export class LocalStepFunctions {
  private readonly journal: Journal;
  private readonly clock: Clock;
  private readonly maxExecutionMs: number;
  private readonly machines = new Map<string, CompiledMachine>();
  private readonly runs = new Map<string, ExecutionRun>();
  /** Executions being loaded for replay, with the tokens completed meanwhile. */
  private readonly loading = new Map<string, Map<number, StepOutcome>>();
  /** Outcomes journaled but not yet handed to their run (see settle). */
  private deliveries = 0;
  private tokenKeyLoad: Promise<Uint8Array> | undefined;
  private readonly creationDate: Date;
  private readonly host: RunHost;
  /** Set by stop(): a replay still loading must not launch into a stopped engine. */
  private stopped = false;

  constructor(opts: LocalStepFunctionsOptions) {
    this.journal = new Journal(opts.dynamo, opts.journalTableName);
    this.clock = opts.clock;
    this.maxExecutionMs = (opts.maxExecutionSeconds ?? ONE_YEAR_SECONDS) * 1000;
    this.creationDate = opts.clock.now();
    this.host = {
      clock: opts.clock,
      journal: this.journal,
      functions: opts.functions,
      tokenKey: () => {
        this.tokenKeyLoad ??= this.journal.tokenKey();
        return this.tokenKeyLoad;
      },
      startChild: (request: ChildRequest) => this.launchExecution(request, request.parentExecutionArn),
      runChanged: (run: ExecutionRun) => {
        if ((run.status === 'closed' || run.status === 'abandoned') && this.runs.get(run.arn) === run) {
          this.runs.delete(run.arn);
        }
      },
    };
    for (const machine of opts.stateMachines) {
      const prepared = prepareDefinition(machine.definition);
      const interpreter = compileDefinition(prepared.interpreterDefinition);
      this.machines.set(machine.arn, { ...machine, prepared, interpreter });
    }
  }

  /** Resumes every RUNNING execution of the known state machines from the journal. */
  async start(): Promise<void> {
    this.stopped = false;
    const running = await Promise.all(
      [...this.machines.keys()].map((arn) => this.journal.listExecutions(arn, 'RUNNING')),
    );
    await Promise.all(running.flat().map((execution) => this.resume(execution.executionArn)));
  }

  /** Drops the in-memory runs without closing them, so the next `start()` resumes them. */
  async stop(): Promise<void> {
    this.stopped = true;
    const runs = [...this.runs.values()];
    this.runs.clear();
    await Promise.all(runs.map((run) => run.abandon()));
  }

  async startExecution(input: {
    stateMachineArn: string;
    name?: string;
    input?: string;
  }): Promise<{ executionArn: string; startDate: Date }> {
    return this.launchExecution(input);
  }

  async sendTaskSuccess(input: { taskToken: string; output: string }): Promise<void> {
    if (!isJson(input.output)) throw new InvalidOutputError();
    await this.settle(input.taskToken, { status: 'SUCCEEDED', output: input.output });
  }

  async sendTaskFailure(input: { taskToken: string; error?: string; cause?: string }): Promise<void> {
    if ((input.error?.length ?? 0) > 256) throw new ValidationError('error must be at most 256 characters');
    await this.settle(input.taskToken, {
      status: 'FAILED',
      error: input.error ?? '',
      cause: input.cause ?? '',
    });
  }

  /** Checks that the token's task is still waiting (the local runtime has no heartbeat timeouts). */
  async sendTaskHeartbeat(input: { taskToken: string }): Promise<void> {
    const token = parseTaskToken(input.taskToken);
    if (!token) throw new InvalidTokenError();
    const step = await this.journal.getStep(token.ref.executionArn, token.ref.seq);
    if (!step || step.tokenHash !== token.tokenHash) throw new InvalidTokenError();
    if (step.status !== 'WAITING') throw new TaskTimedOutError();
  }

  async describeExecution(input: { executionArn: string }): Promise<DescribeExecutionOutput> {
    return toDescribeExecutionOutput(await this.execution(input.executionArn));
  }

  async getExecutionHistory(input: {
    executionArn: string;
    maxResults?: number;
    nextToken?: string;
    reverseOrder?: boolean;
  }): Promise<{ events: HistoryEvent[]; nextToken?: string }> {
    const run = this.runs.get(input.executionArn);
    let events: readonly RecordedEvent[] = run ? run.history.events : [];
    if (!run) {
      await this.execution(input.executionArn);
      events = await this.journal.loadEvents(input.executionArn);
    }
    const ordered = input.reverseOrder ? [...events].reverse() : events;
    const { page, nextToken } = paginate(ordered, input.maxResults, input.nextToken);
    return { events: page.map(toHistoryEvent), ...(nextToken ? { nextToken } : {}) };
  }

  async stopExecution(input: {
    executionArn: string;
    error?: string;
    cause?: string;
  }): Promise<{ stopDate: Date }> {
    const run = this.runs.get(input.executionArn);
    if (run?.status === 'running') {
      await run.terminate('ABORTED', input.error, input.cause);
      return { stopDate: new Date(run.execution.stopDate ?? this.now()) };
    }
    const execution = await this.execution(input.executionArn);
    if (execution.status !== 'RUNNING') return { stopDate: new Date(execution.stopDate ?? this.now()) };
    return {
      stopDate: new Date(
        await this.closeUnloaded(execution.executionArn, 'ABORTED', input.error, input.cause),
      ),
    };
  }

  async listExecutions(input: {
    stateMachineArn: string;
    statusFilter?: string;
    maxResults?: number;
    nextToken?: string;
  }): Promise<{ executions: ExecutionListItem[]; nextToken?: string }> {
    const machine = this.machine(input.stateMachineArn);
    const all = await this.journal.listExecutions(
      machine.arn,
      input.statusFilter as ExecutionStatus | undefined,
    );
    const { page, nextToken } = paginate(all, input.maxResults, input.nextToken);
    const executions = page.map(({ executionArn, stateMachineArn, name, status, startDate, stopDate }) => ({
      executionArn,
      stateMachineArn,
      name,
      status,
      startDate: new Date(startDate),
      ...(stopDate === undefined ? {} : { stopDate: new Date(stopDate) }),
    }));
    return { executions, ...(nextToken ? { nextToken } : {}) };
  }

  async describeStateMachine(input: { stateMachineArn: string }): Promise<DescribeStateMachineOutput> {
    const machine = this.machine(input.stateMachineArn);
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      status: 'ACTIVE',
      definition: JSON.stringify(machine.definition),
      roleArn: `arn:aws:iam::${machine.arn.split(':')[4]}:role/local-step-functions`,
      type: 'STANDARD',
      creationDate: this.creationDate,
    };
  }

  async listStateMachines(): Promise<Pick<ListStateMachinesOutput, 'stateMachines'>> {
    const stateMachines = [...this.machines.values()].map((m) => ({
      stateMachineArn: m.arn,
      name: m.name,
      type: 'STANDARD' as const,
      creationDate: this.creationDate,
    }));
    return { stateMachines };
  }

  /**
   * Fires what is due on the Clock: callback waits past their TimeoutSeconds fail with
   * States.Timeout (journaled first), executions past their TimeoutSeconds or the one-year
   * limit end TIMED_OUT. Call it periodically and after moving the clock.
   */
  async tick(): Promise<void> {
    const now = this.now();
    await Promise.all(
      [...this.runs.values()].map(async (run) => {
        if (run.status !== 'running') return;
        if (now >= run.execution.deadlineAt) {
          await run.terminate('TIMED_OUT', 'States.Timeout', this.timeoutCause(run.execution));
          return;
        }
        for (const { seq, tokenHash } of run.dueWaits(now)) {
          const outcome = run.timedOutOutcome();
          const settled = await this.journal.settleWaitingStep(run.arn, seq, tokenHash, outcome);
          if (settled === 'settled') run.deliver(seq, outcome);
        }
        if (Date.now() - run.launchedAt > REFRESH_AFTER_MS && run.isIdle()) {
          this.runs.delete(run.arn);
          await run.abandon();
          await this.resume(run.arn);
        }
      }),
    );
  }

  /** Resolves once every in-memory run is parked at a callback wait or has closed. */
  async idle(): Promise<void> {
    while (
      this.deliveries > 0 ||
      this.loading.size > 0 ||
      ![...this.runs.values()].every((run) => run.isIdle())
    ) {
      await sleep(2);
    }
  }

  private async launchExecution(
    request: { stateMachineArn: string; name?: string; input?: string },
    parentExecutionArn?: string,
  ): Promise<{ executionArn: string; startDate: Date }> {
    const machine = this.machine(request.stateMachineArn);
    const name = request.name ?? randomUUID();
    if (!isExecutionName(name)) throw new InvalidNameError(name);
    const input = request.input ?? '{}';
    if (!isJson(input)) throw new InvalidExecutionInputError();
    const executionArn = `${machine.arn.replace(':stateMachine:', ':execution:')}:${name}`;
    const startDate = this.now();
    const limitMs = Math.min(
      this.maxExecutionMs,
      (machine.prepared.timeoutSeconds ?? Number.POSITIVE_INFINITY) * 1000,
    );
    const execution: ExecutionRecord = {
      executionArn,
      stateMachineArn: machine.arn,
      name,
      status: 'RUNNING',
      input,
      startDate,
      deadlineAt: startDate + limitMs,
      ...(parentExecutionArn ? { parentExecutionArn } : {}),
    };
    const existing =
      this.runs.get(executionArn)?.execution ?? (await this.journal.createExecution(execution));
    if (existing) {
      // As AWS: a repeat of a running execution's request returns it; a closed one, or another
      // input, is a conflict. A parent replaying its own child start is a repeat too.
      const ownChild = parentExecutionArn !== undefined && existing.parentExecutionArn === parentExecutionArn;
      if (existing.input === input && (existing.status === 'RUNNING' || ownChild)) {
        return { executionArn, startDate: new Date(existing.startDate) };
      }
      throw new ExecutionAlreadyExistsError(executionArn);
    }
    const run = new ExecutionRun(this.host, machine, execution, { steps: [], events: [], early: new Map() });
    this.runs.set(executionArn, run);
    run.launch();
    return { executionArn, startDate: new Date(startDate) };
  }

  private async resume(executionArn: string): Promise<void> {
    if (this.runs.has(executionArn) || this.loading.has(executionArn)) return;
    const early = new Map<number, StepOutcome>();
    this.loading.set(executionArn, early);
    try {
      const loaded = await this.journal.loadExecution(executionArn);
      if (loaded?.execution.status !== 'RUNNING') return;
      const machine = this.machines.get(loaded.execution.stateMachineArn);
      if (!machine) return;
      if (this.now() >= loaded.execution.deadlineAt) {
        await this.closeUnloaded(
          executionArn,
          'TIMED_OUT',
          'States.Timeout',
          this.timeoutCause(loaded.execution),
        );
        return;
      }
      if (this.stopped) return;
      const run = new ExecutionRun(this.host, machine, loaded.execution, { ...loaded, early });
      this.runs.set(executionArn, run);
      run.launch();
    } finally {
      this.loading.delete(executionArn);
    }
  }

  /** Closes an execution that has no run in memory; returns its stop date. */
  private async closeUnloaded(
    executionArn: string,
    status: 'ABORTED' | 'TIMED_OUT',
    error?: string,
    cause?: string,
  ): Promise<number> {
    const loaded = await this.journal.loadExecution(executionArn);
    if (!loaded) throw new ExecutionDoesNotExistError(executionArn);
    const stopDate = this.now();
    const cancelled: StepOutcome = {
      status: 'CANCELLED',
      error: 'States.Runtime',
      cause: `execution ${status}`,
    };
    const waiting = loaded.steps.filter((step) => step.status === 'WAITING');
    await Promise.all(
      waiting.map((s) => this.journal.settleWaitingStep(executionArn, s.seq, undefined, cancelled)),
    );
    await this.journal.closeExecution({ ...loaded.execution, status, stopDate, error, cause });
    const history = new ExecutionHistory(loaded.events, (events) =>
      this.journal.appendEvents(executionArn, events),
    );
    history.continueAfterPersisted();
    history.add(status === 'ABORTED' ? 'ExecutionAborted' : 'ExecutionTimedOut', { error, cause }, stopDate);
    await history.flush();
    return stopDate;
  }

  private async settle(taskToken: string, outcome: StepOutcome): Promise<void> {
    const token = parseTaskToken(taskToken);
    if (!token) throw new InvalidTokenError();
    const { executionArn, seq } = token.ref;
    const result = await this.journal.settleWaitingStep(executionArn, seq, token.tokenHash, outcome);
    if (result === 'missing' || result === 'wrongToken') throw new InvalidTokenError();
    if (result === 'notWaiting') throw new TaskTimedOutError();
    const run = this.runs.get(executionArn);
    if (!run) {
      this.loading.get(executionArn)?.set(seq, outcome);
      return;
    }
    // The outcome is journaled: answer the caller first, then let the workflow move on, as the
    // real service does (SendTaskSuccess returns before the next state runs).
    this.deliveries += 1;
    setImmediate(() => {
      this.deliveries -= 1;
      run.deliver(seq, outcome);
    });
  }

  private async execution(executionArn: string): Promise<ExecutionRecord> {
    if (!/^arn:aws:states:[^:]+:\d{12}:execution:[^:]+:[^:]+$/.test(executionArn)) {
      throw new InvalidArnError(executionArn);
    }
    const run = this.runs.get(executionArn);
    const execution = run ? run.execution : await this.journal.getExecution(executionArn);
    if (!execution) throw new ExecutionDoesNotExistError(executionArn);
    return execution;
  }

  private machine(stateMachineArn: string): CompiledMachine {
    if (!/^arn:aws:states:[^:]+:\d{12}:stateMachine:[^:]+$/.test(stateMachineArn)) {
      throw new InvalidArnError(stateMachineArn);
    }
    const machine = this.machines.get(stateMachineArn);
    if (!machine) throw new StateMachineDoesNotExistError(stateMachineArn);
    return machine;
  }

  private timeoutCause(execution: ExecutionRecord): string {
    return execution.deadlineAt - execution.startDate >= this.maxExecutionMs
      ? 'The execution reached the one-year maximum duration of a Standard workflow.'
      : 'The execution ran longer than its TimeoutSeconds.';
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
