import * as z from 'zod';
import { labelled } from '#shared/domain/validation';
import { byTheCourt, defineAction } from './define';
import { application, note } from './fields';

/** The court exempts the person from executing the measure, pregnancy included (ND-116 Art. 57(3)). */
export const recordExemption = defineAction({
  label: 'Ghi nhận quyết định miễn chấp hành',
  ...byTheCourt,
  stage: 'AWAITING_ADMISSION',
  deadline: { kind: 'limit', limit: 'escort' },
  escalates: false,
  completes: { kind: 'taskToken' },
  input: z
    .object({
      grounds: labelled(z.enum(['dangerousIllness', 'notAddictedAfterVoluntaryTreatment', 'pregnancy']), {
        dangerousIllness: 'Mắc bệnh hiểm nghèo',
        notAddictedAfterVoluntaryTreatment: 'Đã tự nguyện cai nghiện và không còn nghiện',
        pregnancy: 'Đang mang thai có chứng nhận của bệnh viện',
      }).describe('Điều 57 khoản 3 Nghị định 116/2021/NĐ-CP'),
      ...application,
      note,
    })
    .strict(),
  apply(next, input) {
    next.exemption = { grounds: input.grounds };
  },
  documents: [{ kind: 'exemptionDecision' }],
});
