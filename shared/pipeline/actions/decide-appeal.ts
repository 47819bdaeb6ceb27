import * as z from 'zod';
import { labelled } from '#shared/domain/validation';
import { checkTerm, notInFuture } from './checks';
import { byTheCourt, defineAction } from './define';
import { decidedOn, decisionNumber, note, sourceDecision } from './fields';

/**
 * The decision on a complaint, recommendation or protest (PL-03 Arts. 33–37): the first decision
 * is upheld, changed, or annulled and examined again at a new session.
 */
export const decideAppeal = defineAction({
  label: 'Ghi nhận quyết định giải quyết khiếu nại, kiến nghị, kháng nghị',
  ...byTheCourt,
  stage: 'UNDER_APPEAL',
  deadline: { kind: 'limit', limit: 'appealDecision' },
  completes: { kind: 'taskToken' },
  input: z
    .object({
      outcome: labelled(z.enum(['upheld', 'changed', 'annulled']), {
        upheld: 'Giữ nguyên quyết định',
        changed: 'Sửa quyết định',
        annulled: 'Hủy quyết định, giao giải quyết lại',
      }).describe('Giữ nguyên / sửa / hủy quyết định'),
      decisionNumber,
      decidedOn,
      changedTo: z
        .object({
          outcome: sourceDecision.describe('Quyết định sau khi sửa'),
          months: z.number().int().positive().optional().describe('Thời hạn áp dụng (tháng)'),
        })
        .strict()
        .optional()
        .describe('Nội dung quyết định sau khi sửa'),
      note,
    })
    .strict()
    .refine((v) => v.outcome !== 'changed' || v.changedTo !== undefined, {
      path: ['changedTo'],
      error: 'bắt buộc khi sửa quyết định',
    }),
  apply(next, input, today) {
    notInFuture('input.decidedOn', input.decidedOn, today);
    const appeals = [...(next.appeals ?? [])];
    const last = appeals.pop();
    if (last)
      appeals.push({
        ...last,
        outcome: input.outcome,
        decisionNumber: input.decisionNumber,
        decidedOn: input.decidedOn,
      });
    next.appeals = appeals;
    if (input.outcome === 'annulled') {
      // The first decision falls; the court examines the file again, at a new session.
      next.decision = undefined;
      next.session = undefined;
      return;
    }
    if (input.outcome === 'changed' && input.changedTo && next.decision) {
      if (input.changedTo.outcome === 'apply')
        checkTerm(next, input.changedTo.months, 'input.changedTo.months');
      next.decision = { ...next.decision, outcome: input.changedTo.outcome, months: input.changedTo.months };
    }
    // The appeal decision is final and takes effect when made.
    next.decisionEffectiveOn = input.decidedOn;
  },
});
