import {
  executionName,
  type StageWorkflow,
  stageWorkflowKeys,
  stageWorkflows,
  workflowFunctions,
} from '#shared/names';
import type { ActionName } from '#shared/pipeline/actions/index';
import type { Branch, StageDeclaration, Step, Target, Wait } from './stages/builder';
import { stageDeclarations } from './stages/index';

/**
 * Generates a stage's ASL from its declaration (workflows/stages/). Everything a declaration does
 * not say is written here, once: the names of the states, the retries of every task, the safety
 * timeout of a wait and its escalation, the payloads the workflow functions receive.
 */

/**
 * Which way a case goes through the stages. One routing today; the legal profiles may come to
 * need their own (a step the law drops, a branch it sends elsewhere), so the generator takes the
 * routing beside the stage and a profile can name the routing it uses.
 */
export interface Routing {
  /** Names the routing (a later change will name the generated files after it). */
  readonly name: string;
  /**
   * Waits this routing leaves out, each with where the workflow goes instead: every transition
   * into a skipped wait goes there, and the states nothing leads to any more are left out.
   */
  readonly skip?: Readonly<Partial<Record<ActionName, Target>>>;
}

/** The routing of every legal profile so far. */
export const currentRouting: Routing = { name: 'current' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface AslDefinition {
  Comment: string;
  StartAt: string;
  TimeoutSeconds: number;
  States: Record<string, Record<string, Json>>;
}

/** How long a task may wait before it is escalated and opened again, unless a wait says otherwise. */
export const WAIT_SAFETY_TIMEOUT_SECONDS = 60 * 24 * 60 * 60;

/**
 * The error the open-task function throws when a wait entered now could outlast its execution's
 * limit (shared/domain/workflow-steps.ts): the wait continues in a fresh execution instead.
 */
export const EXECUTION_NEAR_LIMIT = 'ExecutionNearLimit';

/** Where every stage with waits starts: a fresh execution may resume at (or after) one of them. */
export const RESUME_POINT = 'Resume Or Start';
/** Where an execution ends once a fresh one has taken over its wait. */
export const CONTINUED = 'Continued In Fresh Execution';

const lambdaRetry: Json = [
  {
    ErrorEquals: [
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.TooManyRequestsException',
    ],
    IntervalSeconds: 2,
    MaxAttempts: 4,
    BackoffRate: 2,
  },
];
const startExecutionRetry: Json = [
  {
    ErrorEquals: ['StepFunctions.SdkClientException', 'StepFunctions.ServiceException'],
    IntervalSeconds: 2,
    MaxAttempts: 4,
    BackoffRate: 2,
  },
];

/** A wait ends at least this long before its execution's limit, for its escalation to run. */
export const WAIT_MARGIN_SECONDS = 24 * 60 * 60;

/** `${Key}`: substituted by CloudFormation, or by the local runtime (workflows/definitions.ts). */
const placeholder = (key: string): string => `\${${key}}`;

/** `takeEffect` → `Take Effect`. */
const words = (camel: string): string =>
  camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());

const waitNames = (wait: Wait) => {
  const short = wait.short ?? wait.title;
  return {
    entry: `Await ${wait.title}`,
    escalate: `Escalate Stalled ${short}`,
    outcome: wait.outcomeName ?? `${short} Outcome`,
  };
};

/** The name of the state a step begins with. */
export function stateName(step: Step): string {
  switch (step.kind) {
    case 'wait':
      return waitNames(step).entry;
    case 'system':
      return words(step.step);
    case 'close':
      return `Close As ${step.title ?? words(step.outcome)}`;
    case 'start':
      return `Start ${words(step.workflow)} Stage`;
    default:
      return step.name;
  }
}

const lambdaTask = (
  comment: string | undefined,
  payload: Record<string, Json>,
  rest: { ResultSelector?: Json; ResultPath: Json; Next: string },
): Record<string, Json> => ({
  Type: 'Task',
  ...(comment === undefined ? {} : { Comment: comment }),
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: placeholder(workflowFunctions.systemStep.arnKey), Payload: payload },
  ...(rest.ResultSelector === undefined ? {} : { ResultSelector: rest.ResultSelector }),
  ResultPath: rest.ResultPath,
  Retry: lambdaRetry,
  Next: rest.Next,
});

