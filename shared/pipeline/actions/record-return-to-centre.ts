import { ruleViolation } from '#shared/domain/validation';
import { notInFuture } from './checks';
import { defineAction } from './define';
import { foundInput } from './fields';

/**
 * The person is back in the centre; the absent time does not count and the release date moves
 * (ND-116 Art. 56(4); shared/domain/treatment-events.ts moves the timer).
 */
export const recordReturnToCentre = defineAction({
  label: 'Ghi nhận học viên trở lại cơ sở (thời gian bỏ trốn không tính vào thời hạn)',
  role: 'centre',
  unit: 'centre',
  stage: 'WANTED',
  deadline: {
    kind: 'caseDate',
    field: 'releaseDueOn',
    source: 'Nghị định 116/2021/NĐ-CP, Điều 56 khoản 4',
  },
  escalates: false,
  completes: { kind: 'standing' },
  input: foundInput,
  apply(next, { foundOn }, today) {
    notInFuture('input.foundOn', foundOn, today);
    const from = next.abscondedOn ?? foundOn;
    if (foundOn < from) throw ruleViolation('input.foundOn', 'không được trước ngày bỏ trốn');
    next.absences = [...(next.absences ?? []), { from, returnedOn: foundOn }];
    next.abscondedOn = undefined;
  },
});
