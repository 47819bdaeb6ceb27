import { defineAction } from './define';
import { documentsInput } from './fields';

/** The LĐTBXH office answers the court's request for documents (ND-116 Art. 43(3), 53(3)). */
export const answerCourtRequest = defineAction({
  label: 'Bổ sung tài liệu theo yêu cầu của Tòa án',
  role: 'reviewer',
  unit: 'review',
  stage: 'CLARIFYING',
  deadline: { kind: 'limit', limit: 'courtClarification' },
  completes: { kind: 'taskToken' },
  input: documentsInput,
  apply(next, { documents }) {
    next.file = { ...next.file, documents: [...next.file.documents, ...documents] };
    next.courtRequest = undefined;
  },
});
