import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { NotFoundError } from '../errors';
import type { CaseEvent, CaseRead, CaseRecord, PendingTask } from './case';
import { assertMayAudit, assertMayReadCase } from './policy';
import type { CaseStore } from './ports';
import type { Actor } from './roles';

/**
 * Reads of a case are recorded too (Decree 13/2023/NĐ-CP: health data is sensitive): who opened a
 * case, its history or its verification, and when. The read is recorded before the data is sent.
 */
export async function recordRead(
  deps: { store: CaseStore; clock: Clock },
  actor: Actor,
  caseId: string,
  what: CaseRead['what'],
): Promise<void> {
  await deps.store.recordRead({
    caseId,
    readId: randomUUID(),
    at: deps.clock.now().toISOString(),
    actor: { userId: actor.userId, role: actor.role, unitId: actor.unitId },
    what,
  });
}

/** Only auditors (and administrators) see who read a case. */
export const assertMaySeeReads = assertMayAudit;

/**
 * Opens a case for someone: it must exist, their unit must handle it (or, for auditors, lie within
 * their unit), and the read is recorded before anything is returned.
 */
export async function openCaseFor(
  deps: { store: CaseStore; clock: Clock },
  actor: Actor,
  caseId: string,
  what: CaseRead['what'],
): Promise<{ record: CaseRecord; tasks: PendingTask[] }> {
  const found = await deps.store.getCase(caseId);
  if (!found) throw new NotFoundError(`Không tìm thấy hồ sơ ${caseId}.`);
  assertMayReadCase(actor, found.record);
  await recordRead(deps, actor, caseId, what);
  return found;
}

/** Every event of a case, in order (verification and export need the whole chain). */
export async function allEvents(store: CaseStore, caseId: string): Promise<CaseEvent[]> {
  const events: CaseEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listEvents(caseId, { limit: 500, cursor });
    events.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return events;
}
