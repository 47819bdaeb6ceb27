import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, backgroundFunctions } from '#infra/routes';
import type { ServiceStack } from '#infra/stacks/service-stack';
import {
  actionsOf,
  buildCaseApp,
  flatten,
  logicalIdOf,
  type PolicyStatement,
  statementsOfRole,
} from './case-app';

describe('function permissions', () => {
  let service: ServiceStack;
  let template: Template;
  const functionNames = [...apiRoutes.map((route) => route.functionName), ...backgroundFunctions];
  const statementsOf = (name: string): PolicyStatement[] =>
    statementsOfRole(template, logicalIdOf(service.functions.get(name).role));
  const whoMay = (action: string): string[] =>
    functionNames.filter((name) => actionsOf(statementsOf(name)).includes(action)).sort();
  const resourcesFor = (name: string, action: string): string[] =>
    statementsOf(name)
      .filter((statement) => actionsOf([statement]).includes(action))
      .flatMap((statement) => (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]))
      .map(flatten);

  beforeAll(() => {
    ({ service } = buildCaseApp());
    template = Template.fromStack(service);
  });

  it('lets only perform-action, open-task and the reconciler (completing a task performed before a crash) complete a waiting task', () => {
    const completers = ['open-task', 'perform-action', 'reconcile-workflows'];
    expect(whoMay('states:SendTaskSuccess')).toEqual(completers);
    expect(whoMay('states:SendTaskFailure')).toEqual(completers);
  });

  it('lets only create-case, perform-action, fire-timers, open-task (a wait near its limit) and the reconciler start a stage', () => {
    expect(whoMay('states:StartExecution')).toEqual([
      'create-case',
      'fire-timers',
      'open-task',
      'perform-action',
      'reconcile-workflows',
    ]);
    expect(resourcesFor('create-case', 'states:StartExecution')).toEqual([
      `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:stateMachine:${service.stackName}-CaseFiling`,
    ]);
  });

  it("lets only get-case-history and the auditors' export read execution histories", () => {
    expect(whoMay('states:GetExecutionHistory')).toEqual(['export-case-history', 'get-case-history']);
    // perform-action and the reconciler ask only an execution's status, to tell a dead token.
    expect(whoMay('states:DescribeExecution')).toEqual([
      'export-case-history',
      'get-case-history',
      'perform-action',
      'reconcile-workflows',
    ]);
    expect(whoMay('states:ListExecutions')).toEqual(['reconcile-workflows']);
    for (const resource of resourcesFor('get-case-history', 'states:GetExecutionHistory')) {
      expect(resource).toMatch(new RegExp(`:execution:${service.stackName}-Case\\w+:\\*$`));
    }
  });

  it('keeps the reading functions from writing the table', () => {
    for (const name of [
      'list-cases',
      'list-my-tasks',
      'get-person-cases',
      'list-overdue-tasks',
      'list-case-reads',
      'get-unit-indicators',
    ]) {
      expect(actionsOf(statementsOf(name))).toContain('dynamodb:Query');
      const writes = actionsOf(statementsOf(name)).filter((action) =>
        /^dynamodb:(Put|Update|Delete|BatchWrite)|^kms:(Encrypt|GenerateDataKey)/.test(action),
      );
      expect(writes).toEqual([]);
    }
  });

  it('lets the functions that open a case append to its read log, and nothing more', () => {
    for (const name of ['get-case', 'get-case-history', 'verify-case-history', 'export-case-history']) {
      const writes = actionsOf(statementsOf(name)).filter((action) =>
        /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(action),
      );
      expect(writes, name).toEqual(['dynamodb:PutItem']);
    }
  });

  it('gives the open routes no table access at all', () => {
    expect(whoMay('dynamodb:GetItem')).not.toContain('health');
    expect(whoMay('dynamodb:GetItem')).not.toContain('get-openapi');
  });

  it('lets only the health check describe the table and the state machines, and it reads nothing else', () => {
    expect(whoMay('dynamodb:DescribeTable')).toEqual(['health']);
    expect(whoMay('states:DescribeStateMachine')).toEqual(['health']);
    expect(actionsOf(statementsOf('health'))).toEqual(
      expect.not.arrayContaining([
        'dynamodb:Query',
        'dynamodb:GetItem',
        'kms:Decrypt',
        'states:DescribeExecution',
      ]),
    );
  });

  it('lets the issuing functions add documents and only get-document read them; nobody deletes one', () => {
    expect(whoMay('s3:PutObject')).toEqual([
      'correct-document',
      'create-case',
      'get-document',
      'perform-action',
      'system-step',
    ]);
    expect(whoMay('s3:GetObject')).toEqual(['get-document']);
    expect(whoMay('s3:DeleteObject')).toEqual([]);
    expect(whoMay('s3:PutObjectRetention')).toEqual([]);
    for (const resource of resourcesFor('perform-action', 's3:PutObject')) {
      expect(resource).toMatch(/\/documents\/\*$/);
    }
  });

  it('never allows a table scan', () => {
    expect(whoMay('dynamodb:Scan')).toEqual([]);
  });

  it('names each index instead of granting index/*', () => {
    const resources = resourcesFor('list-cases', 'dynamodb:Query');
    expect(resources.some((resource) => resource.endsWith('/index/GSI1'))).toBe(true);
    expect(resources.filter((resource) => resource.includes('*'))).toEqual([]);
  });

  it('grants "*" resources only for actions that have no resource-level permissions', () => {
    const allowedOnStar =
      /^(xray:|logs:(Create|Get|Update|Delete|List)LogDelivery|logs:ListLogDeliveries|logs:(PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups)$)/;
    for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
      for (const statement of policy.Properties.PolicyDocument.Statement as PolicyStatement[]) {
        if (statement.Resource !== '*') continue;
        for (const action of actionsOf([statement])) expect(action).toMatch(allowedOnStar);
      }
    }
  });
});
