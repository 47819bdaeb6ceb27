import * as z from 'zod';
import { labelled, ruleViolation } from '#shared/domain/validation';
import { defineAction } from './define';

/**
 * The LĐTBXH office checks the file's legality (thẩm định): forwards it to the court with a
 * proposal, returns it for supplement, or finds the person ineligible (ND-116 Art. 43).
 */
export const review = defineAction({
  label: 'Kiểm tra tính pháp lý của hồ sơ',
  role: 'reviewer',
  unit: 'review',
  stage: 'UNDER_REVIEW',
  deadline: { kind: 'limit', limit: 'review' },
  completes: { kind: 'taskToken' },
  input: z
    .object({
      decision: labelled(z.enum(['forward', 'returnForSupplement', 'ineligible']), {
        forward: 'Hồ sơ đủ điều kiện, chuyển đến Tòa án',
        returnForSupplement: 'Trả lại để bổ sung hồ sơ',
        ineligible: 'Không đủ điều kiện áp dụng biện pháp',
      }).describe('Kết quả kiểm tra'),
      reason: z.string().trim().max(2000).optional().describe('Lý do'),
      childProtectionOpinion: z
        .string()
        .trim()
        .min(10)
        .max(3000)
        .optional()
        .describe(
          'Người chưa thành niên: ý kiến về bảo đảm quyền trẻ em và kế hoạch quản lý (Luật PCMT 2021, Điều 34 khoản 4)',
        ),
    })
    .strict()
    .refine((v) => v.decision === 'forward' || (v.reason ?? '').length >= 5, {
      path: ['reason'],
      error: 'bắt buộc (ít nhất 5 ký tự) khi trả hồ sơ hoặc kết luận không đủ điều kiện',
    }),
  apply(next, { decision, childProtectionOpinion }) {
    if (decision === 'returnForSupplement') next.supplementRounds += 1;
    if (decision === 'forward' && next.minor) {
      if (!childProtectionOpinion) {
        throw ruleViolation(
          'input.childProtectionOpinion',
          'bắt buộc khi chuyển hồ sơ của người chưa thành niên cho Tòa án (Luật PCMT 2021, Điều 34 khoản 4)',
        );
      }
      next.childProtectionOpinion = childProtectionOpinion;
    }
  },
  documents: [{ kind: 'courtProposal', when: (input) => input.decision === 'forward' }],
  example: () => ({ decision: 'forward' as const }),
});
