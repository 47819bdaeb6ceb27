import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../clients/logger';
import { metrics } from '../clients/metrics';
import { problemJson } from './problem';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/**
 * Wraps an API handler in the house middleware: the Lambda context in every log line, the
 * invocation's metrics published at its end, lower-cased headers, problem+json errors.
 */
export const httpHandler = (fn: (event: HttpEvent) => Promise<HttpResult>) =>
  middy<HttpEvent, HttpResult>()
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics))
    .use(httpHeaderNormalizer())
    .use(problemJson())
    .handler(fn);

/** The same for the functions the workflows and the scheduler invoke. */
export const systemHandler = <E, R>(fn: (event: E) => Promise<R>) =>
  middy<E, R>().use(injectLambdaContext(logger)).use(logMetrics(metrics)).handler(fn);
