import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiEvent, lambdaContext, useHandlerEnvironment } from '../support/api-event';

/** Switches on what Lambda sets, so that shared/clients/tracer.ts loads the Tracer. */
const actAsLambda = () => {
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'get-case');
  vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs22.x');
  vi.stubEnv('_HANDLER', 'index.handler');
};

describe('X-Ray tracing', () => {
  beforeEach(() => {
    useHandlerEnvironment();
    vi.resetModules();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('is off outside Lambda: no tracer, clients unchanged', async () => {
    const { tracer, traced } = await import('../../shared/clients/tracer');
    const client = new DynamoDBClient({ region: 'ap-southeast-1' });

    expect(tracer).toBeUndefined();
    expect(traced(client)).toBe(client);
    expect(client.middlewareStack.identify().join()).not.toContain('XRay');

    const { httpHandler } = await import('../../shared/http/handler');
    const handler = httpHandler(async () => ({ statusCode: 204 }));
    expect((await handler(apiEvent({ method: 'GET', path: '/health' }), lambdaContext)).statusCode).toBe(204);
  });

  it('is off in Lambda when POWERTOOLS_TRACE_ENABLED is false', async () => {
    actAsLambda();
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'false');
    const { tracer } = await import('../../shared/clients/tracer');
    expect(tracer).toBeUndefined();
  });

  it('captures the DynamoDB, Step Functions and S3 clients in Lambda', async () => {
    actAsLambda();
    const { tracer } = await import('../../shared/clients/tracer');
    if (!tracer) throw new Error('the tracer should load in Lambda');
    const capture = vi.spyOn(tracer, 'captureAWSv3Client');

    const { caseStore } = await import('../../shared/clients/store');
    const { workflowEngine } = await import('../../shared/clients/engine');
    const { documentBlobs } = await import('../../shared/clients/blobs');
    caseStore();
    workflowEngine();
    documentBlobs();

    expect(tracer.isTracingEnabled()).toBe(true);
    const clients = capture.mock.results.map((result) => result.value as { middlewareStack: unknown });
    expect(clients).toEqual([expect.any(DynamoDBClient), expect.any(SFNClient), expect.any(S3Client)]);
    for (const client of clients as DynamoDBClient[]) {
      expect(client.middlewareStack.identify().join()).toContain('XRaySDKInstrumentation');
    }
  });

  it('opens a subsegment for each invocation and records no response', async () => {
    actAsLambda();
    const { tracer } = await import('../../shared/clients/tracer');
    if (!tracer) throw new Error('the tracer should load in Lambda');
    const handlerSegment = { close: vi.fn() };
    const lambdaSegment = { addNewSubsegment: vi.fn(() => handlerSegment) };
    vi.spyOn(tracer, 'getSegment').mockReturnValue(lambdaSegment as never);
    const setSegment = vi.spyOn(tracer, 'setSegment').mockImplementation(() => undefined);
    vi.spyOn(tracer, 'annotateColdStart').mockImplementation(() => undefined);
    vi.spyOn(tracer, 'addServiceNameAnnotation').mockImplementation(() => undefined);
    const recordResponse = vi.spyOn(tracer, 'addResponseAsMetadata');

    const { httpHandler } = await import('../../shared/http/handler');
    const handler = httpHandler(async () => ({ statusCode: 200, body: '{"person":"Nguyễn Văn A"}' }));
    const response = await handler(apiEvent({ method: 'GET', path: '/cases/{id}' }), lambdaContext);

    expect(response.statusCode).toBe(200);
    expect(lambdaSegment.addNewSubsegment).toHaveBeenCalledWith('## index.handler');
    expect(setSegment).toHaveBeenNthCalledWith(1, handlerSegment);
    expect(handlerSegment.close).toHaveBeenCalledOnce();
    expect(setSegment).toHaveBeenLastCalledWith(lambdaSegment);
    expect(recordResponse).not.toHaveBeenCalled();
  });
});
