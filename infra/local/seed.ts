import { caseCommands } from '#shared/clients/commands';
import { documentIssuer } from '#shared/clients/issuer';
import { clock } from '#shared/clients/runtime';
import { caseStore } from '#shared/clients/store';
import type { PendingTask } from '#shared/domain/case';
import type { CaseFile } from '#shared/domain/case-file';
import { addDays, vietnamDate } from '#shared/domain/dates';
import { demoTargets } from '#shared/domain/indicators';
import type { Actor } from '#shared/domain/roles';
import { type ActionName, pipelineActions } from '#shared/pipeline/actions/index';
import { demoUsers } from './identity';
import type { LocalStepFunctions } from './sfn';

/**
 * First start: a few demo cases at different stages, so a newcomer sees a living system.
 * Every case is driven through the same commands and workflows a person would use.
 */
const actor = (userId: string): Actor => {
  const user = demoUsers.find((u) => u.userId === userId);
  if (!user) throw new Error(`unknown demo user ${userId}`);
  return { userId: user.userId, name: user.name, role: user.role, unitId: user.unitId };
};

interface DemoPerson {
  fullName: string;
  dateOfBirth: string;
  gender: 'male' | 'female';
  citizenId: string;
  address: string;
  communeId: string;
  police: string;
}

export const demoFile = (p: DemoPerson, today: string): CaseFile => ({
  person: {
    fullName: p.fullName,
    dateOfBirth: p.dateOfBirth,
    gender: p.gender,
    citizenId: p.citizenId,
    residence: { address: p.address, communeId: p.communeId },
  },
  grounds: ['a'],
  groundsDetail:
    'Nghiện ma túy, không đăng ký cai nghiện tự nguyện sau khi đã được Công an xã nhắc nhở và lập biên bản.',
  addictionDetermination: {
    facility: 'Trung tâm Y tế thành phố Lai Châu',
    determinedOn: addDays(today, -7),
    documentNumber: `${p.citizenId.slice(-3)}/XĐTTN`,
  },
  documents: [
    { kind: 'violationRecord', title: 'Biên bản vi phạm hành chính', issuedOn: addDays(today, -10) },
    {
      kind: 'addictionDetermination',
      title: 'Phiếu kết quả xác định tình trạng nghiện',
      issuedOn: addDays(today, -7),
    },
    { kind: 'personalHistory', title: 'Bản tóm tắt lý lịch' },
  ],
});

export const demoPeople: (DemoPerson & { stepsTo: ActionName[] })[] = [
  {
    fullName: 'Lò Văn Tùng',
    dateOfBirth: '1994-03-12',
    gender: 'male',
    citizenId: '012094001201',
    address: 'Tổ dân phố số 3, phường Đông Phong',
    communeId: 'p-dong-phong',
    police: 'police-dong-phong',
    stepsTo: [],
  },
  {
    fullName: 'Quàng Thị Mai',
    dateOfBirth: '1990-11-02',
    gender: 'female',
    citizenId: '012190001202',
    address: 'Tổ dân phố số 7, phường Đông Phong',
    communeId: 'p-dong-phong',
    police: 'police-dong-phong',
    stepsTo: ['submitFile'],
  },
  {
    fullName: 'Tòng Văn Hùng',
    dateOfBirth: '1988-06-25',
    gender: 'male',
    citizenId: '012088001203',
    address: 'Bản Cư Nhà La, phường Tân Phong',
    communeId: 'p-tan-phong',
    police: 'police-tan-phong',
    stepsTo: ['submitFile', 'review', 'acceptFile'],
  },
  {
    fullName: 'Vàng A Sử',
    dateOfBirth: '1996-01-09',
    gender: 'male',
    citizenId: '012096001204',
    address: 'Tổ dân phố số 12, phường Đông Phong',
    communeId: 'p-dong-phong',
    police: 'police-dong-phong',
    stepsTo: ['submitFile', 'review', 'acceptFile', 'openSession', 'decide', 'closeAppealWindow'],
  },
  {
    fullName: 'Giàng Thị Pà',
    dateOfBirth: '1992-08-30',
    gender: 'female',
    citizenId: '012192001205',
    address: 'Tổ dân phố số 5, phường Đông Phong',
    communeId: 'p-dong-phong',
    police: 'police-dong-phong',
    stepsTo: ['submitFile', 'review', 'acceptFile', 'openSession', 'decide', 'closeAppealWindow', 'admit'],
  },
];

/** The demo user who holds a task's seat: the task's role in the task's unit. */
const performerOf = (task: Pick<PendingTask, 'role' | 'unitId'>): Actor => {
  const user = demoUsers.find((u) => u.role === task.role && u.unitId === task.unitId);
  if (!user) throw new Error(`no demo user is ${task.role} in ${task.unitId}`);
  return actor(user.userId);
};

export async function seedDemoCases(deps: {
  engine: LocalStepFunctions;
  tick(): Promise<void>;
}): Promise<number> {
  const store = caseStore();
  const commands = caseCommands({ issuer: documentIssuer() });
  const today = vietnamDate(clock().now());
  const year = Number(today.slice(0, 4));
  for (const [unitId, targets] of Object.entries(demoTargets)) {
    await store.putTargets(unitId, year, targets, { at: clock().now().toISOString(), userId: 'seed' });
  }
  for (const person of demoPeople) {
    const opened = await commands.openCase(actor(person.police), demoFile(person, today));
    const caseId = opened.body.caseId;
    for (const action of person.stepsTo) {
      await deps.engine.idle();
      const found = await store.getCase(caseId);
      const task = found?.tasks.find((t) => t.action === action);
      const example = pipelineActions[action].example;
      if (!found || !task || !example) throw new Error(`cannot seed ${action} on ${caseId}`);
      // Each action module's example input, as a demo user would fill in the form.
      await commands.performAction(performerOf(task), caseId, action, {
        expectedVersion: found.record.version,
        input: example(today),
      });
    }
  }
  await deps.engine.idle();
  await deps.tick();
  return demoPeople.length;
}