const systemPayload = (step: string, extra: Record<string, Json> = {}): Record<string, Json> => ({
  step,
  'caseId.$': '$.caseId',
  'executionArn.$': '$$.Execution.Id',
  ...extra,
});

const branchChoice = (branch: Branch, next: string): Json =>
  branch.on === 'action'
    ? { Variable: '$.result.action', StringEquals: branch.action, Next: next }
    : { Variable: `$.result.input.${branch.field}`, StringEquals: branch.equals, Next: next };

function checkWait(where: string, wait: Wait): void {
  const offered = new Set<ActionName>(wait.alsoAllowed);
  if (offered.has(wait.action) || offered.size !== wait.alsoAllowed.length || offered.size > 10)
    throw new Error(`${where}: alsoAllowed must list up to 10 other actions, each once`);
  offered.add(wait.action);
  const routed = new Set<ActionName>();
  for (const branch of wait.branches) {
    if (branch.on !== 'action') continue;
    if (!offered.has(branch.action))
      throw new Error(`${where}: a branch on '${branch.action}', which this wait does not offer`);
    routed.add(branch.action);
  }
  // An action offered beside the main one must say where it leads, or it would pass for the main one.
  for (const action of wait.alsoAllowed)
    if (!routed.has(action)) throw new Error(`${where}: '${action}' is allowed here but no branch routes it`);
}

