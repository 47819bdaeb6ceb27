import * as z from 'zod';
import { fileDocumentSchema, isoDate } from '#shared/domain/case-file';
import { labelled } from '#shared/domain/validation';

/** Schema fragments several actions' inputs share, each with its Vietnamese label. */
export { isoDate };

export const note = z.string().trim().max(2000).optional().describe('Ghi chú');
export const documents = z.array(fileDocumentSchema).min(1).max(50).describe('Tài liệu');
export const decisionNumber = z.string().trim().min(1).max(50).describe('Số quyết định');
export const personName = z.string().trim().min(2).max(100).describe('Họ và tên');
export const decidedOn = isoDate.describe('Ngày ra quyết định');

/** The court's decision on the file, as first made or as changed on appeal. */
export const sourceDecision = labelled(z.enum(['apply', 'notApply']), {
  apply: 'Áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
  notApply: 'Không áp dụng biện pháp',
});

/** Documents added to the file (a supplement, an answer to the court). */
export const documentsInput = z.object({ documents, note }).strict();

/** The person is reported dead (at a wait, in the centre, under supervision). */
export const deathInput = z
  .object({
    diedOn: isoDate.describe('Ngày chết'),
    note: z.string().trim().min(5).max(2000).describe('Giấy chứng tử, nguyên nhân'),
  })
  .strict();

/** The person absconded; a search is decided (ND-116 Art. 56). */
export const abscondingInput = z
  .object({
    abscondedOn: isoDate.describe('Ngày bỏ trốn'),
    searchDecisionNumber: z.string().trim().min(1).max(50).describe('Số quyết định truy tìm'),
    note,
  })
  .strict();

/** The person who absconded is found, or returns. */
export const foundInput = z.object({ foundOn: isoDate.describe('Ngày tìm thấy, trở lại'), note }).strict();

/** The written application a postponement or exemption answers (ND-116 Art. 57(2), (4)). */
export const application = {
  applicationDate: isoDate.describe('Ngày làm đơn đề nghị'),
  applicant: z
    .string()
    .trim()
    .min(2)
    .max(200)
    .optional()
    .describe('Người làm đơn (mặc định: người bị áp dụng)'),
  evidence: z.string().trim().min(5).max(500).describe('Giấy tờ chứng minh'),
};
