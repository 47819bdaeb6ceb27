import type { StateMachineDefinition } from 'aws-local-stepfunctions';

/** `$$.Task.Token` resolves to this; the task override swaps in a freshly minted token. */
export const TASK_TOKEN_PLACEHOLDER = '__LOCAL_SFN_TASK_TOKEN__';

/**
 * The interpreter sets `$$.Execution.StartTime` to the wall-clock time of each (re)launch, not
 * the execution's start on the engine's Clock: after a restart, or once the Clock has moved, a
 * definition would see a start time of "now". So a Task's `Parameters` that read it get this
 * literal instead, and the run puts the execution's recorded start in its place.
 */
export const EXECUTION_START_PLACEHOLDER = '__LOCAL_SFN_EXECUTION_START__';

/**
 * The interpreter arms a Node timer per task attempt: without `TimeoutSeconds` it fails the
 * task after 60 s, and above Node's timer limit (~24.8 days) at once. So every Task gets the
 * largest safe value and the durable layer enforces the definition's own timeouts on the Clock.
 */
export const INTERPRETER_TASK_TIMEOUT_SECONDS = 2_147_483;

export type TaskKind = 'lambdaInvoke' | 'lambdaCallback' | 'startExecution' | 'lambdaFunction';

export interface TaskStateInfo {
  readonly name: string;
  readonly resource: string;
  readonly kind: TaskKind;
  /** From the original definition; enforced by the durable layer on callback waits. */
  readonly timeoutSeconds?: number;
}

export interface PreparedDefinition {
  /** What the interpreter runs: the same states, with timeouts neutralised. */
  readonly interpreterDefinition: StateMachineDefinition;
  /** Every Task state, nested ones (Parallel, Map) included, by state name. */
  readonly tasks: ReadonlyMap<string, TaskStateInfo>;
  /** The definition's top-level `TimeoutSeconds`, if any. */
  readonly timeoutSeconds?: number;
}

type Json = Record<string, unknown>;

const resourceKinds: Record<string, TaskKind> = {
  'arn:aws:states:::lambda:invoke': 'lambdaInvoke',
  'arn:aws:states:::lambda:invoke.waitForTaskToken': 'lambdaCallback',
  'arn:aws:states:::states:startExecution': 'startExecution',
};

const lambdaFunctionArn = /^arn:aws:lambda:[^:]+:\d{12}:function:[^:]+(:[^:]+)?$/;

export function taskKind(resource: string): TaskKind | undefined {
  return resourceKinds[resource] ?? (lambdaFunctionArn.test(resource) ? 'lambdaFunction' : undefined);
}

/**
 * Copies a definition for the interpreter (timeouts moved out of its hands) and lists its
 * Task states. Throws for a Task resource the local runtime cannot run, so a definition that
 * would fail at run time fails at start-up instead.
 */
export function prepareDefinition(definition: object): PreparedDefinition {
  const tasks = new Map<string, TaskStateInfo>();
  const { TimeoutSeconds, ...rest } = definition as Json & { TimeoutSeconds?: number };
  const interpreterDefinition = prepareBranch(rest, tasks) as unknown as StateMachineDefinition;
  return {
    interpreterDefinition,
    tasks,
    ...(TimeoutSeconds === undefined ? {} : { timeoutSeconds: TimeoutSeconds }),
  };
}

function prepareBranch(branch: Json, tasks: Map<string, TaskStateInfo>): Json {
  const states = (branch.States ?? {}) as Record<string, Json>;
  const prepared: Record<string, Json> = {};
  for (const [name, state] of Object.entries(states)) prepared[name] = prepareState(name, state, tasks);
  return { ...branch, States: prepared };
}

function prepareState(name: string, state: Json, tasks: Map<string, TaskStateInfo>): Json {
  switch (state.Type) {
    case 'Task':
      return prepareTask(name, state, tasks);
    case 'Parallel':
      return { ...state, Branches: (state.Branches as Json[]).map((b) => prepareBranch(b, tasks)) };
    case 'Map': {
      const copy = { ...state };
      if (copy.Iterator) copy.Iterator = prepareBranch(copy.Iterator as Json, tasks);
      if (copy.ItemProcessor) copy.ItemProcessor = prepareBranch(copy.ItemProcessor as Json, tasks);
      return copy;
    }
    default:
      return state;
  }
}

function prepareTask(name: string, state: Json, tasks: Map<string, TaskStateInfo>): Json {
  const resource = String(state.Resource);
  const kind = taskKind(resource);
  if (!kind)
    throw new Error(`Task state '${name}' uses a resource the local runtime cannot run: ${resource}`);
  const previous = tasks.get(name);
  if (previous && previous.resource !== resource) {
    throw new Error(
      `Two Task states are named '${name}' with different resources; the local runtime needs unique names`,
    );
  }
  const {
    TimeoutSeconds,
    TimeoutSecondsPath: _ignored,
    ...rest
  } = state as Json & { TimeoutSeconds?: number };
  tasks.set(name, {
    name,
    resource,
    kind,
    ...(TimeoutSeconds === undefined ? {} : { timeoutSeconds: TimeoutSeconds }),
  });
  const parameters =
    rest.Parameters === undefined ? {} : { Parameters: withStartPlaceholder(rest.Parameters) };
  return { ...rest, ...parameters, TimeoutSeconds: INTERPRETER_TASK_TIMEOUT_SECONDS };
}

/** `"x.$": "$$.Execution.StartTime"`, at any depth, becomes `"x": EXECUTION_START_PLACEHOLDER`. */
function withStartPlaceholder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withStartPlaceholder);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) =>
      key.endsWith('.$') && field === '$$.Execution.StartTime'
        ? [key.slice(0, -2), EXECUTION_START_PLACEHOLDER]
        : [key, withStartPlaceholder(field)],
    ),
  );
}
