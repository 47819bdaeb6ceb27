import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../clients/logger';
import { metrics } from '../clients/metrics';
import { tracer } from '../clients/tracer';
import { problemJson } from './problem';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/**
 * Publishes what the invocation recorded (`metrics.addMetric`) at its end, error or not. Unlike
 * Powertools' `logMetrics`, an invocation that recorded nothing (most reads) writes nothing:
 * `logMetrics` warns "No application metrics to publish" on each, even with metrics disabled.
 */
const publishMetrics = (): MiddlewareObj => {
  const publish = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: publish, onError: publish };
};

/**
 * The invocation as an X-Ray subsegment (`## index.handler`), in Lambda only (shared/clients/tracer.ts).
 * Responses are not recorded: they carry names, citizen ids and health data (Decree 13/2023/NĐ-CP).
 */
const traceInvocation = (): MiddlewareObj[] =>
  tracer ? [captureLambdaHandler(tracer, { captureResponse: false })] : [];

/**
 * Wraps an API handler in the house middleware: the invocation traced, the Lambda context in every
 * log line, the invocation's metrics published at its end, lower-cased headers, problem+json errors.
 */
export const httpHandler = (fn: (event: HttpEvent) => Promise<HttpResult>) =>
  middy<HttpEvent, HttpResult>()
    .use(traceInvocation())
    .use(injectLambdaContext(logger))
    .use(publishMetrics())
    .use(httpHeaderNormalizer())
    .use(problemJson())
    .handler(fn);

/** The same for the functions the workflows and the scheduler invoke. */
export const systemHandler = <E, R>(fn: (event: E) => Promise<R>) =>
  middy<E, R>().use(traceInvocation()).use(injectLambdaContext(logger)).use(publishMetrics()).handler(fn);
