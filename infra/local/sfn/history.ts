import type { HistoryEvent, HistoryEventType } from '@aws-sdk/client-sfn';
import type { StateMachine } from 'aws-local-stepfunctions';
import { TASK_TOKEN_PLACEHOLDER } from '#infra/local/sfn/definition';
import { redactTokens } from '#infra/local/sfn/tokens';

/** A history event as AWS shapes it, with the timestamp in epoch milliseconds (JSON-safe). */
export type RecordedEvent = Omit<HistoryEvent, 'timestamp' | 'type' | 'id'> & {
  id: number;
  type: HistoryEventType;
  timestamp: number;
};

type DetailsKey = Exclude<keyof HistoryEvent, 'timestamp' | 'type' | 'id' | 'previousEventId'>;
export type InterpreterEvent =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/** Events of one task attempt, produced by the task overrides; `seq` is the attempt number. */
export interface TaskEvent {
  seq: number;
  type: 'TaskScheduled' | 'TaskStarted' | 'TaskSubmitted' | 'TaskSucceeded' | 'TaskFailed' | 'TaskTimedOut';
  details: Record<string, unknown>;
  timestamp: number;
}

const detailsKeys: Partial<Record<string, DetailsKey>> = {
  TaskScheduled: 'taskScheduledEventDetails',
  TaskStarted: 'taskStartedEventDetails',
  TaskSubmitted: 'taskSubmittedEventDetails',
  TaskSucceeded: 'taskSucceededEventDetails',
  TaskFailed: 'taskFailedEventDetails',
  TaskTimedOut: 'taskTimedOutEventDetails',
  ExecutionStarted: 'executionStartedEventDetails',
  ExecutionSucceeded: 'executionSucceededEventDetails',
  ExecutionFailed: 'executionFailedEventDetails',
  ExecutionAborted: 'executionAbortedEventDetails',
  ExecutionTimedOut: 'executionTimedOutEventDetails',
  MapIterationStarted: 'mapIterationStartedEventDetails',
  MapIterationSucceeded: 'mapIterationSucceededEventDetails',
  MapIterationFailed: 'mapIterationFailedEventDetails',
};

/** JSON text for a history field, with every task token (and the token placeholder) redacted. */
export function historyText(value: unknown): string {
  return redactTokens(JSON.stringify(value ?? null)).replaceAll(TASK_TOKEN_PLACEHOLDER, '[redacted]');
}

/**
 * One execution's history: the events loaded from the journal plus the ones this run adds,
 * written to the journal in the background, in order and in batches. After a restart the
 * replay regenerates the same events from the start; those already persisted are dropped.
 */
/** History is rebuilt by replay after a crash, so batching it costs no durability. */
const HISTORY_BATCH_DELAY_MS = 25;

export class ExecutionHistory {
  readonly events: RecordedEvent[];
  private generated = 0;
  private unwritten: RecordedEvent[] = [];
  private writing: Promise<void> | undefined;
  private writeError: unknown;

  constructor(
    persisted: readonly RecordedEvent[],
    private readonly persist: (events: RecordedEvent[]) => Promise<void>,
  ) {
    this.events = [...persisted].sort((a, b) => a.id - b.id);
  }

  /** Appends after the persisted events instead of regenerating them (closing an unloaded execution). */
  continueAfterPersisted(): void {
    this.generated = Math.max(this.generated, this.events.length);
  }

  add(type: HistoryEventType, details: object | undefined, timestamp: number): void {
    const id = ++this.generated;
    if (id <= this.events.length) return;
    const key = detailsKeys[type] ?? stateDetailsKey(type);
    const event: RecordedEvent = { id, previousEventId: id - 1, timestamp, type };
    if (key && details) Object.assign(event, { [key]: details });
    this.events.push(event);
    this.unwritten.push(event);
    this.writing ??= this.write();
  }

