import '#infra/local/sfn/polyfill';
import { createHash } from 'node:crypto';
import type { StateMachine } from 'aws-local-stepfunctions';
import {
  EXECUTION_START_PLACEHOLDER,
  type PreparedDefinition,
  TASK_TOKEN_PLACEHOLDER,
  type TaskStateInfo,
} from '#infra/local/sfn/definition';
import { RunAbandonedError, StepFunctionsApiError, TaskFailedError } from '#infra/local/sfn/errors';
import {
  causeText,
  ExecutionHistory,
  HistoryTranslator,
  historyText,
  type InterpreterEvent,
  type RecordedEvent,
  resourceFields,
  type TaskEvent,
} from '#infra/local/sfn/history';
import type { ExecutionRecord, Journal, StepOutcome, StepRecord } from '#infra/local/sfn/journal';
import { mintTaskToken, redactTokens } from '#infra/local/sfn/tokens';
import type { Clock } from '#shared/clock';

/** An in-process stand-in for a Lambda function: its Payload in, its result out. */
export type LocalFunction = (event: unknown) => Promise<unknown>;

export interface CompiledMachine {
  readonly name: string;
  readonly arn: string;
  readonly definition: object;
  readonly prepared: PreparedDefinition;
  readonly interpreter: StateMachine;
}

/** What a run needs from the engine that owns it. */
export interface RunHost {
  readonly clock: Clock;
  readonly journal: Journal;
  readonly functions: Readonly<Record<string, LocalFunction>>;
  /** The key task tokens are minted under; the same across restarts. */
  tokenKey(): Promise<Uint8Array>;
  startChild(request: ChildRequest): Promise<{ executionArn: string; startDate: Date }>;
  /** Called when a run parks, resumes, closes or is abandoned. */
  runChanged(run: ExecutionRun): void;
}

export interface ChildRequest {
  stateMachineArn: string;
  name: string;
  input: string;
  parentExecutionArn: string;
}

/** What the journal already holds for a run being resumed. */
export interface RunReplay {
  steps: readonly StepRecord[];
  events: readonly RecordedEvent[];
  /** Tokens completed while the run was loading. */
  early: ReadonlyMap<number, StepOutcome>;
}

interface Waiter {
  seq: number;
  tokenHash: string;
  timeoutAt: number | undefined;
  /** The callback's function has returned: the token is out. */
  submitted: boolean;
  timingOut: boolean;
  settle(outcome: StepOutcome): void;
}

type RunStatus = 'running' | 'closing' | 'closed' | 'abandoned';
type Json = Parameters<StateMachine['run']>[0];

const TASK_TIMEOUT_CAUSE = 'The task did not complete within its TimeoutSeconds.';

/**
 * One execution, running in the interpreter. Every Task goes through `runTask`, which numbers
 * the attempt (`seq`), answers from the journal while replaying, and otherwise does the work
 * and journals the outcome before the interpreter sees it.
 */
export class ExecutionRun {
  status: RunStatus = 'running';
  execution: ExecutionRecord;
  readonly history: ExecutionHistory;
  /** Real time, not the Clock: the interpreter's own task timers run on it. */
  readonly launchedAt = Date.now();
  private readonly translator: HistoryTranslator;
  private readonly waiters = new Map<number, Waiter>();
  private readonly early: Map<number, StepOutcome>;
  private readonly journaled: Map<number, StepRecord>;
  private readonly lastJournaledSeq: number;
  private seq = 0;
  private inFlight = 0;
  private abort: () => void = () => undefined;

  constructor(
    private readonly host: RunHost,
    private readonly machine: CompiledMachine,
    execution: ExecutionRecord,
    replay: RunReplay,
  ) {
    this.execution = execution;
    this.history = new ExecutionHistory(replay.events, (events) =>
      host.journal.appendEvents(execution.executionArn, events),
    );
    this.translator = new HistoryTranslator(this.history);
    this.early = new Map(replay.early);
    this.journaled = new Map(replay.steps.map((step) => [step.seq, step]));
    this.lastJournaledSeq = Math.max(0, ...this.journaled.keys());
  }

