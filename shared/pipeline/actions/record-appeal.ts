import * as z from 'zod';
import { labelled } from '#shared/domain/validation';
import { ForbiddenError } from '#shared/errors';
import { notInFuture } from './checks';
import { byTheCourt, defineAction } from './define';
import { isoDate, note } from './fields';

/**
 * A complaint, recommendation or protest lodged within the appeal window (PL-03 Art. 32). The
 * court records it; a procurator may lodge a protest directly.
 */
export const recordAppeal = defineAction({
  label: 'Ghi nhận khiếu nại, kiến nghị hoặc kháng nghị',
  ...byTheCourt,
  alsoPerformedBy: ['judge', 'procurator'],
  stage: 'APPEAL_WINDOW',
  deadline: { kind: 'limit', limit: 'appealWindow' },
  escalates: false,
  completes: { kind: 'taskToken' },
  input: z
    .object({
      kind: labelled(z.enum(['complaint', 'recommendation', 'protest']), {
        complaint: 'Khiếu nại',
        recommendation: 'Kiến nghị',
        protest: 'Kháng nghị',
      }).describe('Khiếu nại / kiến nghị / kháng nghị'),
      lodgedBy: z.string().trim().min(2).max(200).describe('Người khiếu nại, cơ quan kiến nghị, kháng nghị'),
      lodgedOn: isoDate.describe('Ngày nộp'),
      note,
    })
    .strict(),
  checkPerformer(actor, input) {
    if (actor.role === 'procurator' && input.kind !== 'protest') {
      throw new ForbiddenError('Kiểm sát viên chỉ được ghi nhận kháng nghị (kind = protest).', {
        field: 'input.kind',
        role: actor.role,
      });
    }
  },
  apply(next, input, today) {
    notInFuture('input.lodgedOn', input.lodgedOn, today);
    next.appeals = [
      ...(next.appeals ?? []),
      { kind: input.kind, lodgedBy: input.lodgedBy, lodgedOn: input.lodgedOn },
    ];
  },
});
