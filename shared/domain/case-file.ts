import * as z from 'zod';
import vi from 'zod/v4/locales/vi.js';
import { ValidationFailedError } from '../errors';
import { labelled } from './validation';

// The one locale the system speaks: imported alone, not through `z.locales` (which bundles all 60).
z.config(vi());

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
    gender: labelled(z.enum(['male', 'female']), { male: 'Nam', female: 'Nữ' }).describe('Giới tính'),
    citizenId,
    residence: z
      .object({
        address: z.string().trim().min(3).max(200).describe('Địa chỉ nơi cư trú'),
        communeId: z
          .string()
          .min(1)
          .meta({ format: 'commune-id' })
          .describe('Xã, phường, thị trấn nơi cư trú'),
      })
      .strict()
      .describe('Nơi cư trú'),
  })
  .strict();

/**
 * The grounds of LAW73 Art. 32, which lists them as clauses 1–4 (coded a–d here, kept for the API);
 * a minor has only the first three, as points a–c of Art. 33(1): no relapse ground.
 */
export const groundSchema = labelled(z.enum(['a', 'b', 'c', 'd']), {
  a: 'Không đăng ký, không thực hiện hoặc tự ý chấm dứt cai nghiện ma túy tự nguyện',
  b: 'Bị phát hiện sử dụng trái phép chất ma túy trong thời gian cai nghiện tự nguyện',
  c: 'Không đăng ký, không thực hiện, tự ý chấm dứt hoặc bị chấm dứt điều trị thay thế',
  d: 'Tái nghiện trong thời gian quản lý sau cai nghiện',
}).describe(
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
    kind: labelled(z.enum(documentKinds), {
      violationRecord: 'Biên bản vi phạm',
      addictionDetermination: 'Phiếu kết quả xác định tình trạng nghiện',
      personalHistory: 'Bản tóm tắt lý lịch',
      voluntaryTreatmentRecord: 'Tài liệu về cai nghiện tự nguyện, điều trị thay thế',
      personOpinion: 'Bản tường trình, ý kiến của người bị đề nghị',
      selfStatement: 'Bản tường trình của người chưa thành niên hoặc người đại diện hợp pháp (Mẫu số 31)',
      guardianOpinion: 'Ý kiến của cha, mẹ hoặc người giám hộ (Mẫu số 38)',
      other: 'Tài liệu khác',
    }).describe('Loại tài liệu'),
    title: z.string().trim().min(3).max(200).describe('Tên tài liệu'),
    number: z.string().trim().max(50).optional().describe('Số, ký hiệu'),
    issuedOn: isoDate.optional().describe('Ngày ban hành'),
  })
  .strict();

export const addictionDeterminationSchema = z
  .object({
    facility: z.string().trim().min(3).max(200).describe('Cơ sở y tế xác định tình trạng nghiện'),
    determinedOn: isoDate.describe('Ngày xác định'),
    documentNumber: z.string().trim().min(1).max(50).describe('Số phiếu kết quả'),
  })
  .strict();

/**
 * A minor's parent, guardian or legal representative: notified of the file, reads it, gives a
 * written opinion and attends the court session (LAW73 Art. 34(1)(c), 34(2); ND-116 Art. 51(1));
 * required when the person is under 18.
 */
export const guardianSchema = z
  .object({
    fullName: z.string().trim().min(2).max(100).describe('Họ và tên cha, mẹ hoặc người giám hộ'),
    relation: z.string().trim().min(2).max(40).describe('Quan hệ với người bị đề nghị'),
    address: z.string().trim().min(3).max(200).describe('Địa chỉ'),
  })
  .strict();

export const caseFileSchema = z
  .object({
    person: personSchema.describe('Người bị đề nghị'),
    guardian: guardianSchema.optional().describe('Bắt buộc với người từ đủ 12 đến dưới 18 tuổi'),
    grounds: z.array(groundSchema).min(1).max(4).describe('Căn cứ đề nghị (Điều 32 Luật PCMT 2021)'),
    groundsDetail: z.string().trim().min(10).max(4000).describe('Tóm tắt hành vi, căn cứ đề nghị'),
    addictionDetermination: addictionDeterminationSchema.describe('Kết quả xác định tình trạng nghiện'),
    documents: z.array(fileDocumentSchema).min(1).max(50).describe('Tài liệu trong hồ sơ'),
  })
  .strict();

export type CaseFile = z.infer<typeof caseFileSchema>;
export type FileDocument = z.infer<typeof fileDocumentSchema>;

/**
 * What a file for a person aged 12 to under 18 must hold beyond an adult's: the parent, guardian
 * or legal representative, the person's own written account and that representative's written
 * opinion (LAW73 Art. 34(1)(c); ND-116 Art. 51(1)(d), (đ), Forms 31 and 38). Missing parts are one
 * 422 naming each field, like the other rules that depend on the person's age.
 */
export function checkMinorFile(file: CaseFile): void {
  const problems: { field: string; rule: string }[] = [];
  if (!file.guardian) {
    problems.push({
      field: 'guardian',
      rule: 'bắt buộc với người từ đủ 12 đến dưới 18 tuổi: cha, mẹ, người giám hộ hoặc người đại diện hợp pháp (Luật PCMT 2021, Điều 34)',
    });
  }
  const kinds = new Set(file.documents.map((d) => d.kind));
  if (!kinds.has('selfStatement')) {
    problems.push({
      field: 'documents',
      rule: 'thiếu bản tường trình của người nghiện hoặc người đại diện hợp pháp (selfStatement; Nghị định 116/2021/NĐ-CP, Điều 51 khoản 1 điểm d, Mẫu số 31)',
    });
  }
  if (!kinds.has('guardianOpinion')) {
    problems.push({
      field: 'documents',
      rule: 'thiếu ý kiến bằng văn bản của cha, mẹ, người giám hộ hoặc người đại diện hợp pháp (guardianOpinion; Nghị định 116/2021/NĐ-CP, Điều 51 khoản 1 điểm đ, Mẫu số 38)',
    });
  }
  if (problems.length > 0) throw new ValidationFailedError(problems, 422);
}