  /** Resolves when every event added so far is in the journal. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.writeError) {
      const error = this.writeError;
      this.writeError = undefined;
      throw error;
    }
  }

  private async write(): Promise<void> {
    // Gather the events of a burst of state changes into one batch write, off the hot path.
    await new Promise((resolve) => setTimeout(resolve, HISTORY_BATCH_DELAY_MS));
    try {
      while (this.unwritten.length > 0) {
        const batch = this.unwritten.splice(0, 100);
        try {
          await this.persist(batch);
        } catch (error) {
          this.unwritten.unshift(...batch);
          this.writeError = error;
          return;
        }
      }
    } finally {
      this.writing = undefined;
    }
  }
}

function stateDetailsKey(type: string): DetailsKey | undefined {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return undefined;
}

/**
 * Turns the interpreter's event log and the task overrides' events into AWS history events.
 * The interpreter's events arrive a little late (an async generator), the task events at
 * once; a task event for attempt n is held back until the interpreter's nth task attempt
 * (a Task `StateEntered` or `StateRetried`) has been translated, which restores AWS's order.
 */
export class HistoryTranslator {
  private attempts = 0;
  private held: TaskEvent[] = [];

  constructor(private readonly history: ExecutionHistory) {}

  task(event: TaskEvent): void {
    if (event.seq <= this.attempts) this.history.add(event.type, event.details, event.timestamp);
    else this.held.push(event);
  }

  /** Returns the terminal status when the event ends the execution. */
  interpreter(event: InterpreterEvent, timestamp: number): 'SUCCEEDED' | 'FAILED' | undefined {
    switch (event.type) {
      case 'ExecutionStarted':
        return undefined; // written by the engine when the execution starts
      case 'StateEntered':
        this.history.add(
          `${event.state.type}StateEntered` as HistoryEventType,
          entered(event.state),
          timestamp,
        );
        if (event.state.type === 'Task') this.countAttempt();
        return undefined;
      case 'StateRetried':
        if (event.state.type === 'Task') this.countAttempt();
        return undefined;
      case 'StateExited':
        this.history.add(
          `${event.state.type}StateExited` as HistoryEventType,
          exited(event.state),
          timestamp,
        );
        return undefined;
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed':
        this.history.add(event.type, { name: event.parentState.name, index: event.index }, timestamp);
        return undefined;
      case 'ExecutionSucceeded':
        this.releaseAll();
        this.history.add('ExecutionSucceeded', output(event.output), timestamp);
        return 'SUCCEEDED';
      case 'ExecutionFailed':
        this.releaseAll();
        this.history.add('ExecutionFailed', { error: event.Error, cause: causeText(event.Cause) }, timestamp);
        return 'FAILED';
      default:
        return undefined; // StateFailed, StateCaught, branch events: no AWS event of their own
    }
  }

  releaseAll(): void {
    for (const event of this.held.splice(0)) this.history.add(event.type, event.details, event.timestamp);
  }

  private countAttempt(): void {
    this.attempts++;
    const ready = this.held.filter((e) => e.seq <= this.attempts);
    if (ready.length === 0) return;
    this.held = this.held.filter((e) => e.seq > this.attempts);
    for (const event of ready) this.history.add(event.type, event.details, event.timestamp);
  }
}

export function causeText(cause: unknown): string {
  return redactTokens(typeof cause === 'string' ? cause : JSON.stringify(cause ?? ''));
}

const entered = (state: { name: string; input: unknown }) => ({
  name: state.name,
  input: historyText(state.input),
  inputDetails: { truncated: false },
});

const exited = (state: { name: string; output?: unknown }) => ({
  name: state.name,
  output: historyText(state.output),
  outputDetails: { truncated: false },
});

const output = (value: unknown) => ({ output: historyText(value), outputDetails: { truncated: false } });

/** `resourceType`/`resource` as AWS splits a Task's Resource ARN. */
export function resourceFields(resource: string): { resourceType: string; resource: string } {
  const service = /^arn:aws:states:::([^:]+):(.+)$/.exec(resource);
  if (service?.[1] && service[2]) return { resourceType: service[1], resource: service[2] };
  return { resourceType: 'lambda', resource };
}

export function toHistoryEvent(event: RecordedEvent): HistoryEvent {
  return { ...event, timestamp: new Date(event.timestamp) };
}
