import * as z from 'zod';
import { labelled } from '#shared/domain/validation';
import { notInFuture } from './checks';
import { byTheCourt, defineAction } from './define';
import { isoDate } from './fields';

/** The court accepts a complete file (thụ lý) and assigns a judge, or returns an incomplete one (PL-03 Art. 9). */
export const acceptFile = defineAction({
  label: 'Thụ lý hồ sơ hoặc trả lại hồ sơ chưa đủ',
  ...byTheCourt,
  stage: 'AT_COURT',
  deadline: { kind: 'limit', limit: 'courtAcceptance' },
  completes: { kind: 'taskToken' },
  input: z
    .object({
      decision: labelled(z.enum(['accept', 'returnIncomplete']), {
        accept: 'Thụ lý hồ sơ',
        returnIncomplete: 'Trả lại hồ sơ chưa đầy đủ',
      }).describe('Quyết định'),
      acceptedOn: isoDate.describe('Ngày thụ lý hoặc ngày trả lại hồ sơ'),
      judgeName: z.string().trim().min(2).max(100).optional().describe('Thẩm phán được phân công'),
      reason: z.string().trim().max(2000).optional().describe('Lý do trả lại'),
    })
    .strict()
    .refine((v) => v.decision === 'returnIncomplete' || (v.judgeName ?? '').length >= 2, {
      path: ['judgeName'],
      error: 'bắt buộc khi thụ lý hồ sơ (phân công Thẩm phán)',
    })
    .refine((v) => v.decision === 'accept' || (v.reason ?? '').length >= 5, {
      path: ['reason'],
      error: 'bắt buộc (ít nhất 5 ký tự) khi trả lại hồ sơ',
    }),
  apply(next, input, today) {
    notInFuture('input.acceptedOn', input.acceptedOn, today);
    if (input.decision === 'accept') {
      next.acceptedOn = input.acceptedOn;
      next.judgeName = input.judgeName;
    } else {
      next.courtReturns = (next.courtReturns ?? 0) + 1;
    }
  },
  example: (today) => ({ decision: 'accept' as const, acceptedOn: today, judgeName: 'Nguyễn Thị Hạnh' }),
});