/** The states of a stage under a routing, every state its steps declare, in their order. */
function emitStates(
  stage: StageDeclaration,
  skip: Routing['skip'] = {},
): { startAt: string; states: Record<string, Record<string, Json>> } {
  const file = stageWorkflows[stage.workflow].file;
  const waits = new Map<ActionName, Wait>();
  for (const step of stage.steps) {
    if (step.kind !== 'wait') continue;
    if (waits.has(step.action)) throw new Error(`${file}: two waits for '${step.action}'`);
    waits.set(step.action, step);
  }

  const resolve = (target: Target, seen: ActionName[] = []): string => {
    if (typeof target !== 'string' && target.kind !== 'wait') {
      if (!stage.steps.includes(target))
        throw new Error(
          `${file}: a transition leads to '${stateName(target)}', which the stage does not list`,
        );
      return stateName(target);
    }
    const action = typeof target === 'string' ? target : target.action;
    const instead = skip[action];
    if (instead !== undefined) {
      if (seen.includes(action))
        throw new Error(`${file}: the routing skips in a circle through '${action}'`);
      return resolve(instead, [...seen, action]);
    }
    const wait = waits.get(action);
    if (!wait)
      throw new Error(
        `${file}: a transition leads to the wait for '${action}', which the stage does not list`,
      );
    return stateName(wait);
  };

  /** Where a wait leads once its task is completed: its outcome choice, or straight on. */
  const afterWait = (wait: Wait): string =>
    wait.branches.length > 0 ? waitNames(wait).outcome : resolve(wait.next);

  const states: Record<string, Record<string, Json>> = {};
  const add = (name: string, state: Record<string, Json>) => {
    if (name in states) throw new Error(`${file}: two states are named '${name}'`);
    states[name] = state;
  };

  for (const step of stage.steps) {
    switch (step.kind) {
      case 'wait': {
        if (skip[step.action] !== undefined) break;
        const names = waitNames(step);
        checkWait(`${file}, ${names.entry}`, step);
        const also = step.alsoAllowed;
        const timeout = step.timeoutSeconds ?? WAIT_SAFETY_TIMEOUT_SECONDS;
        if (timeout + WAIT_MARGIN_SECONDS > stage.timeoutSeconds)
          throw new Error(`${file}, ${names.entry}: the wait's timeout must end well inside the execution's`);
        add(names.entry, {
          Type: 'Task',
          Comment: `Waits for a person to perform '${step.action}'${also.length > 0 ? ` (or ${also.join(', ')})` : ''}; the API completes the token it holds.`,
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: {
            FunctionName: placeholder(workflowFunctions.openTask.arnKey),
            Payload: {
              'taskToken.$': '$$.Task.Token',
              'caseId.$': '$.caseId',
              action: step.action,
              ...(also.length > 0 ? { alsoAllowed: [...also] } : {}),
              stateName: names.entry,
              'executionArn.$': '$$.Execution.Id',
              // So the function can tell whether this wait still ends inside the execution's limit.
              'executionStartTime.$': '$$.Execution.StartTime',
              executionLimitSeconds: stage.timeoutSeconds,
              waitSeconds: timeout,
            },
          },
          ResultPath: '$.result',
          TimeoutSeconds: timeout,
          Retry: lambdaRetry,
          Catch: [
            { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: names.escalate },
            // open-task has started a fresh execution at this wait (and said so on the case).
            { ErrorEquals: [EXECUTION_NEAR_LIMIT], ResultPath: '$.error', Next: CONTINUED },
          ],
          Next: afterWait(step),
        });
        add(
          names.escalate,
          lambdaTask(
            "Nobody acted within the workflow's safety timeout: record it and open the task again.",
            systemPayload('escalateStalledTask', { action: step.action }),
            { ResultPath: null, Next: names.entry },
          ),
        );
        if (step.branches.length > 0)
          add(names.outcome, {
            Type: 'Choice',
            Choices: step.branches.map((branch) => branchChoice(branch, resolve(branch.next))),
            Default: resolve(step.next),
          });
        break;
      }
      case 'system':
        add(
          stateName(step),
          lambdaTask(step.comment, systemPayload(step.step), {
            ...(step.result
              ? {
                  ResultSelector: Object.fromEntries(
                    step.result.select.map((field) => [`${field}.$`, `$.Payload.${field}`]),
                  ),
                }
              : {}),
            ResultPath: step.result?.path ?? null,
            Next: resolve(step.next),
          }),
        );
        break;
      case 'close':
        add(
          stateName(step),
          lambdaTask(undefined, systemPayload('closeCase', { outcome: step.outcome }), {
            ResultPath: null,
            Next: resolve(step.next),
          }),
        );
        break;
      case 'start': {
        const name = executionName('{}', step.workflow);
        add(stateName(step), {
          Type: 'Task',
          ...(step.comment === undefined ? {} : { Comment: step.comment }),
          Resource: 'arn:aws:states:::states:startExecution',
          Parameters: {
            StateMachineArn: placeholder(stageWorkflows[step.workflow].arnKey),
            'Name.$': `States.Format('${name}', $.caseId)`,
            Input: { 'caseId.$': '$.caseId' },
          },
          ResultPath: null,
          Retry: startExecutionRetry,
          Next: resolve(step.next),
        });
        break;
      }
      case 'choice':
        add(step.name, {
          Type: 'Choice',
          Choices: Object.entries(step.when).map(([equals, next]) => ({
            Variable: step.variable,
            StringEquals: equals,
            Next: resolve(next),
          })),
          Default: resolve(step.otherwise),
        });
        break;
      case 'succeed':
        add(step.name, { Type: 'Succeed' });
        break;
      case 'fail':
        add(step.name, { Type: 'Fail', Error: step.error, Cause: step.cause });
        break;
    }
  }
  const first = stage.steps[0];
  if (!first) throw new Error(`${file}: a stage needs at least one step`);
  const kept = [...waits.values()].filter((wait) => skip[wait.action] === undefined);
  if (kept.length === 0) return { startAt: resolve(first), states };
  add(CONTINUED, { Type: 'Succeed' });
  return {
    startAt: RESUME_POINT,
    states: { [RESUME_POINT]: resumePoint(kept, resolve(first), afterWait), ...states },
  };
}

