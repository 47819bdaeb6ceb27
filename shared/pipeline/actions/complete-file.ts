import * as z from 'zod';
import { addictionDeterminationSchema } from '#shared/domain/case-file';
import { notInFuture } from './checks';
import { defineAction } from './define';
import { documents } from './fields';

/**
 * Completing a file the system opened as a draft on a relapse: the new addiction determination
 * and documents. Completing it starts the filing stage and notifies the person and family.
 */
export const completeFile = defineAction({
  label: 'Hoàn thiện hồ sơ (tái nghiện) và gửi thông báo',
  role: 'police',
  unit: 'filing',
  stage: 'DRAFT',
  deadline: { kind: 'limit', limit: 'openFile' },
  completes: { kind: 'startStage', workflow: 'filing', input: {} },
  input: z
    .object({
      addictionDetermination: addictionDeterminationSchema.describe('Kết quả xác định tình trạng nghiện'),
      documents,
      groundsDetail: z
        .string()
        .trim()
        .min(10)
        .max(4000)
        .optional()
        .describe('Tóm tắt hành vi, căn cứ đề nghị'),
    })
    .strict(),
  apply(next, input, today) {
    notInFuture(
      'input.addictionDetermination.determinedOn',
      input.addictionDetermination.determinedOn,
      today,
    );
    next.file = {
      ...next.file,
      addictionDetermination: input.addictionDetermination,
      documents: input.documents,
      groundsDetail: input.groundsDetail ?? next.file.groundsDetail,
    };
    next.draft = undefined;
  },
  documents: [{ kind: 'fileCompilationNotice' }],
});
