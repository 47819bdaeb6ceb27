import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

/** An API Gateway HTTP API (payload v2) event, as the JWT authorizer hands it to a handler. */
export function apiEvent(options: {
  method: string;
  path: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  claims?: Record<string, unknown> | null;
}): APIGatewayProxyEventV2 {
  const claims =
    options.claims === null
      ? undefined
      : (options.claims ?? {
          sub: 'police-dong-phong',
          name: 'Nguyễn Văn An',
          'cognito:groups': '[police]',
          'custom:unit': 'p-dong-phong',
        });
  return {
    version: '2.0',
    routeKey: `${options.method} ${options.path}`,
    rawPath: options.path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...options.headers },
    queryStringParameters: options.query,
    pathParameters: options.pathParameters,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'example.com',
      domainPrefix: 'api',
      http: {
        method: options.method,
        path: options.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'req-1',
      routeKey: `${options.method} ${options.path}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      ...(claims && { authorizer: { jwt: { claims, scopes: [] } } }),
    },
  } as APIGatewayProxyEventV2;
}

export const lambdaContext = { functionName: 'test', awsRequestId: 'req-1' } as Context;

/** The environment the handlers read at start-up, as the CDK stack sets it (AWS calls are mocked). */
export function useHandlerEnvironment(): void {
  const arn = (name: string) => `arn:aws:states:ap-southeast-1:123456789012:stateMachine:${name}`;
  Object.assign(process.env, {
    TABLE_NAME: 'Cases',
    DOCUMENTS_BUCKET: 'case-documents',
    STATE_MACHINE_ARNS: JSON.stringify({
      filing: arn('CaseFiling'),
      admission: arn('CaseAdmission'),
      release: arn('CaseRelease'),
      supervisionEnd: arn('CaseSupervisionEnd'),
    }),
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  });
}