  get arn(): string {
    return this.execution.executionArn;
  }

  /** Starts (or, with journaled steps, replays) the interpreter run. */
  launch(): void {
    const { executionArn, name, stateMachineArn, startDate } = this.execution;
    const input = JSON.parse(this.execution.input) as Json;
    this.history.add(
      'ExecutionStarted',
      { input: historyText(input), inputDetails: { truncated: false }, roleArn: this.roleArn() },
      startDate,
    );
    const handlers = Object.fromEntries(
      [...this.machine.prepared.tasks.values()].map((task) => [
        task.name,
        (i: Json) => this.runTask(task, this.withStartTime(i)),
      ]),
    );
    // While replaying, retries of journaled failures need not wait their IntervalSeconds again.
    const retryIntervalOverrides = new Proxy({} as Record<string, number>, {
      get: () => (this.seq < this.lastJournaledSeq ? 0 : undefined),
    });
    const run = this.machine.interpreter.run(input, {
      noThrowOnAbort: true,
      overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides },
      context: {
        Execution: {
          Id: executionArn,
          Name: name,
          StartTime: new Date(startDate).toISOString(),
          Input: input,
        },
        StateMachine: { Id: stateMachineArn, Name: this.machine.name },
        Task: { Token: TASK_TOKEN_PLACEHOLDER },
      },
    });
    this.abort = run.abort;
    run.result.catch(() => undefined); // the event log reports the outcome
    void this.consume(run.eventLogs);
  }

  /** A token's outcome, journaled by the engine: wakes the waiting task or keeps it for later. */
  deliver(seq: number, outcome: StepOutcome): void {
    const waiter = this.waiters.get(seq);
    if (waiter) {
      this.waiters.delete(seq);
      waiter.settle(outcome);
    } else if (this.status === 'running') {
      this.early.set(seq, outcome);
    }
  }

  /** Parked at callback waits only, with every token handed out. */
  isIdle(): boolean {
    if (this.status !== 'running' || this.waiters.size === 0 || this.inFlight !== this.waiters.size)
      return false;
    return [...this.waiters.values()].every((w) => w.submitted);
  }

  dueWaits(now: number): { seq: number; tokenHash: string }[] {
    const due = [...this.waiters.values()].filter(
      (w) => !w.timingOut && w.timeoutAt !== undefined && w.timeoutAt <= now,
    );
    for (const waiter of due) waiter.timingOut = true;
    return due.map(({ seq, tokenHash }) => ({ seq, tokenHash }));
  }

  timedOutOutcome(): StepOutcome {
    return { status: 'TIMED_OUT', error: 'States.Timeout', cause: TASK_TIMEOUT_CAUSE };
  }

  /** StopExecution or an execution timeout: closes the execution as ABORTED or TIMED_OUT. */
  async terminate(status: 'ABORTED' | 'TIMED_OUT', error?: string, cause?: string): Promise<void> {
    if (this.status !== 'running') return;
    this.status = 'closing';
    const stopDate = this.now();
    this.translator.releaseAll();
    const type = status === 'ABORTED' ? 'ExecutionAborted' : 'ExecutionTimedOut';
    this.history.add(type, { error, cause }, stopDate);
    this.execution = { ...this.execution, status, stopDate, error, cause };
    const waiting = [...this.waiters.keys()];
    this.releaseWaiters();
    this.abort();
    const cancelled: StepOutcome = {
      status: 'CANCELLED',
      error: 'States.Runtime',
      cause: `execution ${status}`,
    };
    try {
      await Promise.all(
        waiting.map((seq) => this.host.journal.settleWaitingStep(this.arn, seq, undefined, cancelled)),
      );
      await this.host.journal.closeExecution(this.execution);
    } catch (error) {
      this.abandonAfterJournalFailure(error);
      throw error;
    }
    await this.finishClosing();
  }

  /** Leaves the execution RUNNING in the journal and stops the in-memory run (stop, restart). */
  async abandon(): Promise<void> {
    if (this.status === 'running') this.drop();
    await this.history.flush().catch(() => undefined);
  }

  private async consume(events: AsyncGenerator<InterpreterEvent>): Promise<void> {
    try {
      await this.translate(events);
    } catch (error) {
      this.abandonAfterJournalFailure(error);
    }
  }

  private async translate(events: AsyncGenerator<InterpreterEvent>): Promise<void> {
    for await (const event of events) {
      if (this.status !== 'running') continue;
      const offset = this.now() - Date.now();
      const end = this.translator.interpreter(event, event.timestamp + offset);
      if (end === 'SUCCEEDED' && event.type === 'ExecutionSucceeded') {
        await this.close({ status: 'SUCCEEDED', output: JSON.stringify(event.output ?? null) });
      } else if (end === 'FAILED' && event.type === 'ExecutionFailed') {
        await this.close({ status: 'FAILED', error: event.Error, cause: causeText(event.Cause) });
      }
    }
  }

  private async close(fields: Pick<ExecutionRecord, 'status' | 'output' | 'error' | 'cause'>): Promise<void> {
    this.status = 'closing';
    this.execution = { ...this.execution, ...fields, stopDate: this.now() };
    try {
      await this.host.journal.closeExecution(this.execution);
    } catch (error) {
      return this.abandonAfterJournalFailure(error);
    }
    await this.finishClosing();
  }

  private async finishClosing(): Promise<void> {
    await this.history
      .flush()
      .catch((error: unknown) => console.error('local-sfn: history not written', error));
    this.status = 'closed';
    this.early.clear();
    this.host.runChanged(this);
  }

  /** Puts the execution's start on the Clock where its Parameters read `$$.Execution.StartTime`. */
  private withStartTime(input: Json): Json {
    const text = JSON.stringify(input ?? null);
    if (!text.includes(EXECUTION_START_PLACEHOLDER)) return input;
    const startTime = new Date(this.execution.startDate).toISOString();
    return JSON.parse(text.replaceAll(EXECUTION_START_PLACEHOLDER, startTime)) as Json;
  }

  private async runTask(task: TaskStateInfo, input: Json): Promise<Json> {
    if (this.status !== 'running') throw new RunAbandonedError();
    const seq = ++this.seq;
    this.inFlight++;
    try {
      let outcome: StepOutcome;
      try {
        outcome = await this.attempt(seq, task, input);
      } catch (error) {
        if (error instanceof RunAbandonedError) throw error;
        this.abandonAfterJournalFailure(error);
        throw new RunAbandonedError();
      }
      return this.conclude(seq, task, outcome);
    } finally {
      this.inFlight--;
      this.host.runChanged(this);
    }
  }

  private async attempt(seq: number, task: TaskStateInfo, input: Json): Promise<StepOutcome> {
    const fields = resourceFields(task.resource);
    const region = this.arn.split(':')[3];
    const timeout = task.timeoutSeconds === undefined ? {} : { timeoutInSeconds: task.timeoutSeconds };
    this.taskEvent(seq, 'TaskScheduled', { ...fields, region, parameters: historyText(input), ...timeout });
    this.taskEvent(seq, 'TaskStarted', fields);
    const recorded = this.journaled.get(seq);
    if (recorded) return this.replayStep(seq, task, recorded, input);
    switch (task.kind) {
      case 'lambdaCallback':
        return this.waitForCallback(seq, task, input);
      case 'startExecution':
        return this.record(seq, task, await this.startChild(seq, input));
      case 'lambdaInvoke': {
        const request = (input ?? {}) as { FunctionName?: unknown; Payload?: unknown };
        return this.record(seq, task, await this.invoke(request.FunctionName, request.Payload ?? {}, true));
      }
      case 'lambdaFunction':
        return this.record(seq, task, await this.invoke(task.resource, input, false));
    }
  }

  private async replayStep(
    seq: number,
    task: TaskStateInfo,
    step: StepRecord,
    input: Json,
  ): Promise<StepOutcome> {
    if (step.stateName !== task.name) {
      throw new RunAbandonedError(
        `journal step ${seq} is '${step.stateName}' but the run reached '${task.name}': the definition changed under a running execution`,
      );
    }
    if (step.status === 'WAITING' && task.kind === 'lambdaCallback' && !step.invokeFailed) {
      // The process may have died before the function recorded the token: hand the same token
      // out again (the functions that take tokens are idempotent for a token they have seen).
      const minted = mintTaskToken({ executionArn: this.arn, seq }, await this.host.tokenKey());
      if (minted.tokenHash === step.tokenHash) {
        const parked = this.park(seq, minted.tokenHash, step.timeoutAt, false);
        await this.handOutToken(seq, task, input, minted);
        return parked;
      }
    }
    if (task.kind === 'lambdaCallback' && !step.invokeFailed) {
      this.taskEvent(seq, 'TaskSubmitted', { ...resourceFields(task.resource), output: '{}' });
    }
    switch (step.status) {
      case 'WAITING':
        return this.park(seq, step.tokenHash ?? '', step.timeoutAt, true);
      case 'SUCCEEDED':
        return { status: 'SUCCEEDED', output: step.output ?? 'null' };
      default:
        return { status: step.status, error: step.error ?? '', cause: step.cause ?? '' };
    }
  }

  /** `.waitForTaskToken`: journal the wait (token hash, timeout), hand the token out, park. */
  private async waitForCallback(seq: number, task: TaskStateInfo, input: Json): Promise<StepOutcome> {
    const minted = mintTaskToken({ executionArn: this.arn, seq }, await this.host.tokenKey());
    const timeoutAt = task.timeoutSeconds === undefined ? undefined : this.now() + task.timeoutSeconds * 1000;
    await this.host.journal.putStep(this.arn, {
      seq,
      stateName: task.name,
      status: 'WAITING',
      tokenHash: minted.tokenHash,
      timeoutAt,
    });
    const parked = this.park(seq, minted.tokenHash, timeoutAt, false);
    await this.handOutToken(seq, task, input, minted);
    return parked;
  }

  /** Calls the task's function with the token in its payload; a failed call fails the step. */
  private async handOutToken(
    seq: number,
    task: TaskStateInfo,
    input: Json,
    { token, tokenHash }: { token: string; tokenHash: string },
  ): Promise<void> {
    const request = (input ?? {}) as { FunctionName?: unknown; Payload?: unknown };
    const payload = JSON.parse(
      JSON.stringify(request.Payload ?? {}).replaceAll(TASK_TOKEN_PLACEHOLDER, token),
    );
    const result = await this.invoke(request.FunctionName, payload, true);
    if (result.status === 'SUCCEEDED') {
      this.taskEvent(seq, 'TaskSubmitted', {
        ...resourceFields(task.resource),
        output: redactTokens(result.output),
      });
      const waiter = this.waiters.get(seq);
      if (waiter) waiter.submitted = true;
    } else if (result.status === 'FAILED') {
      const failure: StepOutcome = { ...result, invokeFailed: true };
      // Someone may have completed the token before the function failed; then that wins.
      const settled = await this.host.journal.settleWaitingStep(this.arn, seq, tokenHash, failure);
      if (settled === 'settled') this.deliver(seq, failure);
    }
  }

  private park(
    seq: number,
    tokenHash: string,
    timeoutAt: number | undefined,
    submitted: boolean,
  ): Promise<StepOutcome> {
    const early = this.early.get(seq);
    if (early) {
      this.early.delete(seq);
      return Promise.resolve(early);
    }
    return new Promise((settle) => {
      this.waiters.set(seq, { seq, tokenHash, timeoutAt, submitted, timingOut: false, settle });
    });
  }

  private async invoke(functionName: unknown, payload: unknown, lambdaShape: boolean): Promise<StepOutcome> {
    const name = typeof functionName === 'string' ? functionName : '';
    const fn = this.host.functions[name] ?? this.host.functions[name.replace(/:(\$LATEST|\d+)$/, '')];
    if (!fn) {
      const cause = `Function not found: ${name || String(functionName)}`;
      return { status: 'FAILED', error: 'Lambda.ResourceNotFoundException', cause };
    }
    try {
      const result = (await fn(payload)) ?? null;
      const output = lambdaShape ? { ExecutedVersion: '$LATEST', Payload: result, StatusCode: 200 } : result;
      return { status: 'SUCCEEDED', output: JSON.stringify(output) };
    } catch (error) {
      const { name: errorType, message } = error instanceof Error ? error : new Error(String(error));
      return {
        status: 'FAILED',
        error: errorType,
        cause: JSON.stringify({ errorType, errorMessage: message }),
      };
    }
  }

  /** `states:startExecution` (fire and forget): start a child on this engine. */
  private async startChild(seq: number, input: Json): Promise<StepOutcome> {
    const request = (input ?? {}) as { StateMachineArn?: unknown; Name?: unknown; Input?: unknown };
    // Without a Name, a replay after a crash must find the same child, so derive one.
    const name =
      typeof request.Name === 'string'
        ? request.Name
        : createHash('sha256').update(`${this.arn}#${seq}`).digest('hex').slice(0, 32);
    const childInput =
      typeof request.Input === 'string' ? request.Input : JSON.stringify(request.Input ?? {});
    try {
      const started = await this.host.startChild({
        stateMachineArn: String(request.StateMachineArn),
        name,
        input: childInput,
        parentExecutionArn: this.arn,
      });
      const output = { ExecutionArn: started.executionArn, StartDate: started.startDate.toISOString() };
      return { status: 'SUCCEEDED', output: JSON.stringify(output) };
    } catch (error) {
      if (error instanceof StepFunctionsApiError) {
        return { status: 'FAILED', error: `StepFunctions.${error.awsType}Exception`, cause: error.message };
      }
      const cause = error instanceof Error ? error.message : String(error);
      return { status: 'FAILED', error: 'StepFunctions.ServiceException', cause };
    }
  }

  private async record(seq: number, task: TaskStateInfo, outcome: StepOutcome): Promise<StepOutcome> {
    await this.host.journal.putStep(this.arn, { seq, stateName: task.name, ...outcome });
    return outcome;
  }

  private conclude(seq: number, task: TaskStateInfo, outcome: StepOutcome): Json {
    const fields = resourceFields(task.resource);
    switch (outcome.status) {
      case 'SUCCEEDED':
        this.taskEvent(seq, 'TaskSucceeded', { ...fields, output: redactTokens(outcome.output) });
        return JSON.parse(outcome.output) as Json;
      case 'CANCELLED':
        throw new RunAbandonedError();
      default: {
        const type = outcome.status === 'TIMED_OUT' ? 'TaskTimedOut' : 'TaskFailed';
        this.taskEvent(seq, type, { ...fields, error: outcome.error, cause: redactTokens(outcome.cause) });
        throw new TaskFailedError(outcome.error, outcome.cause);
      }
    }
  }

  private taskEvent(seq: number, type: TaskEvent['type'], details: Record<string, unknown>): void {
    if (this.status === 'running') this.translator.task({ seq, type, details, timestamp: this.now() });
  }

  private releaseWaiters(): void {
    const cancelled: StepOutcome = { status: 'CANCELLED', error: 'States.Runtime', cause: 'run abandoned' };
    for (const waiter of this.waiters.values()) waiter.settle(cancelled);
    this.waiters.clear();
    this.early.clear();
  }

  /** The journal is the truth; if it cannot be written, drop the run and let a restart replay it. */
  private abandonAfterJournalFailure(error: unknown): void {
    console.error(
      `local-sfn: abandoning the run of ${this.arn}; a restart resumes it from the journal`,
      error,
    );
    if (this.status === 'running' || this.status === 'closing') this.drop();
  }

  private drop(): void {
    this.status = 'abandoned';
    this.releaseWaiters();
    this.abort();
    this.host.runChanged(this);
  }

  private roleArn(): string {
    return `arn:aws:iam::${this.arn.split(':')[4]}:role/local-step-functions`;
  }

  private now(): number {
    return this.host.clock.now().getTime();
  }
}
