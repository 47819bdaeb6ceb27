import { openApiDocument } from '#shared/api/openapi';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';

/** GET /openapi.json — generated from the zod schemas, never written by hand. */
export const handler = httpHandler(async () => jsonResponse(200, openApiDocument()));
