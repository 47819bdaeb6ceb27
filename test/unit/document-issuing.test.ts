import { describe, expect, it } from 'vitest';
import { AdjustableClock } from '#shared/clock';
import { CaseCommands } from '#shared/domain/case-commands';
import { WorkflowSteps } from '#shared/domain/workflow-steps';
import { fixedHolidayCalendar } from '#shared/domain/working-days';
import { aCaseFile, actors } from '../support/factories';
import { MemoryBlobStore, testIssuer } from '../support/issuer';
import { MemoryCaseStore, RecordingEngine } from '../support/memory-store';

const NOW = Date.parse('2026-11-23T02:00:00Z');

const world = () => {
  const store = new MemoryCaseStore();
  const engine = new RecordingEngine();
  const clock = new AdjustableClock(NOW - Date.now());
  return { store, engine, clock, calendar: fixedHolidayCalendar() };
};

describe('issuing documents in the open', () => {
  it('writes the notice with the case it opens: number, hash in the event, reference on the case', async () => {
    const w = world();
    const blobs = new MemoryBlobStore();
    const commands = new CaseCommands({
      ...w,
      newId: () => 'case-1',
      issuer: testIssuer(w.store, { blobs }),
    });
    const opened = await commands.openCase(actors.police, aCaseFile(), 'key-1');

    const [document] = w.store.documents.values();
    expect(document).toMatchObject({
      caseId: 'case-1',
      eventSeq: 1,
      kind: 'fileCompilationNotice',
      sequence: 1,
    });
    expect(w.store.events[0]?.documents).toEqual([
      { sha256: document?.sha256, kind: 'fileCompilationNotice', number: document?.number },
    ]);
    expect(w.store.cases.get('case-1')?.issued?.fileCompilationNotice?.sha256).toBe(document?.sha256);
    expect(opened.body).toMatchObject({ issued: { fileCompilationNotice: { sha256: document?.sha256 } } });
    // The PDF is stored by its hash after the transaction; a replay answers with what was issued.
    expect(blobs.blobs.has(document?.sha256 ?? '')).toBe(true);
    const replayed = await commands.openCase(actors.police, aCaseFile(), 'key-1');
    expect(replayed).toMatchObject({ replayed: true, body: { issued: opened.body.issued } });
  });

  it('numbers again when another process took the number first', async () => {
    const w = world();
    let ids = 0;
    // Two processes: each its own issuer (no shared lock), one register in the store.
    const [a, b] = [0, 1].map(
      () => new CaseCommands({ ...w, newId: () => `case-${++ids}`, issuer: testIssuer(w.store) }),
    );
    const files = ['012090000001', '012090000002', '012090000003', '012090000004'].map((citizenId) =>
      aCaseFile({ person: { citizenId } }),
    );
    let reads = 0;
    const read = w.store.getDocumentCounter.bind(w.store);
    w.store.getDocumentCounter = (unitId, year) => {
      reads += 1;
      return read(unitId, year);
    };
    await Promise.all(
      files.map((file, i) => ((i % 2 ? a : b) as CaseCommands).openCase(actors.police, file)),
    );
    const sequences = [...w.store.documents.values()].map((d) => d.sequence).sort();
    expect(sequences).toEqual([1, 2, 3, 4]);
    expect(reads).toBeGreaterThan(files.length); // at least one CounterRace, numbered again
  });

  it('needs no issuer where the change issues no document', async () => {
    const w = world();
    const commands = new CaseCommands({ ...w, newId: () => 'case-1', issuer: testIssuer(w.store) });
    const caseId = (await commands.openCase(actors.police, aCaseFile())).body.caseId;
    // Opening tasks and firing timers, as open-task and fire-timers are wired: without an issuer.
    const steps = new WorkflowSteps(w);
    await steps.openTask({ taskToken: 't-1', caseId, action: 'review', executionArn: 'arn:exec' });
    await expect(steps.fireDueTimers()).resolves.toBe(0);
    expect(w.store.cases.get(caseId)?.version).toBe(2);
  });

  it('refuses, and writes nothing, where the change issues a document and no issuer is wired', async () => {
    const w = world();
    const commands = new CaseCommands({ ...w, newId: () => 'case-1' });
    await expect(commands.openCase(actors.police, aCaseFile())).rejects.toThrow(/DocumentIssuer/);
    expect(w.store.cases.size).toBe(0);
  });

  it('refuses to run a system step (which may issue documents) without an issuer and its plans', async () => {
    const w = world();
    const commands = new CaseCommands({ ...w, newId: () => 'case-1', issuer: testIssuer(w.store) });
    const caseId = (await commands.openCase(actors.police, aCaseFile())).body.caseId;
    const steps = new WorkflowSteps({ ...w, issuer: testIssuer(w.store) });
    await expect(
      steps.runSystemStep({ step: 'closeCase', caseId, outcome: 'completed', executionArn: 'arn:exec' }),
    ).rejects.toThrow(/plansFor/);
    expect(w.store.cases.get(caseId)?.version).toBe(1);
  });
});
