import * as z from 'zod';
import { labelled } from '#shared/domain/validation';
import { notInFuture } from './checks';
import { byTheCourt, defineAction } from './define';
import { decidedOn, decisionNumber, note } from './fields';

const terminationReasons = ['deceased', 'notSubject', 'limitationExpired', 'withdrawn'] as const;

/** The court stops examining the file (đình chỉ, PL-03 Art. 16): the case closes. */
export const terminateCase = defineAction({
  label: 'Đình chỉ việc xem xét hồ sơ',
  ...byTheCourt,
  stage: 'ACCEPTED',
  deadline: { kind: 'limit', limit: 'courtDecision' },
  escalates: false,
  completes: { kind: 'taskToken' },
  input: z
    .object({
      reason: labelled(z.enum(terminationReasons), {
        deceased: 'Người bị đề nghị chết',
        notSubject: 'Người bị đề nghị không thuộc đối tượng áp dụng',
        limitationExpired: 'Hết thời hiệu áp dụng',
        withdrawn: 'Cơ quan đề nghị rút hồ sơ',
      }).describe('Căn cứ đình chỉ (Pháp lệnh 03/2022/UBTVQH15, Điều 16)'),
      decisionNumber,
      decidedOn,
      note,
    })
    .strict(),
  apply(next, input, today) {
    notInFuture('input.decidedOn', input.decidedOn, today);
    next.termination = {
      reason: input.reason,
      decisionNumber: input.decisionNumber,
      decidedOn: input.decidedOn,
    };
  },
});
