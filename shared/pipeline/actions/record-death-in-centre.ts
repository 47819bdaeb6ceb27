import { recordDiedOn } from './checks';
import { defineAction } from './define';
import { deathInput } from './fields';

/** The person died in the centre (ND-116 Art. 61): the case closes, its timers go. */
export const recordDeathInCentre = defineAction({
  label: 'Ghi nhận học viên chết tại cơ sở',
  role: 'centre',
  unit: 'centre',
  stage: 'IN_TREATMENT',
  deadline: { kind: 'caseDate', field: 'releaseDueOn', source: 'Nghị định 116/2021/NĐ-CP, Điều 61' },
  escalates: false,
  completes: { kind: 'standing' },
  input: deathInput,
  apply: recordDiedOn,
});
