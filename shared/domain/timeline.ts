import { pipelineActions } from '#shared/pipeline/actions/index';
import type { ExecutionSummary } from '../clients/workflow-client';
import type { CaseEvent, EventActor } from './case';

/**
 * One case's history as one ordered timeline: the case's own events (who did what, the hash
 * chain) merged with the engine's execution history (states entered and exited). Task tokens are
 * never part of either; execution events carry only their type and state name.
 */
export interface TimelineEntry {
  at: string;
  source: 'case' | 'engine';
  /** Case event type, or the engine's history event type (StateEntered, ExecutionSucceeded…). */
  type: string;
  /** The action performed or offered, or the state entered or exited. */
  step?: string;
  label?: string;
  actor?: EventActor;
  seq?: number;
  workflow?: string;
  documents?: { kind: string; number: string; sha256: string }[];
  hash?: string;
  prevHash?: string;
}

/** The engine events that say where a case stood; the rest (task scheduled, lambda started…) are noise. */
const engineTypes =
  /^(Execution(Started|Succeeded|Failed|TimedOut|Aborted)|TaskStateEntered|ChoiceStateEntered|WaitStateEntered|PassStateEntered|SucceedStateEntered|FailStateEntered|TaskStateExited|TaskTimedOut)$/;

export function mergeTimeline(
  events: readonly CaseEvent[],
  executions: readonly (ExecutionSummary | undefined)[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = events.map((event) => ({
    at: event.at,
    source: 'case',
    type: event.type,
    step: event.action,
    label: event.action ? pipelineActions[event.action].label : undefined,
    actor: event.actor,
    seq: event.seq,
    documents: event.documents,
    hash: event.hash,
    prevHash: event.prevHash,
  }));
  for (const execution of executions) {
    if (!execution) continue;
    for (const event of execution.events) {
      if (!event.timestamp || !engineTypes.test(event.type)) continue;
      entries.push({
        at: event.timestamp,
        source: 'engine',
        type: event.type,
        step: event.stateName,
        workflow: execution.workflow,
      });
    }
  }
  // Stable: at the same instant the case's event (the cause) comes before the engine's.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}
