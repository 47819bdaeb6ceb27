import * as z from 'zod';
import { labelled } from '#shared/domain/validation';
import { notInFuture } from './checks';
import { byTheCourt, defineAction } from './define';
import { decidedOn, decisionNumber } from './fields';

/** The court exempts the rest of the term; the person is released at once (ND-116 Art. 58(3)). */
export const recordEarlyEnd = defineAction({
  label: 'Ghi nhận quyết định miễn chấp hành phần thời gian còn lại',
  ...byTheCourt,
  stage: 'IN_TREATMENT',
  deadline: {
    kind: 'caseDate',
    field: 'releaseDueOn',
    source: 'Nghị định 116/2021/NĐ-CP, Điều 58 khoản 3',
  },
  escalates: false,
  completes: { kind: 'standing' },
  input: z
    .object({
      grounds: labelled(z.enum(['dangerousIllness', 'pregnancy', 'imprisoned']), {
        dangerousIllness: 'Mắc bệnh hiểm nghèo',
        pregnancy: 'Đang mang thai có chứng nhận của bệnh viện',
        imprisoned: 'Phải chấp hành án phạt tù',
      }).describe('Miễn phần còn lại (Điều 58 khoản 3 Nghị định 116/2021/NĐ-CP)'),
      decisionNumber,
      decidedOn,
    })
    .strict(),
  apply(next, input, today) {
    notInFuture('input.decidedOn', input.decidedOn, today);
    next.earlyEnd = {
      grounds: input.grounds,
      decisionNumber: input.decisionNumber,
      decidedOn: input.decidedOn,
    };
  },
});
