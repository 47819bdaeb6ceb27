import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { ForbiddenError } from '../errors';
import type { CaseRead } from './case';
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
export function assertMaySeeReads(actor: Actor): void {
  if (actor.role !== 'auditor' && actor.role !== 'admin') {
    throw new ForbiddenError('Chỉ thanh tra viên được xem nhật ký truy cập hồ sơ.', {
      requiredRole: 'auditor',
      role: actor.role,
    });
  }
}
