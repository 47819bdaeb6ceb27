import { caseCommands } from '#shared/clients/commands';
import { documentIssuer } from '#shared/clients/issuer';
import { logger } from '#shared/clients/logger';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, idempotencyKeyOf, jsonBody } from '#shared/http/request';

/** POST /cases — commune police compile a file; the filing workflow starts. */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const result = await caseCommands({ issuer: documentIssuer() }).openCase(
    actor,
    jsonBody(event),
    idempotencyKeyOf(event),
  );
  logger.info('case opened', { caseId: result.body.caseId, replayed: result.replayed });
  return jsonResponse(result.status, result.body, {
    location: `/cases/${result.body.caseId}`,
    ...(result.replayed && { 'idempotent-replayed': 'true' }),
  });
});
