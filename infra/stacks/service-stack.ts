import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { workflowFunctions } from '#shared/names';
import { isHttpRoute } from '../constructs/api-routes';
import { CaseApi } from '../constructs/case-api';
import { CaseFunctions } from '../constructs/case-functions';
import { CaseObservability } from '../constructs/case-observability';
import { StageWorkflows } from '../constructs/stage-workflows';

export interface ServiceStackProps extends StackProps {
  readonly table: dynamodb.ITable;
  readonly tableKey: kms.IKey;
  /** Names the documents bucket (infra/constructs/case-data.ts). */
  readonly dataStackName: string;
  readonly userPool: cognito.IUserPool;
  /** The web UI's app client: the API accepts its tokens. */
  readonly userPoolClient: cognito.IUserPoolClient;
  /** The web UI's origin, the one the API lets browsers call it from (CORS). */
  readonly webOrigin: string;
  readonly logLevel: string;
  /** @default no e-mail subscription to the alarm topic */
  readonly alarmEmail?: string;
}

/**
 * The stateless service: functions, stage workflows, HTTP API and alarms. It can be destroyed and
 * deployed again without losing a case.
 */
export class ServiceStack extends Stack {
  readonly functions: CaseFunctions;
  readonly workflows: StageWorkflows;
  readonly api: CaseApi;
  readonly observability: CaseObservability;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);

    this.functions = new CaseFunctions(this, 'Functions', {
      table: props.table,
      tableKey: props.tableKey,
      dataStackName: props.dataStackName,
      serviceName: 'case-workflow',
      logLevel: props.logLevel,
    });

    this.workflows = new StageWorkflows(this, 'Workflows', {
      functions: {
        openTask: this.functions.get(workflowFunctions.openTask.name).function,
        systemStep: this.functions.get(workflowFunctions.systemStep.name).function,
      },
    });

    this.api = new CaseApi(this, 'Api', {
      routes: this.functions.specs
        .filter(isHttpRoute)
        .map((spec) => ({ spec, handler: this.functions.get(spec.name).function })),
      userPool: props.userPool,
      userPoolClients: [props.userPoolClient],
      allowedOrigins: [props.webOrigin],
    });

    this.observability = new CaseObservability(this, 'Observability', {
      stateMachines: this.workflows.stateMachines,
      functions: Object.fromEntries(
        this.functions.specs.map((spec) => [spec.name, this.functions.get(spec.name).function]),
      ),
      httpApi: this.api.httpApi,
      alarmEmail: props.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
  }
}
