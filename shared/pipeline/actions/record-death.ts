import { recordDiedOn } from './checks';
import { defineAction } from './define';
import { deathInput } from './fields';

/** The person died before admission: offered beside the main step of every wait; the case closes. */
export const recordDeath = defineAction({
  label: 'Ghi nhận người bị đề nghị đã chết',
  role: 'police',
  unit: 'filing',
  stage: 'NOTIFIED',
  deadline: { kind: 'limit', limit: 'readAndSendFile' },
  escalates: false,
  completes: { kind: 'taskToken' },
  input: deathInput,
  apply: recordDiedOn,
});
