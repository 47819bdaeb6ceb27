import { mayReadCase } from '../domain/policy';
import { assertMaySeeReads } from '../domain/reads';
import type { Actor } from '../domain/roles';
import { ForbiddenError, NotFoundError } from '../errors';
import type { ReadDeps } from './deps';

/** Who opened a case, its history or its verification, newest first: auditors of its units only. */
export async function listCaseReads(
  { store }: Pick<ReadDeps, 'store'>,
  actor: Actor,
  caseId: string,
  query: { limit: number; cursor?: string },
) {
  assertMaySeeReads(actor);
  const found = await store.getCase(caseId);
  if (!found) throw new NotFoundError(`Không tìm thấy hồ sơ ${caseId}.`);
  if (!mayReadCase(actor, found.record)) {
    throw new ForbiddenError('Hồ sơ không thuộc phạm vi thanh tra của đơn vị bạn.', { unit: actor.unitId });
  }
  const page = await store.listReads(caseId, query);
  return { caseId, items: page.items, cursor: page.cursor };
}
