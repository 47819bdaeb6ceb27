import * as z from 'zod';
import type { CaseRecord } from '#shared/domain/case';
import { addDays, addMonths, type IsoDate } from '#shared/domain/dates';
import { ruleViolation } from '#shared/domain/validation';
import { notInFuture } from './checks';
import { byTheCourt, defineAction } from './define';
import { decidedOn, isoDate } from './fields';

const deadline = {
  kind: 'caseDate',
  field: 'releaseDueOn',
  source: 'Nghị định 116/2021/NĐ-CP, Điều 58 khoản 1',
} as const;

/**
 * The court reduces the term on the centre's proposal: 1–3 months, 3–6 with merit, after half the
 * term (ND-116 Art. 58(1)); shared/domain/treatment-events.ts moves the release date.
 */
export const recordReduction = defineAction({
  label: 'Ghi nhận quyết định giảm thời hạn chấp hành',
  ...byTheCourt,
  stage: 'IN_TREATMENT',
  deadline,
  escalates: false,
  completes: { kind: 'standing' },
  input: z
    .object({
      months: z.number().int().min(1).max(6).describe('Số tháng được giảm (1–3; 3–6 nếu lập công)'),
      meritorious: z.boolean().describe('Có lập công'),
      decidedOn,
      centreProposalNumber: z
        .string()
        .trim()
        .min(1)
        .max(50)
        .describe('Số văn bản đề nghị của cơ sở cai nghiện'),
      centreProposalDate: isoDate.describe('Ngày văn bản đề nghị của cơ sở cai nghiện'),
    })
    .strict()
    .refine((v) => v.meritorious || v.months <= 3, {
      path: ['months'],
      error: 'tối đa 3 tháng nếu không lập công (Điều 58 khoản 1 Nghị định 116/2021/NĐ-CP)',
    }),
  apply(next, input, today) {
    notInFuture('input.decidedOn', input.decidedOn, today);
    const term = next.decision?.months ?? 0;
    const reduced = (next.reducedMonths ?? 0) + input.months;
    if (reduced >= term)
      throw ruleViolation('input.months', 'tổng số tháng giảm phải ít hơn thời hạn áp dụng');
    next.reducedMonths = reduced;
    checkHalfServed(next, today);
  },
  documents: [{ kind: 'reductionDecision' }],
});

/** Reduction only after half the term has been served (ND-116 Art. 58(1)). */
function checkHalfServed(record: CaseRecord, today: IsoDate): void {
  const months = record.decision?.months ?? 0;
  const admittedOn = record.admittedOn ?? today;
  const half = addDays(addMonths(admittedOn, Math.floor(months / 2)), months % 2 === 1 ? 15 : 0);
  if (today < half) {
    throw ruleViolation(
      'input.months',
      `chỉ xét giảm khi đã chấp hành được một nửa thời hạn (từ ngày ${half}; ${deadline.source})`,
    );
  }
}
