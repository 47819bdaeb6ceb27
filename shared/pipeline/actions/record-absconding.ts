import { recordAbscondedOn } from './checks';
import { defineAction } from './define';
import { abscondingInput } from './fields';

/** Before admission, the commune police record the absconding and decide a search (ND-116 Art. 56(1)). */
export const recordAbsconding = defineAction({
  label: 'Ghi nhận người phải chấp hành bỏ trốn, ra quyết định truy tìm',
  role: 'police',
  unit: 'filing',
  stage: 'AWAITING_ADMISSION',
  deadline: { kind: 'limit', limit: 'escort' },
  escalates: false,
  completes: { kind: 'taskToken' },
  input: abscondingInput,
  apply: recordAbscondedOn,
});
