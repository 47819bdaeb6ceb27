import type { ExecutionSummary } from '../clients/workflow-client';
import type { HistoryReport } from '../documents/history-report';
import { verifyChain } from '../domain/history-chain';
import { assertMayAudit } from '../domain/policy';
import { allEvents, openCaseFor } from '../domain/reads';
import type { Actor } from '../domain/roles';
import { mergeTimeline } from '../domain/timeline';
import type { ReadDeps } from './deps';

/** The engine's side of a case's history: its stage executions and their events. */
export interface ExecutionHistory {
  caseExecutions(caseId: string): Promise<ExecutionSummary[]>;
}

/**
 * A page of the case's own events; the first page also carries the engine's execution history
 * and both merged into one timeline. The read is recorded first.
 */
export async function getCaseHistory(
  deps: ReadDeps & { executions: ExecutionHistory },
  actor: Actor,
  caseId: string,
  query: { limit: number; cursor?: string },
) {
  await openCaseFor(deps, actor, caseId, 'history');
  const [events, executions] = await Promise.all([
    deps.store.listEvents(caseId, query),
    query.cursor ? Promise.resolve(undefined) : deps.executions.caseExecutions(caseId),
  ]);
  const timeline = executions ? mergeTimeline(events.items, executions) : undefined;
  return { caseId, events: events.items, cursor: events.cursor, executions, timeline };
}

/** Recomputes the case's hash chain over all its events and says where it breaks. */
export async function verifyCaseHistory(deps: ReadDeps, actor: Actor, caseId: string) {
  const found = await openCaseFor(deps, actor, caseId, 'verification');
  const events = await allEvents(deps.store, caseId);
  const verdict = verifyChain(events, found.record.lastEventHash);
  return { caseId, ...verdict, head: found.record.lastEventHash };
}

/**
 * Auditors: the merged timeline with its hash chain and verification, recorded as a read; the
 * caller renders it as CSV or PDF.
 */
export async function exportCaseHistory(
  deps: ReadDeps & { executions: ExecutionHistory },
  actor: Actor,
  caseId: string,
): Promise<HistoryReport> {
  assertMayAudit(actor);
  const found = await openCaseFor(deps, actor, caseId, 'export');
  const [events, executions] = await Promise.all([
    allEvents(deps.store, caseId),
    deps.executions.caseExecutions(caseId),
  ]);
  return {
    record: found.record,
    timeline: mergeTimeline(events, executions),
    verdict: verifyChain(events, found.record.lastEventHash),
    exportedBy: actor,
    exportedAt: deps.clock.now(),
  };
}
