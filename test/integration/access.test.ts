import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { Role } from '../../shared/domain/roles';
import { roles } from '../../shared/domain/roles';
import { aCaseFile, handover, sessionOpening, sessionRecord } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';

const DAY = 24 * 60 * 60 * 1000;
type Relation = 'same' | 'parent' | 'other';
const relations: Relation[] = ['same', 'parent', 'other'];

/**
 * The spec, written out: which roles may perform each action, from the unit the task names.
 * The court's steps are recorded by the clerk or the judge; a procurator may lodge a protest.
 */
const performedBy: Record<string, Role[]> = {
  submitFile: ['police'],
  completeFile: ['police'],
  recordDeath: ['police'],
  recordAbsconding: ['police'],
  recordFound: ['police'],
  review: ['reviewer'],
  supplementFile: ['police'],
  answerCourtRequest: ['reviewer'],
  acceptFile: ['court', 'judge'],
  openSession: ['court', 'judge'],
  decide: ['court', 'judge'],
  requestDocuments: ['court', 'judge'],
  terminateCase: ['court', 'judge'],
  closeAppealWindow: ['court', 'judge'],
  recordAppeal: ['court', 'judge', 'procurator'],
  decideAppeal: ['court', 'judge'],
  recordPostponement: ['court', 'judge'],
  recordExemption: ['court', 'judge'],
  recordReduction: ['court', 'judge'],
  recordEarlyEnd: ['court', 'judge'],
  admit: ['centre'],
  release: ['centre'],
  recordAbscondingInTreatment: ['centre'],
  recordReturnToCentre: ['centre'],
  recordDeathInCentre: ['centre'],
  recordRelapse: ['supervisor'],
  recordDeathUnderSupervision: ['supervisor'],
};

/** A unit unrelated to each demo unit: the same kind of body in the other district. */
const otherUnit: Record<string, string> = {
  'p-dong-phong': 'tt-tam-duong',
  'ldtbxh-tp-lai-chau': 'ldtbxh-tam-duong',
  'tand-tp-lai-chau': 'tand-tam-duong',
  'vks-tp-lai-chau': 'vks-tam-duong',
  'cscn-lai-chau': 'h-tam-duong',
};
const parentUnit: Record<string, string> = {
  'p-dong-phong': 'tp-lai-chau',
  'ldtbxh-tp-lai-chau': 'tp-lai-chau',
  'tand-tp-lai-chau': 'tp-lai-chau',
  'vks-tp-lai-chau': 'tp-lai-chau',
  'cscn-lai-chau': 'tinh-lai-chau',
};

/** Where a person of this role sits, standing in this relation to the unit of the case's step. */
function unitFor(role: Role, relation: Relation, stepUnit: string): string {
  // A procurator's own unit is the procuracy that supervises the court.
  const home = role === 'procurator' && stepUnit === 'tand-tp-lai-chau' ? 'vks-tp-lai-chau' : stepUnit;
  if (relation === 'same') return home;
  if (relation === 'parent') return parentUnit[home] as string;
  return otherUnit[home] as string;
}

