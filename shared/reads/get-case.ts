import { type CaseView, toCaseView, toCaseViewFor } from '../domain/case-views';
import { vietnamDate } from '../domain/dates';
import { openCaseFor } from '../domain/reads';
import type { Actor } from '../domain/roles';
import type { ReadDeps } from './deps';

/** A case as one person sees it (what they may do with each step); the read is recorded first. */
export async function getCase(deps: ReadDeps, actor: Actor, caseId: string): Promise<CaseView> {
  const found = await openCaseFor(deps, actor, caseId, 'case');
  const view = toCaseView(found.record, found.tasks, vietnamDate(deps.clock.now()));
  return toCaseViewFor(actor, view, found.tasks);
}
