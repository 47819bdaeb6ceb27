import * as z from 'zod';
import { ruleViolation } from '#shared/domain/validation';
import { checkTerm, notInFuture } from './checks';
import { byTheCourt, defineAction } from './define';
import { isoDate, personName, sourceDecision } from './fields';

/**
 * The court's decision at the session: to apply the measure for a term, or not to apply it
 * (PL-03; minors PL-01). It issues the court decision and opens the appeal window.
 */
export const decide = defineAction({
  label: 'Ghi nhận quyết định áp dụng hoặc không áp dụng biện pháp',
  ...byTheCourt,
  stage: 'SESSION_SCHEDULED',
  deadline: { kind: 'limit', limit: 'courtDecision', from: 'acceptedOn' },
  completes: { kind: 'taskToken' },
  input: z
    .object({
      outcome: sourceDecision.describe('Quyết định'),
      decidedOn: isoDate.describe('Ngày ra quyết định'),
      months: z.number().int().positive().optional().describe('Thời hạn áp dụng (tháng)'),
      reason: z.string().trim().max(4000).optional().describe('Lý do không áp dụng'),
      guardianPresent: z
        .boolean()
        .optional()
        .describe('Cha, mẹ hoặc người giám hộ có mặt tại phiên họp (người dưới 18 tuổi)'),
      secretary: personName.describe('Thư ký phiên họp'),
      procurator: personName.describe('Kiểm sát viên tham gia phiên họp'),
      sessionPlace: z
        .string()
        .trim()
        .min(3)
        .max(200)
        .optional()
        .describe('Nơi mở phiên họp (mặc định: trụ sở Tòa án)'),
      fileAssessment: z.string().trim().min(10).max(3000).describe('Nhận định về tính hợp pháp của hồ sơ'),
      groundsAssessment: z
        .string()
        .trim()
        .min(10)
        .max(3000)
        .describe('Nhận định về căn cứ áp dụng biện pháp'),
    })
    .strict()
    .refine((v) => v.outcome === 'notApply' || v.months !== undefined, {
      path: ['months'],
      error: 'bắt buộc khi quyết định áp dụng biện pháp',
    })
    .refine((v) => v.outcome === 'apply' || (v.reason ?? '').length >= 10, {
      path: ['reason'],
      error: 'bắt buộc (ít nhất 10 ký tự) khi quyết định không áp dụng biện pháp',
    }),
  apply(next, decision, today) {
    notInFuture('input.decidedOn', decision.decidedOn, today);
    // The workflow offers the decision only once the session is opened (Await Session Scheduling);
    // the rule holds on its own too, e.g. after an annulment cleared the session.
    if (!next.session) {
      throw ruleViolation(
        'input',
        'Tòa án ra quyết định tại phiên họp: cần quyết định mở phiên họp trước (Pháp lệnh 03/2022/UBTVQH15)',
      );
    }
    if (decision.decidedOn < next.session.date) {
      throw ruleViolation('input.decidedOn', `không được trước ngày mở phiên họp (${next.session.date})`);
    }
    if (next.minor && decision.guardianPresent === undefined) {
      throw ruleViolation(
        'input.guardianPresent',
        'bắt buộc ghi rõ cha, mẹ hoặc người giám hộ có mặt tại phiên họp hay không (người dưới 18 tuổi)',
      );
    }
    if (decision.outcome === 'apply') checkTerm(next, decision.months, 'input.months');
    next.decision = decision;
  },
  documents: [{ kind: 'courtDecision' }],
  example: (today) => ({
    outcome: 'apply' as const,
    decidedOn: today,
    months: 18,
    secretary: 'Vàng Thị Dung',
    procurator: 'Đỗ Văn Khải',
    fileAssessment: 'Hồ sơ được lập đầy đủ, đúng trình tự, thủ tục theo Điều 41 Nghị định 116/2021/NĐ-CP.',
    groundsAssessment: 'Người bị đề nghị đã được nhắc nhở nhưng không đăng ký cai nghiện ma túy tự nguyện.',
  }),
});
