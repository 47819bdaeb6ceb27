import { mayReadCase } from '../domain/policy';
import type { Actor } from '../domain/roles';
import type { ReadDeps } from './deps';

/**
 * Every case of one person, newest first, so the officer filing sees a relapse or an earlier
 * compulsory measure. Only the cases the asker's units handle are described; the rest are counted.
 */
export async function getPersonCases(
  { store }: Pick<ReadDeps, 'store'>,
  actor: Actor,
  citizenId: string,
  query: { limit: number; cursor?: string },
) {
  const page = await store.listCasesOfPerson(citizenId, query);
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
  return { citizenId, items, hidden: page.items.length - readable.length, cursor: page.cursor };
}