/**
 * A fresh execution of a stage starts with `resumeAt` (open that wait again: the old execution
 * reached its limit or is gone) or `resumeAfter` with `result` (the task was performed but its
 * execution was gone: go on from the wait's outcome). Without either, the stage starts afresh.
 */
function resumePoint(
  waits: readonly Wait[],
  start: string,
  afterWait: (wait: Wait) => string,
): Record<string, Json> {
  const when = (field: string, action: string, next: string): Json => ({
    And: [
      { Variable: `$.${field}`, IsPresent: true },
      { Variable: `$.${field}`, StringEquals: action },
    ],
    Next: next,
  });
  return {
    Type: 'Choice',
    Comment: 'A fresh execution of this stage resumes the case where its last execution left it.',
    Choices: [
      ...waits.map((wait) => when('resumeAt', wait.action, waitNames(wait).entry)),
      ...waits.map((wait) => when('resumeAfter', wait.action, afterWait(wait))),
    ],
    Default: start,
  };
}

/** The states reachable from StartAt, by Next, Default, the Choices and the Catchers. */
function reachable(startAt: string, states: AslDefinition['States']): Set<string> {
  const seen = new Set<string>();
  const queue = [startAt];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const state = states[name];
    if (seen.has(name) || !state) continue;
    seen.add(name);
    const targets = [state.Next, state.Default];
    for (const c of [...((state.Choices ?? []) as Json[]), ...((state.Catch ?? []) as Json[])])
      targets.push((c as { Next: Json }).Next);
    for (const target of targets) if (typeof target === 'string') queue.push(target);
  }
  return seen;
}

/**
 * The ASL of a stage under a routing. A state the declaration lists but nothing leads to is an
 * error; one that only a skipped wait led to is left out.
 */
export function generate(stage: StageDeclaration, routing: Routing): AslDefinition {
  const file = stageWorkflows[stage.workflow].file;
  const declared = emitStates(stage);
  const declaredReach = reachable(declared.startAt, declared.states);
  const unreached = Object.keys(declared.states).filter((name) => !declaredReach.has(name));
  if (unreached.length > 0) throw new Error(`${file}: nothing leads to ${unreached.join(', ')}`);

  const routed = routing.skip ? emitStates(stage, routing.skip) : declared;
  const reach = reachable(routed.startAt, routed.states);
  return {
    Comment: stage.comment,
    StartAt: routed.startAt,
    TimeoutSeconds: stage.timeoutSeconds,
    States: Object.fromEntries(Object.entries(routed.states).filter(([name]) => reach.has(name))),
  };
}

/**
 * JSON as `biome format` writes it with this repository's settings (2 spaces, 110 columns):
 * objects one member a line, an array of plain values on one line when it fits.
 */
export function formatJson(value: unknown, lineWidth = 110): string {
  const print = (v: unknown, indent: string, lineStart: number, after: number): string => {
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      if (v.every((item) => item === null || typeof item !== 'object')) {
        const flat = `[${v.map((item) => JSON.stringify(item)).join(', ')}]`;
        if (lineStart + flat.length + after <= lineWidth) return flat;
      }
      const inner = `${indent}  `;
      const items = v.map((item, i) => inner + print(item, inner, inner.length, i < v.length - 1 ? 1 : 0));
      return `[\n${items.join(',\n')}\n${indent}]`;
    }
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      if (entries.length === 0) return '{}';
      const inner = `${indent}  `;
      const members = entries.map(([key, item], i) => {
        const lead = `${inner}${JSON.stringify(key)}: `;
        return lead + print(item, inner, lead.length, i < entries.length - 1 ? 1 : 0);
      });
      return `{\n${members.join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(v);
  };
  return `${print(value, '', 0, 0)}\n`;
}

/** Every stage's file under a routing, as `npm run workflows` writes it. */
export function generatedWorkflows(
  routing: Routing,
): { workflow: StageWorkflow; file: string; text: string }[] {
  return stageWorkflowKeys.map((workflow) => ({
    workflow,
    file: stageWorkflows[workflow].file,
    text: formatJson(generate(stageDeclarations[workflow], routing)),
  }));
}
