import { beforeEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '#shared/clock';
import { CaseCommands } from '#shared/domain/case-commands';
import { WorkflowSteps } from '#shared/domain/workflow-steps';
import { fixedHolidayCalendar } from '#shared/domain/working-days';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '#shared/errors';
import { getCase } from '#shared/reads/get-case';
import { listCaseReads } from '#shared/reads/list-case-reads';
import { listCases } from '#shared/reads/list-cases';
import { listMyTasks } from '#shared/reads/list-my-tasks';
import { aCaseFile, actors, anActor } from '../support/factories';
import { testIssuer } from '../support/issuer';
import { MemoryCaseStore, RecordingEngine } from '../support/memory-store';

const NOW = Date.parse('2026-11-23T02:00:00Z'); // Monday 23 November 2026, 09:00 in Vietnam
const auditor = anActor({ userId: 'auditor-lai-chau', role: 'auditor', unitId: 'tinh-lai-chau' });

describe('reads through the CaseStore port', () => {
  let store: MemoryCaseStore;
  let clock: AdjustableClock;
  let caseId: string;

  beforeEach(async () => {
    // Prepare: one file opened by the commune police, waiting for them to submit it.
    store = new MemoryCaseStore();
    clock = new AdjustableClock(NOW - Date.now());
    const deps = { store, engine: new RecordingEngine(), clock, issuer: testIssuer(store) };
    const commands = new CaseCommands({ ...deps, newId: () => 'case-1' });
    caseId = (await commands.openCase(actors.police, aCaseFile())).body.caseId;
    await new WorkflowSteps({ ...deps, calendar: fixedHolidayCalendar() }).openTask({
      taskToken: 'token-submitFile',
      caseId,
      action: 'submitFile',
      executionArn: 'arn:exec',
    });
  });

  it('puts the step in the inbox of the police who may perform it, and of nobody else', async () => {
    const police = await listMyTasks({ store, clock }, actors.police);
    const reviewer = await listMyTasks({ store, clock }, actors.reviewer);

    expect(police.items).toMatchObject([{ caseId, action: 'submitFile', overdue: false, stage: 'NOTIFIED' }]);
    expect(police.counts).toEqual({ submitFile: 1 });
    expect(reviewer.items).toEqual([]);
  });

  it('finds the case by a name prefix, without diacritics, within the communes the person may list', async () => {
    const found = await listCases({ store, clock }, actors.police, { q: 'lo van', limit: 20 });

    expect(found.items.map((item) => item.caseId)).toEqual([caseId]);
    await expect(listCases({ store, clock }, actors.police, { q: '12345', limit: 20 })).rejects.toThrow(
      ValidationFailedError,
    );
    await expect(listCases({ store, clock }, actors.centre, { q: 'lo van', limit: 20 })).rejects.toThrow(
      ForbiddenError,
    );
  });

  it('records who opened a case before answering, and shows the log to auditors only', async () => {
    const view = await getCase({ store, clock }, actors.police, caseId);
    const log = await listCaseReads({ store }, auditor, caseId, { limit: 10 });

    expect(view.permissions?.actions).toEqual(['submitFile']);
    expect(log.items).toMatchObject([{ caseId, what: 'case', actor: { userId: actors.police.userId } }]);
    await expect(listCaseReads({ store }, actors.police, caseId, { limit: 10 })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(getCase({ store, clock }, actors.police, 'no-such-case')).rejects.toThrow(NotFoundError);
  });
});
