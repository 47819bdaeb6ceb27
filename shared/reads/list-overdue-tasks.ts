import { taskLine } from '../domain/case-views';
import { assertMayListOverdue } from '../domain/policy';
import type { Actor } from '../domain/roles';
import { units } from '../domain/units';
import { NotFoundError } from '../errors';
import type { ReadDeps } from './deps';

/** The missed deadlines escalated to a supervising unit, to those who oversee it. */
export async function listOverdueTasks(
  { store }: Pick<ReadDeps, 'store'>,
  actor: Actor,
  unitId: string,
  query: { limit: number; cursor?: string },
) {
  if (!units.has(unitId)) throw new NotFoundError(`Không có đơn vị ${unitId}.`);
  assertMayListOverdue(actor, unitId);
  const page = await store.listOverdueTasks(unitId, query);
  const items = page.items.map((task) => ({ ...taskLine(task), escalatedAt: task.escalatedAt }));
  return { unitId, items, cursor: page.cursor };
}
