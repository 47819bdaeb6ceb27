import type * as z from 'zod';
import type { listCasesQuery } from '../api/queries';
import {
  ancestorsOf,
  type CaseListItem,
  communesWithin,
  readableCommunes,
  toCaseListItem,
} from '../domain/case-list';
import { vietnamDate } from '../domain/dates';
import { foldName } from '../domain/name-search';
import { mayListUnit, mayReadCase } from '../domain/policy';
import type { CaseStore } from '../domain/ports';
import { type Actor, searchRoles } from '../domain/roles';
import { ruleViolation } from '../domain/validation';
import { ForbiddenError } from '../errors';
import type { ReadDeps } from './deps';

export type ListCasesQuery = z.output<typeof listCasesQuery>;

/** Search results and overdue filters stop at this many cases (no cursor). */
const MAX_MATCHES = 100;

const forbiddenUnit = (actor: Actor, unitId: string | undefined) =>
  new ForbiddenError(`Không được xem danh sách hồ sơ của đơn vị ${unitId}.`, {
    unit: actor.unitId,
    requested: unitId,
  });

/**
 * A page of cases for a list page, served by indexes, never a scan. `q` searches by citizen ID
 * (exact) or by name prefix; `overdue=true` keeps the cases with an escalated missed deadline.
 */
export async function listCases(
  { store, clock }: ReadDeps,
  actor: Actor,
  query: ListCasesQuery,
): Promise<{ items: CaseListItem[]; cursor?: string }> {
  const today = vietnamDate(clock.now());

  if (query.q !== undefined || query.overdue === 'true') {
    if (query.q !== undefined && !searchRoles.includes(actor.role)) {
      throw new ForbiddenError('Vai trò này không được tìm kiếm hồ sơ.', { role: actor.role });
    }
    if (query.unit !== undefined && !mayListUnit(actor, query.unit)) throw forbiddenUnit(actor, query.unit);
    const scope = new Set(query.unit !== undefined ? communesWithin(query.unit) : readableCommunes(actor));
    const caseIds = await matchingCaseIds(store, query.q, [...scope]);
    const found = await store.getCasesWithTasks(caseIds);
    const items = found
      .filter(({ record }) => scope.has(record.routing.filing) && mayReadCase(actor, record))
      .filter(({ record }) => query.stage === undefined || record.stage === query.stage)
      .map(({ record, tasks }) => toCaseListItem(record, tasks, today))
      .filter((item) => query.overdue !== 'true' || item.overdue)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, query.limit);
    return { items };
  }

  const mayListAll = actor.role === 'auditor' || actor.role === 'admin';
  const unitId = query.unit ?? (query.stage && mayListAll ? undefined : actor.unitId);
  if (!mayListUnit(actor, unitId ?? actor.unitId)) throw forbiddenUnit(actor, unitId);
  const page = await store.listCases({ ...query, unitId });
  // Across units (an auditor's stage listing), only the cases handled within the auditor's unit:
  // a page may then hold fewer items than the limit; the cursor goes on.
  const readable = unitId ? page.items : page.items.filter((record) => mayReadCase(actor, record));
  const withTasks = await store.getCasesWithTasks(readable.map((record) => record.caseId));
  const items = withTasks.map(({ record, tasks }) => toCaseListItem(record, tasks, today));
  return { items, cursor: page.cursor };
}

async function matchingCaseIds(store: CaseStore, q: string | undefined, communes: string[]) {
  if (q !== undefined) {
    if (/^\d+$/.test(q)) {
      if (!/^\d{12}$/.test(q)) throw ruleViolation('q', 'số định danh cá nhân phải gồm đúng 12 chữ số');
      const page = await store.listCasesOfPerson(q, { limit: MAX_MATCHES });
      return page.items.map((record) => record.caseId);
    }
    const folded = foldName(q);
    if (folded.length < 2 || /\d/.test(folded)) {
      throw ruleViolation('q', 'phải là số định danh 12 chữ số hoặc ít nhất 2 chữ cái của họ tên');
    }
    return store.searchCaseIdsByName(communes, folded, MAX_MATCHES);
  }
  // Escalated tasks sit with the unit above the acting one: for a commune's files, one of its ancestors.
  const supervising = [...new Set(communes.flatMap(ancestorsOf))];
  const tasks = await store.listAllOverdueTasks(supervising);
  return [...new Set(tasks.map((task) => task.caseId))].slice(0, MAX_MATCHES * 5);
}
