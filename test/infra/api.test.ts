import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '#infra/routes';
import { roles } from '#shared/domain/roles';
import { buildCaseApp, logicalIdOf } from './case-app';

describe('CaseApi', () => {
  let template: Template;
  let authorizerId: string;
  const routeKey = (route: (typeof apiRoutes)[number]) => `${route.method} ${route.path}`;
  const routeProperties = (key: string) => {
    const found = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).find(
      (route) => route.Properties.RouteKey === key,
    );
    if (!found) throw new Error(`no route ${key}`);
    return found.Properties;
  };

  beforeAll(() => {
    const { service } = buildCaseApp();
    template = Template.fromStack(service);
    authorizerId = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'))[0] as string;
  });

  it('serves payload format 2.0 from Lambda for every route of infra/routes.ts', () => {
    for (const route of apiRoutes) expect(routeProperties(routeKey(route)).Target).toBeDefined();
    template.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it.each(apiRoutes.filter((route) => route.authenticated).map(routeKey))(
    'requires a Cognito JWT on %s',
    (key) => {
      expect(routeProperties(key)).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
      });
    },
  );

  it.each(['GET /health', 'GET /openapi.json'])('leaves %s open, without an authorizer', (key) => {
    const properties = routeProperties(key);
    expect(properties.AuthorizationType).toBe('NONE');
    expect(properties.AuthorizerId).toBeUndefined();
  });

  it('accepts only tokens that the user pool issued to the web client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', Match.arrayWith(['https://cognito-idp.'])] },
        Audience: [Match.anyValue()],
      },
    });
  });

  it('throttles the stage and writes JSON access logs that name the route, not the path', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"routeKey"') },
    });
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    const format = JSON.parse(stage?.Properties.AccessLogSettings.Format) as Record<string, string>;
    expect(format.requestId).toBe('$context.requestId');
    expect(Object.values(format)).not.toContain('$context.path');
  });

  it('alarms on server errors', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5xx',
      Namespace: 'AWS/ApiGateway',
    });
  });
});

describe('CaseIdentity', () => {
  let template: Template;
  let userPoolId: string;

  beforeAll(() => {
    const { identity } = buildCaseApp();
    template = Template.fromStack(identity);
    userPoolId = logicalIdOf(identity.identity.userPool);
  });

  it('lets officers in only by invitation, with MFA and a strong password', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
      UserPoolTier: 'PLUS',
    });
  });

  it.each(roles)('has a %s group', (role) => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: role,
      UserPoolId: { Ref: userPoolId },
    });
  });

  it('records each officer unit in the custom attribute unit', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'unit', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('keeps the user pool when the stack goes', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });
});
