import * as z from 'zod';
import { ruleViolation } from '#shared/domain/validation';
import { notInFuture } from './checks';
import { defineAction } from './define';
import { isoDate, personName } from './fields';

const representative = z
  .object({ name: personName, position: z.string().trim().min(2).max(120).describe('Chức vụ') })
  .strict();

/** The centre admits the person escorted by the police, with the handover record (ND-116 Art. 54). */
export const admit = defineAction({
  label: 'Tiếp nhận người vào cơ sở cai nghiện',
  role: 'centre',
  unit: 'centre',
  stage: 'AWAITING_ADMISSION',
  deadline: { kind: 'limit', limit: 'escort' },
  // A postponed admission is due counting from the end of the postponement (ND-116 Art. 57).
  heldUntil: ({ postponement }, today) =>
    postponement && postponement.until > today
      ? { until: postponement.until, stage: 'POSTPONED' }
      : undefined,
  completes: { kind: 'taskToken' },
  input: z
    .object({
      admittedOn: isoDate.describe('Ngày tiếp nhận'),
      time: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'giờ dạng HH:MM' })
        .describe('Giờ giao, nhận'),
      handedOverBy: representative.describe('Đại diện bên giao (Công an)'),
      receivedBy: representative.describe('Đại diện bên nhận (cơ sở cai nghiện)'),
      health: z.string().trim().min(3).max(1000).describe('Tình trạng sức khỏe khi giao, nhận'),
      belongings: z.string().trim().min(3).max(1000).optional().describe('Đồ dùng, tư trang cá nhân'),
      deductedDays: z
        .number()
        .int()
        .min(0)
        .max(365)
        .optional()
        .describe(
          'Số ngày quản lý tạm thời tại cơ sở, được trừ vào thời hạn (Điều 44 Nghị định 116/2021/NĐ-CP)',
        ),
    })
    .strict(),
  apply(next, { admittedOn, deductedDays }, today) {
    notInFuture('input.admittedOn', admittedOn, today);
    if (next.decision && admittedOn < next.decision.decidedOn) {
      throw ruleViolation('input.admittedOn', 'không được trước ngày Tòa án ra quyết định');
    }
    next.admittedOn = admittedOn;
    if (deductedDays !== undefined) next.deductedDays = deductedDays;
  },
  documents: [{ kind: 'admissionRecord' }],
  example: (today) => ({
    admittedOn: today,
    time: '09:00',
    handedOverBy: { name: 'Phạm Văn Đức', position: 'Đội trưởng' },
    receivedBy: { name: 'Lê Thị Hằng', position: 'Phó Giám đốc' },
    health: 'bình thường, không có thương tích.',
  }),
});
