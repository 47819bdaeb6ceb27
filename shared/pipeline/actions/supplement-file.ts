import { defineAction } from './define';
import { documentsInput } from './fields';

/** The commune police add what the LĐTBXH office or the court found missing (ND-116 Art. 43(1)). */
export const supplementFile = defineAction({
  label: 'Bổ sung hồ sơ',
  role: 'police',
  unit: 'filing',
  stage: 'SUPPLEMENTING',
  deadline: { kind: 'limit', limit: 'supplement' },
  completes: { kind: 'taskToken' },
  input: documentsInput,
  apply(next, { documents }) {
    next.file = { ...next.file, documents: [...next.file.documents, ...documents] };
  },
});
