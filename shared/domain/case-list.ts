import { deadlineEscalates } from '#shared/pipeline/actions/index';
import type { Stage } from '#shared/pipeline/stages';
import type { CaseRecord, PendingTask } from './case';
import type { IsoDate } from './dates';
import { mayReadCase, relationOf } from './policy';
import type { Actor } from './roles';
import { routeCase, units } from './units';

/** What a list page shows of a case. */
export interface CaseListItem {
  caseId: string;
  person: { fullName: string; citizenId: string; dateOfBirth: IsoDate };
  stage: Stage;
  outcome?: CaseRecord['outcome'];
  filingUnitId: string;
  openedAt: string;
  updatedAt: string;
  /** Earliest due date among the pending tasks with a real deadline; absent when none waits. */
  nextDueOn?: IsoDate;
  /** A pending task's real deadline has passed. */
  overdue: boolean;
}

export function toCaseListItem(record: CaseRecord, tasks: PendingTask[], today: IsoDate): CaseListItem {
  const deadlines = tasks.filter((task) => deadlineEscalates(task.action)).map((task) => task.dueOn);
  const nextDueOn = deadlines.sort()[0];
  const { fullName, citizenId, dateOfBirth } = record.file.person;
  return {
    caseId: record.caseId,
    person: { fullName, citizenId, dateOfBirth },
    stage: record.stage,
    outcome: record.outcome,
    filingUnitId: record.routing.filing,
    openedAt: record.openedAt,
    updatedAt: record.updatedAt,
    nextDueOn,
    overdue: nextDueOn !== undefined && today > nextDueOn,
  };
}

const communes = [...units.values()].filter((unit) => unit.kind === 'commune').map((unit) => unit.id);

/** The communes inside a unit (the unit itself when it is one). */
export const communesWithin = (unitId: string): string[] =>
  communes.filter((commune) => relationOf(unitId, commune) !== 'other');

/** The filing communes whose cases the actor may read (their own, or routed to their unit). */
export const readableCommunes = (actor: Actor): string[] =>
  communes.filter((commune) => {
    const routing = routeCase(commune);
    return routing !== undefined && mayReadCase(actor, { routing });
  });

/** The units a filing commune's escalated tasks go to: the commune's ancestors. */
export function ancestorsOf(unitId: string): string[] {
  const found: string[] = [];
  for (let unit = units.get(unitId)?.parentId; unit; unit = units.get(unit)?.parentId) found.push(unit);
  return found;
}
