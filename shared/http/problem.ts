import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../clients/logger';
import { countConflict } from '../clients/metrics';
import { ApprovalError } from '../errors';

/**
 * The one place where errors become HTTP responses: `application/problem+json` (RFC 9457).
 * 4xx details are shown; anything else is a generic 500 with no stack or message.
 */
export function problemJson(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const error = request.error;
      const instance = request.event?.rawPath;
      if (error instanceof ApprovalError) {
        // Two people acting on one case at once: the one who lost is told so, and operators see how often.
        if (error.status === 409) countConflict(request.event?.routeKey ?? 'unknown');
        if (error.status >= 500)
          logger.error('dependency failed', { errorName: error.name, cause: String(error.cause) });
        request.response = problemResponse(error.status, {
          type: `about:blank`,
          title: error.title,
          status: error.status,
          detail: error.message,
          instance,
          ...error.details,
        });
        request.response.headers = { ...request.response.headers, ...error.headers };
        return;
      }
      logger.error('unhandled error', { errorName: error?.name, message: error?.message });
      request.response = problemResponse(500, {
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'Đã có lỗi trong hệ thống; yêu cầu chưa được thực hiện.',
        instance,
      });
    },
  };
}

export const problemResponse = (
  status: number,
  body: Record<string, unknown>,
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  body: JSON.stringify(body),
});

export const jsonResponse = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/** A file answer: CSV text as is, PDF bytes base64-encoded (API Gateway decodes them). */
export const fileResponse = (
  file: { name: string; disposition?: 'attachment' | 'inline'; headers?: Record<string, string> } & (
    | { csv: string }
    | { pdf: Uint8Array }
  ),
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 200,
  headers: {
    'content-type': 'csv' in file ? 'text/csv; charset=utf-8' : 'application/pdf',
    'content-disposition': `${file.disposition ?? 'attachment'}; filename="${file.name}"`,
    ...file.headers,
  },
  ...('csv' in file
    ? { body: file.csv }
    : { body: Buffer.from(file.pdf).toString('base64'), isBase64Encoded: true }),
});
