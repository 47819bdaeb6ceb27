import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFunctionSpecs, functionAccess } from '#infra/constructs/api-routes';
import { apiRoutes, backgroundFunctions } from '#infra/routes';
import type { ServiceStack } from '#infra/stacks/service-stack';
import { stageWorkflowKeys } from '#shared/names';
import { buildCaseApp, logicalIdOf } from './case-app';

describe('CaseFunctions', () => {
  let service: ServiceStack;
  let template: Template;
  const functionNames = [...apiRoutes.map((route) => route.functionName), ...backgroundFunctions];
  const functionProperties = (name: string) => {
    const logicalId = logicalIdOf(service.functions.get(name).function);
    const resource = template.findResources('AWS::Lambda::Function')[logicalId];
    if (!resource) throw new Error(`no function ${logicalId}`);
    return resource.Properties;
  };

  beforeAll(() => {
    ({ service } = buildCaseApp());
    template = Template.fromStack(service);
  });

  it.each(functionNames)('runs functions/%s on Node.js 22, arm64, with active tracing', (name) => {
    expect(functionProperties(name)).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
    });
  });

  it.each(functionNames)('gives functions/%s the environment the app config requires', (name) => {
    const variables = functionProperties(name).Environment.Variables;
    const renders = [
      'create-case',
      'perform-action',
      'system-step',
      'correct-document',
      'get-document',
      'export-case-history',
      'get-unit-indicators',
    ];
    expect(Object.keys(variables).sort()).toEqual(
      [
        'DOCUMENTS_BUCKET',
        'LOG_LEVEL',
        'NODE_OPTIONS',
        'POWERTOOLS_METRICS_NAMESPACE',
        'POWERTOOLS_SERVICE_NAME',
        'STATE_MACHINE_ARNS',
        'TABLE_NAME',
        // The bundle carries the font files beside it.
        ...(renders.includes(name) ? ['DOCUMENT_FONTS_DIR'] : []),
      ].sort(),
    );
    expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
    expect(variables.LOG_LEVEL).toBe('INFO');
    expect(variables.POWERTOOLS_METRICS_NAMESPACE).toBe('CompulsoryTreatment');
  });

  it('hands every function a STATE_MACHINE_ARNS object keyed by stage workflow', () => {
    const joined =
      functionProperties('perform-action').Environment.Variables.STATE_MACHINE_ARNS['Fn::Join'][1];
    const json = (joined as unknown[]).map((part) => (typeof part === 'string' ? part : 'X')).join('');
    const arns = JSON.parse(json) as Record<string, string>;
    expect(Object.keys(arns)).toEqual(stageWorkflowKeys);
    for (const key of stageWorkflowKeys)
      expect(arns[key]).toMatch(/^arn:X:states:X:X:stateMachine:.+-Case\w+$/);
  });

  it('keeps every log group for a bounded time', () => {
    for (const logGroup of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
      expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it('attaches no AWS managed policy to any function role', () => {
    template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });

  it('runs fire-timers every minute', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalIdOf(service.functions.get('fire-timers').function), 'Arn'] },
        }),
      ],
    });
  });

  it('runs the workflow reconciler every five minutes', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        Match.objectLike({
          Arn: {
            'Fn::GetAtt': [logicalIdOf(service.functions.get('reconcile-workflows').function), 'Arn'],
          },
        }),
      ],
    });
  });
});

describe('buildFunctionSpecs', () => {
  const route = { method: 'GET', path: '/x', functionName: 'get-x', authenticated: true } as const;

  it('joins each route with its access line', () => {
    const [spec] = buildFunctionSpecs([route], [], { 'get-x': { table: 'read' } });
    expect(spec).toMatchObject({ name: 'get-x', table: 'read', trigger: { kind: 'http', route } });
  });

  it('refuses a route whose function has no access line', () => {
    expect(() => buildFunctionSpecs([route], [], {})).toThrow(
      /functions\/get-x has no line in functionAccess/,
    );
  });

  it('refuses an access line that no route or job uses', () => {
    expect(() => buildFunctionSpecs([], [], { stale: { table: 'none' } })).toThrow(
      /no route or job uses: stale/,
    );
  });

  it('refuses a background function that nothing would invoke', () => {
    expect(() => buildFunctionSpecs([], ['orphan'], { orphan: { table: 'none' } })).toThrow(
      /nothing would invoke it/,
    );
  });

  it('schedules a background function that states a rate', () => {
    const [spec] = buildFunctionSpecs([], ['tick'], { tick: { table: 'none', every: Duration.minutes(5) } });
    expect(spec?.trigger.kind).toBe('schedule');
  });

  it('covers every function of infra/routes.ts', () => {
    expect(
      buildFunctionSpecs()
        .map((spec) => spec.name)
        .sort(),
    ).toEqual(Object.keys(functionAccess).sort());
  });
});
