import { z } from 'zod';

z.config(z.locales.vi());

/**
 * What the commune police compile (lập hồ sơ): the person, the grounds under PCMT-2021 Art. 32,
 * the addiction determination (Decree 109/2021/NĐ-CP) and the list of documents in the file
 * (Decree 116/2021/NĐ-CP Art. 41).
 */
export const isoDate = z.iso.date({ error: 'phải là ngày dạng YYYY-MM-DD' });

export const citizenId = z
  .string()
  .regex(/^\d{12}$/, { error: 'số định danh cá nhân gồm đúng 12 chữ số' })
  .describe('Số định danh cá nhân (12 chữ số)');

export const personSchema = z
  .object({
    fullName: z.string().trim().min(2).max(100).describe('Họ và tên'),
    dateOfBirth: isoDate.describe('Ngày sinh'),
    gender: z.enum(['male', 'female']).describe('Giới tính'),
    citizenId,
    residence: z
      .object({
        address: z.string().trim().min(3).max(200).describe('Địa chỉ nơi cư trú'),
        communeId: z.string().min(1).describe('Mã đơn vị cấp xã nơi cư trú'),
      })
      .strict(),
  })
  .strict();

/**
 * The grounds of LAW73 Art. 32, which lists them as clauses 1–4 (coded a–d here, kept for the API);
 * a minor has only the first three, as points a–c of Art. 33(1): no relapse ground.
 */
export const groundSchema = z
  .enum(['a', 'b', 'c', 'd'])
  .describe(
    'Căn cứ: a–d ứng với khoản 1–4 Điều 32 Luật PCMT 2021 (người dưới 18 tuổi: điểm a–c khoản 1 Điều 33)',
  );

export const documentKinds = [
  'violationRecord',
  'addictionDetermination',
  'personalHistory',
  'voluntaryTreatmentRecord',
  'personOpinion',
  /** The minor's own written account, or that of their legal representative (ND-116 Form 31). */
  'selfStatement',
  /** The written opinion of a parent, guardian or legal representative (ND-116 Form 38). */
  'guardianOpinion',
  'other',
] as const;

export const fileDocumentSchema = z
  .object({
    kind: z.enum(documentKinds),
    title: z.string().trim().min(3).max(200),
    number: z.string().trim().max(50).optional(),
    issuedOn: isoDate.optional(),
  })
  .strict();

export const addictionDeterminationSchema = z
  .object({
    facility: z.string().trim().min(3).max(200).describe('Cơ sở y tế xác định tình trạng nghiện'),
    determinedOn: isoDate,
    documentNumber: z.string().trim().min(1).max(50),
  })
  .strict();

/**
 * The parent, guardian or legal representative of a person aged 12 to under 18: notified of the
 * file, may read it, gives a written opinion and attends the court session (LAW73 Art. 34(1)(c),
 * 34(2); ND-116 Art. 51(1)).
 */
export const guardianSchema = z
  .object({
    fullName: z
      .string()
      .trim()
      .min(2)
      .max(100)
      .describe('Họ và tên cha, mẹ, người giám hộ hoặc người đại diện'),
    relationship: z
      .enum(['father', 'mother', 'guardian', 'legalRepresentative'])
      .describe('Quan hệ: cha / mẹ / người giám hộ / người đại diện hợp pháp'),
    address: z.string().trim().min(3).max(200).describe('Địa chỉ nhận thông báo'),
    phone: z.string().trim().max(20).optional(),
  })
  .strict();

export const caseFileSchema = z
  .object({
    person: personSchema,
    guardian: guardianSchema
      .optional()
      .describe('Bắt buộc với người từ đủ 12 đến dưới 18 tuổi (Luật PCMT 2021, Điều 34)'),
    grounds: z.array(groundSchema).min(1).max(4),
    groundsDetail: z.string().trim().min(10).max(4000).describe('Tóm tắt hành vi, căn cứ đề nghị'),
    addictionDetermination: addictionDeterminationSchema,
    documents: z.array(fileDocumentSchema).min(1).max(50),
  })
  .strict();

export type CaseFile = z.infer<typeof caseFileSchema>;
export type FileDocument = z.infer<typeof fileDocumentSchema>;
