import { ruleViolation } from '#shared/domain/validation';
import { notInFuture } from './checks';
import { defineAction } from './define';
import { foundInput } from './fields';

/** The police found the person who absconded before admission; the escort starts again. */
export const recordFound = defineAction({
  label: 'Ghi nhận đã tìm thấy người bỏ trốn',
  role: 'police',
  unit: 'filing',
  stage: 'WANTED',
  deadline: { kind: 'limit', limit: 'search' },
  completes: { kind: 'taskToken' },
  input: foundInput,
  apply(next, { foundOn }, today) {
    notInFuture('input.foundOn', foundOn, today);
    if (next.abscondedOn && foundOn < next.abscondedOn) {
      throw ruleViolation('input.foundOn', 'không được trước ngày bỏ trốn');
    }
    next.abscondedOn = undefined;
  },
});
