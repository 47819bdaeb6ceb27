import { Duration } from 'aws-cdk-lib';
import { type StageWorkflow, stageWorkflowKeys, workflowFunctions } from '#shared/names';
import { apiRoutes, backgroundFunctions, type RouteTarget } from '../routes';

/**
 * What each Lambda function may touch in AWS, one line per function. The routes themselves live in
 * `shared/api/routes.ts`, shared with the local server and the OpenAPI document; a new route needs its line there and its line here,
 * and the synth stops with a message naming the function when either is missing.
 */
export const functionAccess: Readonly<Record<string, FunctionAccess>> = {
  'create-case': { table: 'readWrite', workflows: { start: ['filing'] }, documents: 'issue' },
  'list-cases': { table: 'read' },
  'list-my-tasks': { table: 'read' },
  'get-case': { table: 'readAndRecordReads' },
  'get-case-history': { table: 'readAndRecordReads', workflows: { readHistory: true } },
  'list-case-reads': { table: 'read' },
  'get-person-cases': { table: 'read' },
  'verify-case-history': { table: 'readAndRecordReads' },
  'export-case-history': {
    table: 'readAndRecordReads',
    workflows: { readHistory: true },
    documents: 'render',
    timeout: Duration.seconds(30),
  },
  'list-overdue-tasks': { table: 'read' },
  'perform-action': {
    table: 'readWrite',
    workflows: { start: stageWorkflowKeys, completeTasks: true, describeExecutions: true },
    documents: 'issue',
  },
  'list-case-documents': { table: 'readAndRecordReads' },
  // Renders a document again if its stored copy was lost, and stores it.
  'get-document': { table: 'readAndRecordReads', documents: 'readAndRestore' },
  'verify-document': { table: 'read' },
  'correct-document': { table: 'readWrite', documents: 'issue' },
  'get-unit-indicators': { table: 'read', documents: 'render' },
  'put-unit-targets': { table: 'readWrite' },
  'get-openapi': { table: 'none' },
  // Asks the table and the engine whether they answer (Describe calls only), reading no case data.
  health: { table: 'describe', workflows: { describe: true } },
  // Completes a token again when a task was performed before a crash, and continues a wait that
  // could outlast its execution in a fresh execution of the same stage (WorkflowSteps.openTask).
  [workflowFunctions.openTask.name]: {
    table: 'readWrite',
    workflows: { start: stageWorkflowKeys, completeTasks: true },
  },
  [workflowFunctions.systemStep.name]: {
    table: 'readWrite',
    timeout: Duration.seconds(30),
    documents: 'issue',
  },
  'fire-timers': {
    table: 'readWrite',
    workflows: { start: stageWorkflowKeys },
    every: Duration.minutes(1),
    timeout: Duration.seconds(55),
  },
  // Makes the workflow calls a crash left owed and resumes waits whose execution ended (ADR 0011).
  'reconcile-workflows': {
    table: 'readWrite',
    workflows: {
      start: stageWorkflowKeys,
      completeTasks: true,
      describeExecutions: true,
      listExecutions: true,
    },
    every: Duration.minutes(5),
    timeout: Duration.minutes(4),
  },
};

/**
 * Access to the case table. `read` is get and query on the table and its indexes (never scan: no request
 * path scans); `readAndRecordReads` adds PutItem only, to append the read log; `readWrite` adds put, update and delete (transactions need the same per-item actions).
 */
export type TableAccess = 'none' | 'describe' | 'read' | 'readAndRecordReads' | 'readWrite';

export interface WorkflowAccess {
  /** Stage workflows the function may start (states:StartExecution). */
  readonly start?: readonly StageWorkflow[];
  /** Whether it may complete waiting callback tasks (states:SendTaskSuccess / SendTaskFailure). */
  readonly completeTasks?: boolean;
  /** Whether it may read stage executions and their history (DescribeExecution / GetExecutionHistory). */
  readonly readHistory?: boolean;
  /** Whether it may describe the stage state machines (their definitions, no executions): the health check. */
  readonly describe?: boolean;
  /** Whether it may ask an execution's status (DescribeExecution), to tell a completed token from a dead one. */
  readonly describeExecutions?: boolean;
  /** Whether it may list the executions of the stage workflows (ListExecutions), to find ended ones. */
  readonly listExecutions?: boolean;
}

