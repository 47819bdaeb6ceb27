import * as z from 'zod';
import { ruleViolation } from '#shared/domain/validation';
import { notInFuture } from './checks';
import { defineAction } from './define';
import { isoDate } from './fields';

/** The centre releases the person at the end of the term, with the certificate (ND-116 Art. 62). */
export const release = defineAction({
  label: 'Cấp giấy chứng nhận chấp hành xong và cho về',
  role: 'centre',
  unit: 'centre',
  stage: 'IN_TREATMENT',
  deadline: { kind: 'caseDate', field: 'releaseDueOn', source: 'Nghị định 116/2021/NĐ-CP, Điều 62' },
  completes: { kind: 'taskToken' },
  input: z.object({ releasedOn: isoDate.describe('Ngày chấp hành xong') }).strict(),
  apply(next, { releasedOn }, today) {
    notInFuture('input.releasedOn', releasedOn, today);
    if (next.admittedOn && releasedOn < next.admittedOn) {
      throw ruleViolation('input.releasedOn', 'không được trước ngày tiếp nhận vào cơ sở');
    }
    next.releasedOn = releasedOn;
  },
  documents: [{ kind: 'releaseCertificate' }],
});
