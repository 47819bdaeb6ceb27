import { historyQuery } from '#shared/api/queries';
import { caseStore } from '#shared/clients/store';
import { citizenId as citizenIdSchema } from '#shared/domain/case-file';
import { mayReadCase } from '#shared/domain/policy';
import { parseOrThrow } from '#shared/domain/validation';
import { httpHandler } from '#shared/http/handler';
import { jsonResponse } from '#shared/http/problem';
import { actorOf, pathParameter } from '#shared/http/request';

/**
 * GET /persons/{citizenId}/cases — every case of one person, newest first, so the officer filing
 * sees a relapse or an earlier compulsory measure.
 */
export const handler = httpHandler(async (event) => {
  const actor = actorOf(event);
  const citizenId = parseOrThrow(citizenIdSchema, pathParameter(event, 'citizenId'), 'citizenId');
  const query = parseOrThrow(historyQuery, event.queryStringParameters ?? {});
  const page = await caseStore().listCasesOfPerson(citizenId, query);
  // Only the cases this person's units handle are shown; the rest are counted, not described.
  const readable = page.items.filter((c) => mayReadCase(actor, c));
  const items = readable.map((c) => ({
    caseId: c.caseId,
    stage: c.stage,
    outcome: c.outcome,
    legalProfile: c.legalProfile,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    filingUnit: c.routing.filing,
    grounds: c.file.grounds,
    decision: c.decision,
    admittedOn: c.admittedOn,
    releasedOn: c.releasedOn,
  }));
  return jsonResponse(200, {
    citizenId,
    items,
    hidden: page.items.length - readable.length,
    cursor: page.cursor,
  });
});
