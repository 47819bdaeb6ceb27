import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { problemJson } from './problem';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** Wraps an API handler in the house middleware: lower-cased headers, problem+json errors. */
export const httpHandler = (fn: (event: HttpEvent) => Promise<HttpResult>) =>
  middy<HttpEvent, HttpResult>().use(httpHeaderNormalizer()).use(problemJson()).handler(fn);
