import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  type StageWorkflow,
  stageWorkflowKeys,
  stageWorkflows,
  type WorkflowFunction,
  workflowFunctions,
} from '#shared/names';
import { projectRoot } from './case-function';
import { stateMachineArn, stateMachineName } from './workflow-access';

export interface StageWorkflowsProps {
  /** The functions the definitions invoke through `${OpenTaskFunctionArn}` and `${SystemStepFunctionArn}`. */
  readonly functions: Record<WorkflowFunction, lambda.IFunction>;
  /** @default the repository's `workflows/` folder */
  readonly definitionsDir?: string;
  /** @default logs.RetentionDays.THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * The four stage workflows, deployed from the same ASL files that the local runtime runs. Each is a
 * Standard state machine with an explicit name (so its ARN is known up front), X-Ray tracing and
 * logging of every event without execution data (inputs and outputs carry personal data and tokens).
 * Its role may invoke only the functions and start only the workflows its definition names.
 */
export class StageWorkflows extends Construct {
  readonly stateMachines: Record<StageWorkflow, sfn.StateMachine>;

  constructor(scope: Construct, id: string, props: StageWorkflowsProps) {
    super(scope, id);
    const definitionsDir = props.definitionsDir ?? path.join(projectRoot, 'workflows');

    const functionsByKey = new Map<string, lambda.IFunction>(
      Object.entries(workflowFunctions).map(([key, { arnKey }]) => [
        arnKey,
        props.functions[key as WorkflowFunction],
      ]),
    );
    const workflowsByKey = new Map<string, StageWorkflow>(
      stageWorkflowKeys.map((key) => [stageWorkflows[key].arnKey, key]),
    );

    const build = (workflow: StageWorkflow): sfn.StateMachine => {
      const { file, name } = stageWorkflows[workflow];
      const definition = loadDefinition(path.join(definitionsDir, file));
      const substitutions: Record<string, string> = {};
      const invokes: lambda.IFunction[] = [];
      const starts: StageWorkflow[] = [];
      for (const key of placeholders(definition)) {
        const fn = functionsByKey.get(key);
        const started = workflowsByKey.get(key);
        if (fn) {
          substitutions[key] = fn.functionArn;
          invokes.push(fn);
        } else if (started) {
          substitutions[key] = stateMachineArn(this, started);
          starts.push(started);
        } else {
          throw new Error(
            `workflows/${file} uses \${${key}}, which names no workflow function nor stage workflow`,
          );
        }
      }

      const stateMachine = new sfn.StateMachine(this, name, {
        stateMachineName: stateMachineName(this, workflow),
        stateMachineType: sfn.StateMachineType.STANDARD,
        definitionBody: sfn.DefinitionBody.fromString(definition),
        definitionSubstitutions: substitutions,
        tracingEnabled: true,
        logs: {
          destination: new logs.LogGroup(this, `${name}Logs`, {
            retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
          }),
          level: sfn.LogLevel.ALL,
          includeExecutionData: false,
        },
      });
      if (invokes.length > 0) {
        // The definitions call unqualified function ARNs, so no `:*` version wildcard is needed.
        stateMachine.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['lambda:InvokeFunction'],
            resources: invokes.map((f) => f.functionArn),
          }),
        );
      }
      if (starts.length > 0) {
        stateMachine.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['states:StartExecution'],
            resources: starts.map((key) => stateMachineArn(this, key)),
          }),
        );
      }
      Validations.of(stateMachine).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'CloudWatch Logs delivery and X-Ray actions support no resource-level permissions.',
      });
      return stateMachine;
    };

    this.stateMachines = Object.fromEntries(stageWorkflowKeys.map((key) => [key, build(key)])) as Record<
      StageWorkflow,
      sfn.StateMachine
    >;
  }
}

/** Reads an ASL file, failing the synth on invalid JSON; returns it compact. */
const loadDefinition = (file: string): string => {
  try {
    return JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`Cannot load the workflow definition ${file}`, { cause: error });
  }
};

/** The `${Name}` substitution keys a definition uses, each once. */
const placeholders = (definition: string): string[] => [
  ...new Set([...definition.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] as string)),
];
