import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';

/** GET /health — liveness, no authentication. */
export const handler = httpHandler(async () => jsonResponse(200, { status: 'ok' }));
