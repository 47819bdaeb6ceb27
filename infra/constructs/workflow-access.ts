import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { type StageWorkflow, stageWorkflowKeys, stageWorkflows } from '#shared/names';
import type { WorkflowAccess } from './api-routes';

/**
 * Names and ARNs of the stage workflows, computed from the stack name alone. Functions need the ARNs
 * (environment, IAM) and the state machines need the functions' ARNs (definition substitutions), so
 * neither may reference the other's resource: computing the state machine ARNs breaks the cycle.
 */
export const stateMachineName = (scope: IConstruct, workflow: StageWorkflow): string =>
  `${Stack.of(scope).stackName}-${stageWorkflows[workflow].name}`;

export const stateMachineArn = (scope: IConstruct, workflow: StageWorkflow): string =>
  Stack.of(scope).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: stateMachineName(scope, workflow),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

/** Every execution of one stage workflow. */
const executionsArn = (scope: IConstruct, workflow: StageWorkflow): string =>
  Stack.of(scope).formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: `${stateMachineName(scope, workflow)}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

/** The `STATE_MACHINE_ARNS` environment value: `{"filing": "arn:…", "admission": …}`. */
export const stateMachineArnsJson = (scope: IConstruct): string =>
  Stack.of(scope).toJsonString(
    Object.fromEntries(stageWorkflowKeys.map((key) => [key, stateMachineArn(scope, key)])),
  );

/**
 * Grants a function's role what its spec asks of the stage workflows. Execution ARNs end in a wildcard
 * (an execution's name is the case id); that finding is acknowledged here, for exactly those ARNs.
 */
export const grantWorkflowAccess = (role: iam.IRole & IConstruct, access: WorkflowAccess): void => {
  const start = access.start ?? [];
  if (start.length > 0) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['states:StartExecution'],
        resources: start.map((workflow) => stateMachineArn(role, workflow)),
      }),
    );
  }
  if (access.completeTasks) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
        resources: stageWorkflowKeys.map((workflow) => stateMachineArn(role, workflow)),
      }),
    );
  }
  if (access.describe) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['states:DescribeStateMachine'],
        resources: stageWorkflowKeys.map((workflow) => stateMachineArn(role, workflow)),
      }),
    );
  }
  if (access.listExecutions) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['states:ListExecutions'],
        resources: stageWorkflowKeys.map((workflow) => stateMachineArn(role, workflow)),
      }),
    );
  }
  const executionActions = [
    ...(access.readHistory || access.describeExecutions ? ['states:DescribeExecution'] : []),
    ...(access.readHistory ? ['states:GetExecutionHistory'] : []),
  ];
  if (executionActions.length > 0) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: executionActions,
        resources: stageWorkflowKeys.map((workflow) => executionsArn(role, workflow)),
      }),
    );
    for (const workflow of stageWorkflowKeys) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${stateMachineName(role, workflow)}:*]`,
        reason:
          'Execution names are case ids, known only at run time; the grant is limited to the executions of one stage workflow.',
      });
    }
  }
};