/**
 * Access to the documents bucket. `render` renders PDFs (the font ships with the function) and stores
 * nothing; `issue` renders PDFs and writes new objects (PutObject only: Object
 * Lock refuses overwrites and deletes); `readAndRestore` reads them and may write one back.
 */
export type DocumentAccess = 'none' | 'render' | 'issue' | 'readAndRestore';

export interface FunctionAccess {
  readonly table: TableAccess;
  /** @default 'none' */
  readonly documents?: DocumentAccess;
  /** @default no access to the stage workflows */
  readonly workflows?: WorkflowAccess;
  /** Run on an EventBridge schedule at this rate. @default not scheduled */
  readonly every?: Duration;
  /** @default the house default of CaseFunction */
  readonly timeout?: Duration;
}

/** What invokes a function. */
export type FunctionTrigger =
  /** An HTTP API route (from shared/api/routes.ts). */
  | { kind: 'http'; route: RouteTarget }
  /** A Task state of the stage workflows (its ARN is substituted into workflows/*.asl.json). */
  | { kind: 'workflow' }
  /** An EventBridge rule, at a fixed rate. */
  | { kind: 'schedule'; every: Duration };

export interface CaseFunctionSpec extends FunctionAccess {
  /** The folder under `functions/`; the entry is `functions/<name>/handler.ts`, exporting `handler`. */
  readonly name: string;
  readonly trigger: FunctionTrigger;
}

export type HttpRouteSpec = CaseFunctionSpec & {
  readonly trigger: Extract<FunctionTrigger, { kind: 'http' }>;
};

export const isHttpRoute = (spec: CaseFunctionSpec): spec is HttpRouteSpec => spec.trigger.kind === 'http';

const workflowFunctionNames: readonly string[] = Object.values(workflowFunctions).map((fn) => fn.name);

/**
 * Joins the route list and the access table into one spec per function, and fails early, naming the
 * function, when a function has no access line, an access line has no function, or a background
 * function has no way to be invoked.
 */
export const buildFunctionSpecs = (
  routes: readonly RouteTarget[] = apiRoutes,
  background: readonly string[] = backgroundFunctions,
  access: Readonly<Record<string, FunctionAccess>> = functionAccess,
): CaseFunctionSpec[] => {
  const accessOf = (name: string): FunctionAccess => {
    const found = access[name];
    if (!found)
      throw new Error(`functions/${name} has no line in functionAccess (infra/constructs/api-routes.ts)`);
    return found;
  };
  const specs: CaseFunctionSpec[] = [
    ...routes.map(
      (route) =>
        ({
          ...accessOf(route.functionName),
          name: route.functionName,
          trigger: { kind: 'http', route },
        }) as const,
    ),
    ...background.map((name): CaseFunctionSpec => {
      const fnAccess = accessOf(name);
      if (fnAccess.every) return { ...fnAccess, name, trigger: { kind: 'schedule', every: fnAccess.every } };
      if (workflowFunctionNames.includes(name)) return { ...fnAccess, name, trigger: { kind: 'workflow' } };
      throw new Error(
        `functions/${name} is neither a workflow function nor scheduled: nothing would invoke it`,
      );
    }),
  ];
  const names = specs.map((spec) => spec.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate)
    throw new Error(`functions/${duplicate} is listed twice in shared/api/routes.ts or infra/routes.ts`);
  const unused = Object.keys(access).filter((name) => !names.includes(name));
  if (unused.length > 0)
    throw new Error(`functionAccess names functions no route or job uses: ${unused.join(', ')}`);
  return specs;
};
