import * as z from 'zod';
import { ruleViolation } from '#shared/domain/validation';
import { notInFuture } from './checks';
import { byTheCourt, defineAction } from './define';
import { isoDate } from './fields';

/** The decision to open the session (quyết định mở phiên họp): when and where the court sits. */
export const openSession = defineAction({
  label: 'Quyết định mở phiên họp',
  ...byTheCourt,
  stage: 'ACCEPTED',
  // Its own wait (Await Session Scheduling): opened on acceptance, and again after the court asked
  // for documents or an appeal annulled the decision, each time with a new period.
  deadline: { kind: 'limit', limit: 'sessionScheduling' },
  completes: { kind: 'taskToken' },
  input: z
    .object({
      decidedOn: isoDate.describe('Ngày ra quyết định mở phiên họp'),
      sessionDate: isoDate.describe('Ngày mở phiên họp'),
      sessionPlace: z.string().trim().min(3).max(200).describe('Nơi mở phiên họp'),
      online: z.boolean().default(false).describe('Phiên họp trực tuyến'),
      guardianSummoned: z
        .boolean()
        .optional()
        .describe('Đã triệu tập cha, mẹ hoặc người giám hộ (bắt buộc với người dưới 18 tuổi)'),
    })
    .strict()
    .refine((v) => v.sessionDate >= v.decidedOn, {
      path: ['sessionDate'],
      error: 'không được trước ngày ra quyết định mở phiên họp',
    }),
  apply(next, input, today) {
    notInFuture('input.decidedOn', input.decidedOn, today);
    if (next.acceptedOn && input.decidedOn < next.acceptedOn) {
      throw ruleViolation('input.decidedOn', 'không được trước ngày thụ lý hồ sơ');
    }
    // A minor's parent or guardian takes part in the session (Pháp lệnh 01/2022/UBTVQH15).
    if (next.minor && input.guardianSummoned !== true) {
      throw ruleViolation(
        'input.guardianSummoned',
        'phải triệu tập cha, mẹ hoặc người giám hộ của người dưới 18 tuổi tham gia phiên họp',
      );
    }
    next.session = {
      decidedOn: input.decidedOn,
      date: input.sessionDate,
      place: input.sessionPlace,
      online: input.online,
      guardianSummoned: input.guardianSummoned,
    };
  },
  example: (today) => ({
    decidedOn: today,
    sessionDate: today,
    sessionPlace: 'Trụ sở Tòa án nhân dân thành phố Lai Châu',
  }),
});
