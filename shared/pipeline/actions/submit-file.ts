import * as z from 'zod';
import { ruleViolation } from '#shared/domain/validation';
import { defineAction } from './define';
import { note } from './fields';

/** The commune police send the file to the LĐTBXH office once the reading period ends (ND-116 Art. 42(4)). */
export const submitFile = defineAction({
  label: 'Gửi hồ sơ đến Phòng Lao động - Thương binh và Xã hội',
  role: 'police',
  unit: 'filing',
  stage: 'NOTIFIED',
  deadline: { kind: 'limit', limit: 'readAndSendFile' },
  completes: { kind: 'taskToken' },
  input: z
    .object({
      opinionsRecorded: z
        .boolean()
        .describe('Đã ghi nhận ý kiến của người bị đề nghị và gia đình sau thời hạn đọc hồ sơ'),
      guardianNotified: z
        .boolean()
        .optional()
        .describe(
          'Đã thông báo bằng văn bản cho cha, mẹ, người giám hộ hoặc người đại diện hợp pháp (bắt buộc với người dưới 18 tuổi)',
        ),
      note,
    })
    .strict(),
  apply(next, input) {
    // A minor's parents, guardian or legal representative are notified and may read the file too.
    if (next.minor && input.guardianNotified !== true) {
      throw ruleViolation(
        'input.guardianNotified',
        'phải thông báo việc lập hồ sơ cho cha, mẹ, người giám hộ hoặc người đại diện hợp pháp của người dưới 18 tuổi (Luật PCMT 2021, Điều 34 khoản 2)',
      );
    }
  },
  example: () => ({ opinionsRecorded: true }),
});
