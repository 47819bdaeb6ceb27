import { recordDiedOn } from './checks';
import { defineAction } from './define';
import { deathInput } from './fields';

/** The person died during post-treatment management: the case closes, its timers go. */
export const recordDeathUnderSupervision = defineAction({
  label: 'Ghi nhận người được quản lý sau cai nghiện đã chết',
  role: 'supervisor',
  unit: 'supervision',
  stage: 'UNDER_SUPERVISION',
  deadline: {
    kind: 'caseDate',
    field: 'supervisionEndsOn',
    source: 'Luật Phòng, chống ma túy 2021, Điều 43 khoản 3',
  },
  escalates: false,
  completes: { kind: 'standing' },
  input: deathInput,
  apply: recordDiedOn,
});
