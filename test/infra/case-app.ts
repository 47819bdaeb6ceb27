import { readFileSync } from 'node:fs';
import { App, type CfnResource, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { addCaseStacks } from '#infra/stacks/case-app';

/**
 * The app as `cdk synth` builds it (same cdk.json context and feature flags), except that no stack is
 * bundled and CDK's built-in CloudFormation schema check is off: template assertions need the resources,
 * not the code, and those two steps take most of a synth (`npm run synth` still runs both).
 */
export const buildCaseApp = (context: Record<string, unknown> = {}) => {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const app = new App({
    builtinCloudFormationValidation: false,
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context },
  });
  return { app, ...addCaseStacks(app) };
};

/** The logical id of a construct's CloudFormation resource (an L2's default child). */
export const logicalIdOf = (construct: IConstruct): string => {
  const resource = (construct.node.defaultChild ?? construct) as CfnResource;
  return Stack.of(construct).getLogicalId(resource);
};

export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of the policies attached to a role, by the role's logical id. */
export const statementsOfRole = (template: Template, roleLogicalId: string): PolicyStatement[] =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) =>
      (policy.Properties.Roles as unknown[]).some(
        (role) => JSON.stringify(role) === JSON.stringify({ Ref: roleLogicalId }),
      ),
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[]);

export const actionsOf = (statements: readonly PolicyStatement[]): string[] =>
  statements.flatMap((statement) =>
    Array.isArray(statement.Action) ? statement.Action : [statement.Action],
  );

/**
 * Flattens a CloudFormation value to a readable string, as cdk-nag does: `{ "Fn::GetAtt": ["Fn", "Arn"] }`
 * becomes `<Fn.Arn>`, `{ Ref: "AWS::Region" }` becomes `<AWS::Region>`, joins are joined.
 */
export const flatten = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(flatten).join(',');
  const node = value as Record<string, unknown>;
  if (node['Fn::Join']) {
    const [delimiter, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map(flatten).join(delimiter);
  }
  if (node['Fn::GetAtt']) return `<${(node['Fn::GetAtt'] as string[]).join('.')}>`;
  if (node.Ref) return `<${node.Ref as string}>`;
  return JSON.stringify(value);
};
