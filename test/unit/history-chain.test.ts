import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseRecord } from '#shared/domain/case';
import { canonicalJson, sealEvent, verifyChain } from '#shared/domain/history-chain';

const anEvent = (seq: number, action = 'submitFile'): CaseEvent => ({
  caseId: 'c1',
  seq,
  type: 'actionPerformed',
  at: `2026-11-2${seq % 10}T02:00:00.000Z`,
  actor: { kind: 'person', userId: 'u1', role: 'police', unitId: 'p-dong-phong' },
  action: action as CaseEvent['action'],
  input: { opinionsRecorded: true, note: `bước ${seq}` },
});

function chain(length: number): { events: CaseEvent[]; head: string | undefined } {
  let record = { caseId: 'c1' } as CaseRecord;
  const events: CaseEvent[] = [];
  for (let seq = 1; seq <= length; seq += 1) {
    const sealed = sealEvent(record, anEvent(seq));
    record = sealed.next;
    events.push(sealed.event);
  }
  return { events, head: record.lastEventHash };
}

describe('the history hash chain', () => {
  it('hashes the same content the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
  });

  it('verifies an untouched history', () => {
    const { events, head } = chain(5);
    expect(verifyChain(events, head)).toEqual({ valid: true, events: 5, breaks: [] });
  });

  it('finds an edited event', () => {
    const { events, head } = chain(5);
    events[2] = { ...(events[2] as CaseEvent), input: { opinionsRecorded: false } };
    expect(verifyChain(events, head).breaks).toEqual([{ seq: 3, reason: 'contentChanged' }]);
  });

  it('finds a deleted event, in the middle or at the end', () => {
    const middle = chain(5);
    middle.events.splice(1, 1);
    expect(verifyChain(middle.events, middle.head).breaks).toContainEqual({ seq: 2, reason: 'missing' });
    const end = chain(5);
    end.events.pop();
    expect(verifyChain(end.events, end.head).breaks).toEqual([{ seq: 4, reason: 'truncated' }]);
  });

  it('finds reordered events', () => {
    const { events, head } = chain(5);
    const [second, third] = [events[1] as CaseEvent, events[2] as CaseEvent];
    events[1] = third;
    events[2] = second;
    const verdict = verifyChain(events, head);
    expect(verdict.valid).toBe(false);
    expect(verdict.breaks).toContainEqual({ seq: 2, reason: 'outOfOrder' });
  });

  it('finds an event whose content and hash were rewritten together', () => {
    const { events, head } = chain(4);
    const forged = sealEvent({ caseId: 'c1', lastEventHash: events[0]?.hash } as CaseRecord, {
      ...anEvent(2),
      input: { opinionsRecorded: false },
    }).event;
    events[1] = forged;
    expect(verifyChain(events, head).breaks).toEqual([{ seq: 3, reason: 'linkBroken' }]);
  });
});
