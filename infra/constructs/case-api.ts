import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HttpRouteSpec } from './api-routes';

export interface CaseApiRoute {
  readonly spec: HttpRouteSpec;
  readonly handler: lambda.IFunction;
}

export interface CaseApiProps {
  readonly routes: readonly CaseApiRoute[];
  readonly userPool: cognito.IUserPool;
  /** The clients whose tokens the API accepts (their id is the token's audience). */
  readonly userPoolClients: readonly cognito.IUserPoolClient[];
  /**
   * The browser origins allowed to call the API (CORS), e.g. the web UI's `https://d111.cloudfront.net`.
   * @default no CORS: only same-origin pages and non-browser clients
   */
  readonly allowedOrigins?: readonly string[];
  /** @default { rateLimit: 50, burstLimit: 100 } requests per second for the whole stage */
  readonly throttle?: apigw.ThrottleSettings;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly accessLogRetention?: logs.RetentionDays;
}

/**
 * The HTTP API (payload format 2.0): one Lambda integration per route, the Cognito JWT authorizer on
 * every route marked `authenticated` in shared/api/routes.ts (and as the API's default), throttling and JSON access logs on the
 * `$default` stage. Access logs name the route, never the path or query, which may carry case data.
 */
export class CaseApi extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: CaseApiProps) {
    super(scope, id);

    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
      userPoolClients: [...props.userPoolClients],
    });
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Compulsory drug-treatment case workflow',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      // API Gateway answers the preflight itself, before any authorizer; no cookies, so no credentials.
      corsPreflight: props.allowedOrigins?.length
        ? {
            allowOrigins: [...props.allowedOrigins],
            allowMethods: [
              ...new Set(props.routes.map(({ spec }) => apigw.CorsHttpMethod[spec.trigger.route.method])),
            ],
            allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
            exposeHeaders: ['content-disposition', 'etag'],
            maxAge: Duration.hours(1),
          }
        : undefined,
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? logs.RetentionDays.ONE_YEAR,
    });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            sourceIp: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            userId: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });

    for (const { spec, handler } of props.routes) {
      const { method, path, authenticated } = spec.trigger.route;
      const [route] = this.httpApi.addRoutes({
        path,
        methods: [apigw.HttpMethod[method]],
        integration: new HttpLambdaIntegration(`${spec.name}Integration`, handler),
        authorizer: authenticated ? authorizer : new apigw.HttpNoneAuthorizer(),
      });
      if (!authenticated && route) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${method} ${path} is public by design (liveness probe / API description) and returns no case data.`,
        });
      }
    }
  }

  /** The API's base URL. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
