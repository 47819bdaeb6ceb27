import * as z from 'zod';
import { byTheCourt, defineAction } from './define';

/** While it holds the file the court may ask the proposing body for more documents (ND-116 Art. 43(3)). */
export const requestDocuments = defineAction({
  label: 'Yêu cầu cơ quan đề nghị bổ sung tài liệu',
  ...byTheCourt,
  stage: 'ACCEPTED',
  deadline: { kind: 'limit', limit: 'courtDecision' },
  escalates: false,
  completes: { kind: 'taskToken' },
  input: z
    .object({ requested: z.string().trim().min(5).max(2000).describe('Tài liệu Tòa án yêu cầu bổ sung') })
    .strict(),
  apply(next, { requested }) {
    next.courtRequest = requested;
  },
});
