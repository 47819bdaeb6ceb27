import { caseCommands } from '#shared/clients/commands';
import { documentIssuer } from '#shared/clients/issuer';
import { logger } from '#shared/clients/logger';
import { countActionPerformed } from '#shared/clients/metrics';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, idempotencyKeyOf, jsonBody, pathParameter } from '#shared/http/request';

/**
 * POST /cases/{id}/actions/{action} — a person performs a pending step of the case. What the step
 * is (who, input, rule, documents) is its module, shared/pipeline/actions/<action>.ts; its state
 * is in workflows/*.asl.json; CaseCommands.performAction checks, applies and commits it.
 */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const caseId = pathParameter(event, 'id');
  const action = pathParameter(event, 'action');
  const result = await caseCommands({ issuer: documentIssuer() }).performAction(
    actor,
    caseId,
    action,
    jsonBody(event),
    idempotencyKeyOf(event),
  );
  logger.info('action performed', {
    caseId,
    action,
    version: result.body.version,
    replayed: result.replayed,
  });
  if (!result.replayed) countActionPerformed(action);
  return jsonResponse(result.status, result.body, result.replayed ? { 'idempotent-replayed': 'true' } : {});
});
