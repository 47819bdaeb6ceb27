import * as z from 'zod';
import { labelled, ruleViolation } from '#shared/domain/validation';
import { byTheCourt, defineAction } from './define';
import { application, isoDate, note } from './fields';

/** The court postpones the execution for serious illness or family hardship (ND-116 Art. 57(1)). */
export const recordPostponement = defineAction({
  label: 'Ghi nhận quyết định hoãn chấp hành',
  ...byTheCourt,
  stage: 'AWAITING_ADMISSION',
  deadline: { kind: 'limit', limit: 'escort' },
  escalates: false,
  completes: { kind: 'taskToken' },
  input: z
    .object({
      grounds: labelled(z.enum(['seriousIllness', 'familyHardship']), {
        seriousIllness: 'Đang ốm nặng có chứng nhận của bệnh viện',
        familyHardship: 'Gia đình có hoàn cảnh đặc biệt khó khăn',
      }).describe('Điều 57 khoản 1 Nghị định 116/2021/NĐ-CP'),
      until: isoDate.describe('Hoãn đến ngày'),
      ...application,
      note,
    })
    .strict(),
  apply(next, input, today) {
    if (input.until <= today) throw ruleViolation('input.until', 'phải sau ngày hôm nay');
    next.postponement = { grounds: input.grounds, until: input.until };
  },
  documents: [{ kind: 'postponementDecision' }],
});