describe('who may do what: every role × action × unit relation through the HTTP API', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;
  let citizen = 900;
  const caseIds: string[] = [];

  beforeAll(async () => {
    ({ runtime, api } = await startTestRuntime());
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  const today = () => api.today();

  const as = async (role: Role, unitId: string): Promise<string> => {
    const userId = `${role}@${unitId}`;
    api.useToken(userId, await runtime.identity.tokenFor({ userId, name: 'Người Kiểm Thử', role, unitId }));
    return userId;
  };

  const open = async () => {
    const file = aCaseFile({ person: { citizenId: `012090${String(++citizen).padStart(6, '0')}` } });
    const response = await api.request('POST', '/cases', { as: users.police, body: file });
    expect(response.status).toBe(201);
    caseIds.push(response.body.caseId);
    return response.body.caseId as string;
  };
  const toCourt = async (id: string) => {
    await api.act(id, 'submitFile', users.police, { opinionsRecorded: true });
    await api.act(id, 'review', users.reviewer, { decision: 'forward' });
  };
  const accepted = async (id: string) => {
    await toCourt(id);
    await api.act(id, 'acceptFile', users.court, {
      decision: 'accept',
      acceptedOn: await today(),
      judgeName: 'Nguyễn Thị Hạnh',
    });
  };
  const sessionOpened = async (id: string) => {
    await accepted(id);
    await api.act(id, 'openSession', users.court, sessionOpening(await today()));
  };
  const decided = async (id: string) => {
    await sessionOpened(id);
    await api.act(id, 'decide', users.court, {
      outcome: 'apply',
      ...sessionRecord,
      decidedOn: await today(),
      months: 12,
    });
  };
  const awaitingAdmission = async (id: string) => {
    await decided(id);
    await api.act(id, 'closeAppealWindow', users.court, { effectiveOn: await today() });
  };
  const inTreatment = async (id: string) => {
    await awaitingAdmission(id);
    await api.act(id, 'admit', users.centre, { admittedOn: await today(), ...handover });
    await api.waitUntil(id, users.centre, (c) => c.stage === 'IN_TREATMENT');
  };

  it('allows exactly the cells of the table, tells the others what was missing, and changes nothing', async () => {
    // Cases waiting at every kind of step. The one under supervision first: its clock move must
    // not make the others' steps overdue.
    const supervised = await open();
    await inTreatment(supervised);
    await runtime.advanceClock(370 * DAY);
    await api.act(supervised, 'release', users.centre, { releasedOn: await today() });
    await api.waitFor(supervised, 'recordRelapse', users.supervisor);

    const notified = await open();
    const review = await open();
    await api.act(review, 'submitFile', users.police, { opinionsRecorded: true });
    const acceptance = await open();
    await toCourt(acceptance);
    const scheduling = await open();
    await accepted(scheduling);
    const decision = await open();
    await sessionOpened(decision);
    const appeal = await open();
    await decided(appeal);
    const admission = await open();
    await awaitingAdmission(admission);
    const treatment = await open();
    await inTreatment(treatment);
    const wanted = await open();
    await awaitingAdmission(wanted);
    await api.act(wanted, 'recordAbsconding', users.police, {
      abscondedOn: await today(),
      searchDecisionNumber: '6/QĐ-TN',
    });
    await api.waitFor(wanted, 'recordFound', users.police);
    await api.waitFor(notified, 'submitFile', users.police);
    await api.waitFor(review, 'review', users.reviewer);
    await api.waitFor(acceptance, 'acceptFile', users.court);
    await api.waitFor(scheduling, 'openSession', users.court);
    await api.waitFor(decision, 'decide', users.court);
    await api.waitFor(appeal, 'closeAppealWindow', users.court);
    await api.waitFor(admission, 'admit', users.centre);

    const before = new Map<
      string,
      { version: number; tasks: { action: string; role: Role; unitId: string }[] }
    >();
    for (const id of caseIds) {
      const view = (await api.request('GET', `/cases/${id}`, { as: users.auditor })).body;
      before.set(id, { version: view.version, tasks: view.pendingTasks });
    }

    const cells: string[] = [];
    const wrong: string[] = [];
    const seen = new Set<string>();
    for (const [caseId, { version, tasks }] of before) {
      for (const task of tasks) {
        seen.add(task.action);
        const allowedRoles = performedBy[task.action];
        expect(allowedRoles, `the table names who performs ${task.action}`).toBeDefined();
        for (const role of roles) {
          for (const relation of relations) {
            const unit = unitFor(role, relation, task.unitId);
            const expectAllowed = relation === 'same' && (allowedRoles ?? []).includes(role);
            // An allowed person gets past the policy and is stopped by the (empty) input instead.
            const response = await api.request('POST', `/cases/${caseId}/actions/${task.action}`, {
              as: await as(role, unit),
              body: { expectedVersion: version, input: {} },
            });
            cells.push(`${task.action}:${role}:${relation}`);
            const ok = expectAllowed
              ? response.status === 400 &&
                response.body.errors.some((e: { field: string }) => e.field.startsWith('input'))
              : response.status === 403 &&
                (response.body.requiredRole !== undefined || response.body.requiredUnit !== undefined);
            if (!ok)
              wrong.push(
                `${task.action} by ${role} (${relation}, ${unit}): ${response.status} ${response.body.detail}`,
              );
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect([...seen].sort()).toEqual(
      [
        'submitFile',
        'review',
        'acceptFile',
        'decide',
        'openSession',
        'requestDocuments',
        'terminateCase',
        'closeAppealWindow',
        'recordAppeal',
        'admit',
        'recordPostponement',
        'recordExemption',
        'recordAbsconding',
        'recordFound',
        'recordDeath',
        'recordReduction',
        'recordEarlyEnd',
        'recordAbscondingInTreatment',
        'recordDeathInCentre',
        'recordRelapse',
        'recordDeathUnderSupervision',
      ].sort(),
    );
    expect(cells.length).toBe(
      [...before.values()].reduce((n, c) => n + c.tasks.length, 0) * roles.length * 3,
    );

    // Nothing moved: not one denied or rejected request changed a case.
    for (const [caseId, { version }] of before) {
      const after = await api.request('GET', `/cases/${caseId}`, { as: users.auditor });
      expect(after.body.version, caseId).toBe(version);
    }
  });

  it('a procurator lodges a protest, not a complaint, in the appeal window of their court', async () => {
    const id = await open();
    await decided(id);
    const waiting = await api.waitFor(id, 'recordAppeal', users.procurator);
    expect(waiting.body.permissions.actions).toEqual(['recordAppeal']);
    const complaint = await api.request('POST', `/cases/${id}/actions/recordAppeal`, {
      as: users.procurator,
      body: {
        expectedVersion: waiting.body.version,
        input: { kind: 'complaint', lodgedBy: 'Ông Lò Văn Thử', lodgedOn: await today() },
      },
    });
    expect(complaint.status).toBe(403);
    expect((await api.request('GET', `/cases/${id}`, { as: users.procurator })).body.version).toBe(
      waiting.body.version,
    );
    const protest = await api.request('POST', `/cases/${id}/actions/recordAppeal`, {
      as: users.procurator,
      body: {
        expectedVersion: waiting.body.version,
        input: {
          kind: 'protest',
          lodgedBy: 'Viện kiểm sát nhân dân thành phố Lai Châu',
          lodgedOn: await today(),
        },
      },
    });
    expect(protest.status).toBe(200);
  });

  it('lets each role read the cases of its own unit, auditors those within theirs, and no one else', async () => {
    const id = caseIds[0] as string;
    const caseUnitOf: Record<Role, string> = {
      police: 'p-dong-phong',
      supervisor: 'p-dong-phong',
      reviewer: 'ldtbxh-tp-lai-chau',
      court: 'tand-tp-lai-chau',
      judge: 'tand-tp-lai-chau',
      procurator: 'tand-tp-lai-chau',
      centre: 'cscn-lai-chau',
      auditor: 'p-dong-phong',
      admin: 'p-dong-phong',
    };
    const wrong: string[] = [];
    for (const role of roles) {
      for (const relation of relations) {
        const unit = unitFor(role, relation, caseUnitOf[role]);
        const overseer = role === 'auditor' || role === 'admin';
        const expected = relation === 'same' || (relation === 'parent' && overseer) ? 200 : 403;
        const response = await api.request('GET', `/cases/${id}`, { as: await as(role, unit) });
        if (response.status !== expected) wrong.push(`${role} (${relation}, ${unit}): ${response.status}`);
        if (response.status === 200) {
          const mayAct = response.body.pendingTasks.some((t: { mayAct: boolean }) => t.mayAct);
          expect(response.body.permissions.seeReads).toBe(overseer);
          if (overseer) expect(mayAct).toBe(false);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
