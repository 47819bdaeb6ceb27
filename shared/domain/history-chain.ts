import { createHash } from 'node:crypto';
import type { CaseEvent, CaseRecord } from './case';

/**
 * The case history as a hash chain: each event carries the hash of the one before it and the hash
 * of its own content, and the case keeps the hash of its latest event. Editing, deleting or
 * reordering any stored event breaks the chain at that event.
 */
export const GENESIS = 'GENESIS';

/** JSON with keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEvent(event: Omit<CaseEvent, 'hash'>): string {
  const { hash: _ignored, ...content } = event as CaseEvent;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Links a new event to the case's latest one and records its hash on the case. */
export function sealEvent(next: CaseRecord, event: CaseEvent): { next: CaseRecord; event: CaseEvent } {
  const linked: CaseEvent = { ...event, prevHash: next.lastEventHash ?? GENESIS };
  const hash = hashEvent(linked);
  return { next: { ...next, lastEventHash: hash }, event: { ...linked, hash } };
}

export type ChainBreak =
  | { seq: number; reason: 'missing' | 'outOfOrder' | 'contentChanged' | 'linkBroken' }
  | { seq: number; reason: 'truncated' };

export interface ChainVerdict {
  valid: boolean;
  events: number;
  breaks: ChainBreak[];
}

/** Recomputes the chain over the stored events (in stored order) against the case's latest hash. */
export function verifyChain(events: readonly CaseEvent[], lastEventHash: string | undefined): ChainVerdict {
  const breaks: ChainBreak[] = [];
  let previous = GENESIS;
  const stored = new Set(events.map((e) => e.seq));
  events.forEach((event, index) => {
    const expectedSeq = index + 1;
    if (event.seq !== expectedSeq) {
      breaks.push({ seq: expectedSeq, reason: stored.has(expectedSeq) ? 'outOfOrder' : 'missing' });
    }
    if (event.hash !== hashEvent(event)) breaks.push({ seq: event.seq, reason: 'contentChanged' });
    if (event.prevHash !== previous) breaks.push({ seq: event.seq, reason: 'linkBroken' });
    previous = event.hash ?? '';
  });
  if (events.length > 0 && previous !== lastEventHash) {
    breaks.push({ seq: events.length, reason: 'truncated' });
  }
  return { valid: breaks.length === 0, events: events.length, breaks };
}
