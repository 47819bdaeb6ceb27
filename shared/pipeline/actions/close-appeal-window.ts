import * as z from 'zod';
import { ruleViolation } from '#shared/domain/validation';
import { notInFuture } from './checks';
import { byTheCourt, defineAction } from './define';
import { isoDate } from './fields';

/** No complaint, recommendation or protest came in time: the decision takes effect (PL-03 Art. 32). */
export const closeAppealWindow = defineAction({
  label: 'Xác nhận hết thời hạn khiếu nại, kiến nghị, kháng nghị',
  ...byTheCourt,
  stage: 'APPEAL_WINDOW',
  deadline: { kind: 'limit', limit: 'appealWindow' },
  completes: { kind: 'taskToken' },
  input: z.object({ effectiveOn: isoDate.describe('Ngày quyết định có hiệu lực') }).strict(),
  apply(next, { effectiveOn }, today) {
    notInFuture('input.effectiveOn', effectiveOn, today);
    if (next.decision && effectiveOn < next.decision.decidedOn) {
      throw ruleViolation('input.effectiveOn', 'không được trước ngày ra quyết định');
    }
    next.decisionEffectiveOn = effectiveOn;
  },
  example: (today) => ({ effectiveOn: today }),
});
