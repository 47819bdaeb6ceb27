import { SFNClient } from '@aws-sdk/client-sfn';
import { config, perProcess } from './runtime';
import { traced } from './tracer';
import { StepFunctionsWorkflowClient } from './workflow-client';

/** The stage workflows (Step Functions), built once per process. */
export const workflowEngine = perProcess(() => {
  const { AWS_REGION, STEPFUNCTIONS_ENDPOINT, STATE_MACHINE_ARNS } = config();
  const sfn = traced(new SFNClient({ region: AWS_REGION, endpoint: STEPFUNCTIONS_ENDPOINT }));
  return new StepFunctionsWorkflowClient(sfn, STATE_MACHINE_ARNS);
});
