import { recordAbscondedOn } from './checks';
import { defineAction } from './define';
import { abscondingInput } from './fields';

/**
 * The person absconds from the centre; its director decides a search (ND-116 Art. 56(2)). A
 * standing task of the term: the release timer stops (shared/domain/treatment-events.ts).
 */
export const recordAbscondingInTreatment = defineAction({
  label: 'Ghi nhận học viên bỏ trốn khỏi cơ sở, ra quyết định truy tìm',
  role: 'centre',
  unit: 'centre',
  stage: 'IN_TREATMENT',
  deadline: {
    kind: 'caseDate',
    field: 'releaseDueOn',
    source: 'Nghị định 116/2021/NĐ-CP, Điều 56 khoản 2',
  },
  escalates: false,
  completes: { kind: 'standing' },
  input: abscondingInput,
  apply: recordAbscondedOn,
});
