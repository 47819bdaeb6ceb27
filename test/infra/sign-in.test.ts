import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCaseApp, flatten, logicalIdOf } from './case-app';

/** Officers sign in on Cognito managed login (code flow with PKCE); docs/adr/0007-hosted-sign-in.md. */
describe('hosted sign-in', () => {
  let built: ReturnType<typeof buildCaseApp>;
  let assembly: CloudAssembly;
  let identity: Template;
  let web: Template;
  let service: Template;
  let webConfig: Template;
  /** `https://<the distribution's domain>/`, as the templates write it. */
  let webAddress: unknown;

  beforeAll(() => {
    built = buildCaseApp();
    assembly = built.app.synth();
    identity = Template.fromStack(built.identity);
    web = Template.fromStack(built.web);
    service = Template.fromStack(built.service);
    webConfig = Template.fromStack(built.webConfig);
    const distributionDomain = { 'Fn::GetAtt': [logicalIdOf(built.web.web.distribution), 'DomainName'] };
    webAddress = { 'Fn::Join': ['', ['https://', distributionDomain, '/']] };
  });

  it('synthesises every stack after the stacks it uses, with no cycle', () => {
    const dependencies = Object.fromEntries(
      assembly.stacks.map((stack) => [
        stack.stackName,
        stack.dependencies.map((d) => d.id).filter((id) => !id.endsWith('.assets')),
      ]),
    );
    const { data, identity: identityStack, web: webStack, service: serviceStack, webConfig: config } = built;
    expect(dependencies[identityStack.stackName]).toEqual([]);
    expect(dependencies[webStack.stackName]).toEqual([identityStack.stackName]);
    expect(dependencies[serviceStack.stackName]?.sort()).toEqual(
      [data.stackName, identityStack.stackName, webStack.stackName].sort(),
    );
    expect(dependencies[config.stackName]?.sort()).toEqual(
      [identityStack.stackName, serviceStack.stackName, webStack.stackName].sort(),
    );
  });

  it('gives the user pool a managed-login domain named after its stack', () => {
    identity.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    const [domain] = Object.values(identity.findResources('AWS::Cognito::UserPoolDomain'));
    expect(domain?.Properties).toMatchObject({
      ManagedLoginVersion: 2,
      UserPoolId: { Ref: logicalIdOf(built.identity.identity.userPool) },
    });
    // The stack name, then a group of the stack's GUID: prefixes are unique across all accounts.
    expect(flatten(domain?.Properties.Domain)).toMatch(/^compulsorytreatment-dev-identity-/);
  });

  it('lets the web client use only the authorization-code flow, back to the CloudFront address', () => {
    identity.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    web.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    web.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'profile', 'email'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [webAddress],
      LogoutURLs: [webAddress],
      GenerateSecret: false,
      EnableTokenRevocation: true,
    });
  });

  it('lets the web client read the unit but never write it', () => {
    const [client] = Object.values(web.findResources('AWS::Cognito::UserPoolClient'));
    expect(client?.Properties.ReadAttributes).toContain('custom:unit');
    expect(client?.Properties.WriteAttributes).not.toContain('custom:unit');
  });

  it('styles the client for managed login with Cognito’s own style', () => {
    web.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: { Ref: logicalIdOf(built.web.signIn.client) },
      UseCognitoProvidedValues: true,
    });
  });

  it('accepts the web client’s tokens at the API, from the web origin only', () => {
    const [authorizer] = Object.values(service.findResources('AWS::ApiGatewayV2::Authorizer'));
    const audience = authorizer?.Properties.JwtConfiguration.Audience as unknown[];
    expect(audience).toHaveLength(1);
    expect(flatten(audience)).toMatch(/CompulsoryTreatment-dev-Web.*SignInClient/);
    const [api] = Object.values(service.findResources('AWS::ApiGatewayV2::Api'));
    const cors = api?.Properties.CorsConfiguration;
    expect(cors.AllowOrigins).toHaveLength(1);
    expect(flatten(cors.AllowOrigins)).toMatch(/^https:\/\/.*CompulsoryTreatment-dev-Web.*WebDistribution/);
    expect(cors.AllowHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(cors.AllowCredentials).toBeUndefined();
  });

  it('writes config.json with the API URL, the sign-in domain and the client id, then invalidates it', () => {
    const [deployment] = Object.values(webConfig.findResources('Custom::CDKBucketDeployment'));
    const properties = deployment?.Properties;
    expect(properties).toMatchObject({
      Prune: false,
      DistributionPaths: ['/config.json'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DestinationBucketName: {
        'Fn::Join': ['', ['compulsorytreatment-dev-web-ui-', { Ref: 'AWS::AccountId' }]],
      },
    });
    // The file as staged for upload, its markers replaced by what CloudFormation puts there.
    const [objectKey] = properties.SourceObjectKeys as string[];
    const staged = join(assembly.directory, `asset.${objectKey?.replace(/\.zip$/, '')}`, 'config.json');
    const markers = properties.SourceMarkers[0] as Record<string, unknown>;
    const config = JSON.parse(readFileSync(staged, 'utf8')) as Record<string, string>;
    const written = (key: string) => flatten(markers[config[key] as string] ?? config[key]);
    expect(Object.keys(config).sort()).toEqual(['apiUrl', 'clientId', 'cognitoDomain', 'mode']);
    expect(config.mode).toBe('aws');
    expect(written('apiUrl')).toMatch(/CompulsoryTreatment-dev-Service.*HttpApi.*ApiEndpoint/);
    expect(written('clientId')).toMatch(/CompulsoryTreatment-dev-Web.*SignInClient/);
    expect(written('cognitoDomain')).toMatch(/CompulsoryTreatment-dev-Identity.*SignInDomain/);
    expect(written('cognitoDomain')).toMatch(/\.auth\..*\.amazoncognito\.com/);
  });

  it('leaves config.json alone when it deploys the built UI', () => {
    const [deployment] = Object.values(web.findResources('Custom::CDKBucketDeployment'));
    expect(deployment?.Properties).toMatchObject({ Prune: true, Exclude: ['config.json'] });
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(1);
  });

  it('names the UI bucket after the web stack, as the configuration step does', () => {
    web.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: { 'Fn::Join': ['', ['compulsorytreatment-dev-web-ui-', { Ref: 'AWS::AccountId' }]] },
    });
  });
});
