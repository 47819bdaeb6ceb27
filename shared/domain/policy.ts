import type { CaseRecord } from './case';
import type { Actor } from './roles';
import { units } from './units';

/**
 * Who may see a case: deny by default. An officer sees the cases their own unit handles (filing
 * commune, review office, court, centre, supervising commune); an auditor or administrator sees
 * every case handled by a unit within their own (a province's auditor sees its districts and
 * communes). Actions are checked per task (role and unit) in CaseCommands.
 */
export type UnitRelation = 'same' | 'parent' | 'other';

/** How a unit stands to another: itself, an ancestor of it, or unrelated. */
export function relationOf(actorUnit: string, caseUnit: string): UnitRelation {
  if (actorUnit === caseUnit) return 'same';
  for (let unit = units.get(caseUnit)?.parentId; unit; unit = units.get(unit)?.parentId) {
    if (unit === actorUnit) return 'parent';
  }
  return 'other';
}

const caseUnits = (record: Pick<CaseRecord, 'routing'>): string[] => Object.values(record.routing);

export function mayReadCase(actor: Actor, record: Pick<CaseRecord, 'routing'>): boolean {
  const relations = caseUnits(record).map((unit) => relationOf(actor.unitId, unit));
  if (actor.role === 'auditor' || actor.role === 'admin') return relations.some((r) => r !== 'other');
  return relations.includes('same');
}

/** Listing a unit's cases: one's own unit, or, for auditors and administrators, any unit within theirs. */
export function mayListUnit(actor: Actor, unitId: string): boolean {
  const relation = relationOf(actor.unitId, unitId);
  if (actor.role === 'auditor' || actor.role === 'admin') return relation !== 'other';
  return relation === 'same';
}
