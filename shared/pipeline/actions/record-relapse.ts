import * as z from 'zod';
import { notInFuture } from './checks';
import { defineAction } from './define';
import { isoDate } from './fields';

/**
 * A relapse during post-treatment management (PCMT-2021 Art. 40): supervision ends and a new,
 * linked file is opened as a draft on ground (d).
 */
export const recordRelapse = defineAction({
  label: 'Ghi nhận tái nghiện trong thời gian quản lý sau cai',
  role: 'supervisor',
  unit: 'supervision',
  stage: 'UNDER_SUPERVISION',
  deadline: {
    kind: 'caseDate',
    field: 'supervisionEndsOn',
    source: 'Luật Phòng, chống ma túy 2021, Điều 40',
  },
  completes: { kind: 'startStage', workflow: 'supervisionEnd', input: { outcome: 'relapsed' } },
  input: z
    .object({
      detectedOn: isoDate.describe('Ngày phát hiện tái nghiện'),
      note: z.string().trim().min(5).max(2000).describe('Kết quả xác định tình trạng nghiện'),
    })
    .strict(),
  apply(_next, { detectedOn }, today) {
    notInFuture('input.detectedOn', detectedOn, today);
  },
});
