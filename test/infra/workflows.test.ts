import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '#infra/constructs/case-function';
import { StageWorkflows } from '#infra/constructs/stage-workflows';
import type { ServiceStack } from '#infra/stacks/service-stack';
import { type StageWorkflow, stageWorkflowKeys, stageWorkflows, workflowFunctions } from '#shared/names';
import { actionsOf, buildCaseApp, flatten, logicalIdOf, statementsOfRole } from './case-app';

interface TaskState {
  Type: string;
  Resource?: string;
  Parameters?: { FunctionName?: string; StateMachineArn?: string };
}

describe('StageWorkflows', () => {
  let service: ServiceStack;
  let template: Template;
  const stateMachine = (workflow: StageWorkflow) => {
    const logicalId = logicalIdOf(service.workflows.stateMachines[workflow]);
    const resource = template.findResources('AWS::StepFunctions::StateMachine')[logicalId];
    if (!resource) throw new Error(`no state machine ${logicalId}`);
    return { logicalId, properties: resource.Properties };
  };
  /** The definition as CloudFormation will deploy it: every `${Key}` replaced by its substitution. */
  const deployedDefinition = (workflow: StageWorkflow): { States: Record<string, TaskState> } => {
    const { DefinitionString, DefinitionSubstitutions } = stateMachine(workflow).properties;
    const substituted = (DefinitionString as string).replace(/\$\{(\w+)\}/g, (placeholder, key: string) =>
      key in DefinitionSubstitutions ? flatten(DefinitionSubstitutions[key]) : placeholder,
    );
    return JSON.parse(substituted);
  };

  beforeAll(() => {
    ({ service } = buildCaseApp());
    template = Template.fromStack(service);
  });

  it.each(stageWorkflowKeys)(
    'deploys the %s workflow as a Standard state machine named after its stack',
    (workflow) => {
      expect(stateMachine(workflow).properties).toMatchObject({
        StateMachineName: `${service.stackName}-${stageWorkflows[workflow].name}`,
        StateMachineType: 'STANDARD',
      });
    },
  );

  it.each(stageWorkflowKeys)('substitutes every placeholder of the %s definition', (workflow) => {
    const definition = JSON.stringify(deployedDefinition(workflow));
    expect(definition).not.toContain('${');
  });

  it.each(stageWorkflowKeys)(
    'points every Lambda task of the %s definition at a workflow function',
    (workflow) => {
      const functionArns = Object.values(workflowFunctions).map(
        ({ name }) => `<${logicalIdOf(service.functions.get(name).function)}.Arn>`,
      );
      const lambdaTasks = Object.values(deployedDefinition(workflow).States).filter((state) =>
        state.Resource?.startsWith('arn:aws:states:::lambda:invoke'),
      );
      expect(lambdaTasks.length).toBeGreaterThan(0);
      for (const task of lambdaTasks) expect(functionArns).toContain(task.Parameters?.FunctionName);
    },
  );

  it('lets the filing workflow start the admission workflow, by its computed ARN', () => {
    const startTasks = Object.values(deployedDefinition('filing').States).filter(
      (state) => state.Resource === 'arn:aws:states:::states:startExecution',
    );
    const admissionArn = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:stateMachine:${service.stackName}-CaseAdmission`;
    expect(startTasks.map((task) => task.Parameters?.StateMachineArn)).toEqual([admissionArn]);

    const roleId = logicalIdOf(service.workflows.stateMachines.filing.role);
    const startStatements = statementsOfRole(template, roleId).filter((s) =>
      actionsOf([s]).includes('states:StartExecution'),
    );
    expect(startStatements.map((s) => flatten(s.Resource))).toEqual([admissionArn]);
  });

  it.each(stageWorkflowKeys)(
    'logs every %s event to its own log group, without execution data',
    (workflow) => {
      const { properties } = stateMachine(workflow);
      expect(properties.LoggingConfiguration).toEqual({
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [
          { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } } },
        ],
      });
      expect(properties.TracingConfiguration).toEqual({ Enabled: true });
    },
  );

  it('lets each state machine invoke the workflow functions only, unqualified', () => {
    for (const workflow of stageWorkflowKeys) {
      const roleId = logicalIdOf(service.workflows.stateMachines[workflow].role);
      const invoke = statementsOfRole(template, roleId).filter((s) =>
        actionsOf([s]).includes('lambda:InvokeFunction'),
      );
      const resources = invoke
        .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
        .map(flatten);
      expect(resources.length).toBeGreaterThan(0);
      for (const resource of resources)
        expect(resource).toMatch(/^<Functions(OpenTask|SystemStep)Function\w+\.Arn>$/);
    }
  });

  it.each([['ExecutionsFailed'], ['ExecutionsTimedOut']])(
    'raises an alarm on %s of every stage workflow',
    (metricName) => {
      for (const workflow of stageWorkflowKeys) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: metricName,
          Namespace: 'AWS/States',
          Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: stateMachine(workflow).logicalId } }],
          Threshold: 1,
          AlarmActions: Match.anyValue(),
        });
      }
    },
  );
});

describe('StageWorkflows with a broken definition', () => {
  let definitionsDir: string;

  beforeAll(() => {
    definitionsDir = mkdtempSync(path.join(tmpdir(), 'workflows-'));
    cpSync(path.join(projectRoot, 'workflows'), definitionsDir, { recursive: true });
  });
  afterAll(() => rmSync(definitionsDir, { recursive: true, force: true }));

  const build = () => {
    const stack = new Stack(new App(), 'Test');
    const fn = lambda.Function.fromFunctionArn(
      stack,
      'Fn',
      'arn:aws:lambda:ap-southeast-1:111111111111:function:f',
    );
    new StageWorkflows(stack, 'Workflows', { functions: { openTask: fn, systemStep: fn }, definitionsDir });
  };

  it('fails the synth when a definition names an unknown substitution', () => {
    writeFileSync(
      path.join(definitionsDir, stageWorkflows.release.file),
      JSON.stringify({
        StartAt: 'A',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an ASL substitution, not a JS template
        States: { A: { Type: 'Task', Resource: '${NoSuchFunctionArn}', End: true } },
      }),
    );
    expect(build).toThrow(/case-release\.asl\.json uses \$\{NoSuchFunctionArn\}/);
  });

  it('fails the synth when a definition is not JSON', () => {
    writeFileSync(path.join(definitionsDir, stageWorkflows.release.file), '{ not json');
    expect(build).toThrow(/Cannot load the workflow definition .*case-release\.asl\.json/);
  });
});
