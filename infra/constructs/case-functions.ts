import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { buildFunctionSpecs, type CaseFunctionSpec } from './api-routes';
import { documentsBucketName, grantDocumentAccess, grantTableAccess } from './case-data';
import { CaseFunction } from './case-function';
import { grantWorkflowAccess, stateMachineArnsJson } from './workflow-access';

export interface CaseFunctionsProps {
  readonly table: dynamodb.ITable;
  readonly tableKey: kms.IKey;
  /** The data stack's name: it names the documents bucket (Object Lock; encrypted with `tableKey`). */
  readonly dataStackName: string;
  /** The Powertools service name of every function. */
  readonly serviceName: string;
  readonly logLevel: string;
  /** @default the app's functions: shared/api/routes.ts and infra/routes.ts joined with `functionAccess` in api-routes.ts */
  readonly specs?: readonly CaseFunctionSpec[];
}

/**
 * Builds every function of the app from its spec: the house function, the shared environment, table and
 * workflow permissions as the spec states them, and the schedule of scheduled functions. API routes are
 * wired by CaseApi, workflow tasks by StageWorkflows.
 */
export class CaseFunctions extends Construct {
  readonly specs: readonly CaseFunctionSpec[];
  private readonly byName = new Map<string, CaseFunction>();

  constructor(scope: Construct, id: string, props: CaseFunctionsProps) {
    super(scope, id);
    this.specs = props.specs ?? buildFunctionSpecs();

    const environment = {
      TABLE_NAME: props.table.tableName,
      DOCUMENTS_BUCKET: documentsBucketName(props.dataStackName),
      STATE_MACHINE_ARNS: stateMachineArnsJson(this),
      POWERTOOLS_SERVICE_NAME: props.serviceName,
      // Actions performed, deadlines missed, documents issued, conflicts (shared/clients/metrics.ts).
      POWERTOOLS_METRICS_NAMESPACE: 'CompulsoryTreatment',
      LOG_LEVEL: props.logLevel,
    };

    const documents = {
      name: documentsBucketName(props.dataStackName),
      asNagShowsIt: documentsBucketName(props.dataStackName, '<AWS::AccountId>'),
    };
    for (const spec of this.specs) {
      const fn = new CaseFunction(this, pascalCase(spec.name), {
        handlerName: spec.name,
        environment,
        timeout: spec.timeout,
        rendersDocuments: spec.documents !== undefined && spec.documents !== 'none',
        // Rendering a PDF parses four font faces once per process: more memory, more CPU.
        ...(spec.documents && spec.documents !== 'none' && { memorySize: 1024 }),
      });
      grantTableAccess(fn.role, props.table, props.tableKey, spec.table);
      grantDocumentAccess(fn.role, documents, props.tableKey, spec.documents ?? 'none');
      if (spec.workflows) grantWorkflowAccess(fn.role, spec.workflows);
      if (spec.trigger.kind === 'schedule') {
        new events.Rule(fn, 'Schedule', {
          description: `Runs functions/${spec.name}`,
          schedule: events.Schedule.rate(spec.trigger.every),
          // A missed run is made up by the next one, so retries would only pile up.
          targets: [new targets.LambdaFunction(fn.function, { retryAttempts: 0 })],
        });
      }
      this.byName.set(spec.name, fn);
    }
  }

  /** The function built for `functions/<name>`; throws when the list has no such function. */
  get(name: string): CaseFunction {
    const fn = this.byName.get(name);
    if (!fn)
      throw new Error(`No function named ${name} in the function list (infra/constructs/api-routes.ts)`);
    return fn;
  }

  all(): readonly CaseFunction[] {
    return [...this.byName.values()];
  }
}

/** `get-case-history` → `GetCaseHistory`: stable construct ids derived from folder names. */
export const pascalCase = (name: string): string =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
