import * as z from 'zod';
import { addictionDeterminationSchema, fileDocumentSchema, isoDate } from './case-file';
import { labelled } from './validation';

/** The input of each action of the pipeline (shared/domain/pipeline.ts), parsed at the API edge. */
const note = z.string().trim().max(2000).optional().describe('Ghi chú');
const documents = z.array(fileDocumentSchema).min(1).max(50).describe('Tài liệu');
const decisionNumber = z.string().trim().min(1).max(50).describe('Số quyết định');
const sourceDecision = labelled(z.enum(['apply', 'notApply']), {
  apply: 'Áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
  notApply: 'Không áp dụng biện pháp',
});

export const submitFileInput = z
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
  .strict();

export const reviewInput = z
  .object({
    decision: labelled(z.enum(['forward', 'returnForSupplement', 'ineligible']), {
      forward: 'Hồ sơ đủ điều kiện, chuyển đến Tòa án',
      returnForSupplement: 'Trả lại để bổ sung hồ sơ',
      ineligible: 'Không đủ điều kiện áp dụng biện pháp',
    }).describe('Kết quả kiểm tra'),
    reason: z.string().trim().max(2000).optional().describe('Lý do'),
    childProtectionOpinion: z
      .string()
      .trim()
      .min(10)
      .max(3000)
      .optional()
      .describe(
        'Người chưa thành niên: ý kiến về bảo đảm quyền trẻ em và kế hoạch quản lý (Luật PCMT 2021, Điều 34 khoản 4)',
      ),
  })
  .strict()
  .refine((v) => v.decision === 'forward' || (v.reason ?? '').length >= 5, {
    path: ['reason'],
    error: 'bắt buộc (ít nhất 5 ký tự) khi trả hồ sơ hoặc kết luận không đủ điều kiện',
  });

export const supplementFileInput = z.object({ documents, note }).strict();

const personName = z.string().trim().min(2).max(100).describe('Họ và tên');

/** The decision to open the session (quyết định mở phiên họp): when and where the court sits. */
export const openSessionInput = z
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
  });

export const decideInput = z
  .object({
    outcome: sourceDecision.describe('Quyết định'),
    decidedOn: isoDate.describe('Ngày ra quyết định'),
    months: z.number().int().positive().optional().describe('Thời hạn áp dụng (tháng)'),
    reason: z.string().trim().max(4000).optional().describe('Lý do không áp dụng'),
    guardianPresent: z
      .boolean()
      .optional()
      .describe('Cha, mẹ hoặc người giám hộ có mặt tại phiên họp (người dưới 18 tuổi)'),
    secretary: personName.describe('Thư ký phiên họp'),
    procurator: personName.describe('Kiểm sát viên tham gia phiên họp'),
    sessionPlace: z
      .string()
      .trim()
      .min(3)
      .max(200)
      .optional()
      .describe('Nơi mở phiên họp (mặc định: trụ sở Tòa án)'),
    fileAssessment: z.string().trim().min(10).max(3000).describe('Nhận định về tính hợp pháp của hồ sơ'),
    groundsAssessment: z.string().trim().min(10).max(3000).describe('Nhận định về căn cứ áp dụng biện pháp'),
  })
  .strict()
  .refine((v) => v.outcome === 'notApply' || v.months !== undefined, {
    path: ['months'],
    error: 'bắt buộc khi quyết định áp dụng biện pháp',
  })
  .refine((v) => v.outcome === 'apply' || (v.reason ?? '').length >= 10, {
    path: ['reason'],
    error: 'bắt buộc (ít nhất 10 ký tự) khi quyết định không áp dụng biện pháp',
  });

const representative = z
  .object({ name: personName, position: z.string().trim().min(2).max(120).describe('Chức vụ') })
  .strict();

export const admitInput = z
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
  .strict();

export const releaseInput = z.object({ releasedOn: isoDate.describe('Ngày chấp hành xong') }).strict();

export const recordRelapseInput = z
  .object({
    detectedOn: isoDate.describe('Ngày phát hiện tái nghiện'),
    note: z.string().trim().min(5).max(2000).describe('Kết quả xác định tình trạng nghiện'),
  })
  .strict();

export const acceptFileInput = z
  .object({
    decision: labelled(z.enum(['accept', 'returnIncomplete']), {
      accept: 'Thụ lý hồ sơ',
      returnIncomplete: 'Trả lại hồ sơ chưa đầy đủ',
    }).describe('Quyết định'),
    acceptedOn: isoDate.describe('Ngày thụ lý hoặc ngày trả lại hồ sơ'),
    judgeName: z.string().trim().min(2).max(100).optional().describe('Thẩm phán được phân công'),
    reason: z.string().trim().max(2000).optional().describe('Lý do trả lại'),
  })
  .strict()
  .refine((v) => v.decision === 'returnIncomplete' || (v.judgeName ?? '').length >= 2, {
    path: ['judgeName'],
    error: 'bắt buộc khi thụ lý hồ sơ (phân công Thẩm phán)',
  })
  .refine((v) => v.decision === 'accept' || (v.reason ?? '').length >= 5, {
    path: ['reason'],
    error: 'bắt buộc (ít nhất 5 ký tự) khi trả lại hồ sơ',
  });

export const requestDocumentsInput = z
  .object({ requested: z.string().trim().min(5).max(2000).describe('Tài liệu Tòa án yêu cầu bổ sung') })
  .strict();

export const terminationReasons = ['deceased', 'notSubject', 'limitationExpired', 'withdrawn'] as const;
export const terminateCaseInput = z
  .object({
    reason: labelled(z.enum(terminationReasons), {
      deceased: 'Người bị đề nghị chết',
      notSubject: 'Người bị đề nghị không thuộc đối tượng áp dụng',
      limitationExpired: 'Hết thời hiệu áp dụng',
      withdrawn: 'Cơ quan đề nghị rút hồ sơ',
    }).describe('Căn cứ đình chỉ (Pháp lệnh 03/2022/UBTVQH15, Điều 16)'),
    decisionNumber,
    decidedOn: isoDate.describe('Ngày ra quyết định'),
    note,
  })
  .strict();

export const answerCourtRequestInput = z.object({ documents, note }).strict();

export const closeAppealWindowInput = z
  .object({ effectiveOn: isoDate.describe('Ngày quyết định có hiệu lực') })
  .strict();

export const recordAppealInput = z
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
  .strict();

export const decideAppealInput = z
  .object({
    outcome: labelled(z.enum(['upheld', 'changed', 'annulled']), {
      upheld: 'Giữ nguyên quyết định',
      changed: 'Sửa quyết định',
      annulled: 'Hủy quyết định, giao giải quyết lại',
    }).describe('Giữ nguyên / sửa / hủy quyết định'),
    decisionNumber,
    decidedOn: isoDate.describe('Ngày ra quyết định'),
    changedTo: z
      .object({
        outcome: sourceDecision.describe('Quyết định sau khi sửa'),
        months: z.number().int().positive().optional().describe('Thời hạn áp dụng (tháng)'),
      })
      .strict()
      .optional()
      .describe('Nội dung quyết định sau khi sửa'),
    note,
  })
  .strict()
  .refine((v) => v.outcome !== 'changed' || v.changedTo !== undefined, {
    path: ['changedTo'],
    error: 'bắt buộc khi sửa quyết định',
  });

/** The written application a postponement or exemption answers (ND-116 Art. 57(2), (4)). */
const application = {
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

export const recordPostponementInput = z
  .object({
    grounds: labelled(z.enum(['seriousIllness', 'familyHardship']), {
      seriousIllness: 'Đang ốm nặng có chứng nhận của bệnh viện',
      familyHardship: 'Gia đình có hoàn cảnh đặc biệt khó khăn',
    }).describe('Điều 57 khoản 1 Nghị định 116/2021/NĐ-CP'),
    until: isoDate.describe('Hoãn đến ngày'),
    ...application,
    note,
  })
  .strict();

export const recordExemptionInput = z
  .object({
    grounds: labelled(z.enum(['dangerousIllness', 'notAddictedAfterVoluntaryTreatment', 'pregnancy']), {
      dangerousIllness: 'Mắc bệnh hiểm nghèo',
      notAddictedAfterVoluntaryTreatment: 'Đã tự nguyện cai nghiện và không còn nghiện',
      pregnancy: 'Đang mang thai có chứng nhận của bệnh viện',
    }).describe('Điều 57 khoản 3 Nghị định 116/2021/NĐ-CP'),
    ...application,
    note,
  })
  .strict();

export const recordAbscondingInput = z
  .object({
    abscondedOn: isoDate.describe('Ngày bỏ trốn'),
    searchDecisionNumber: z.string().trim().min(1).max(50).describe('Số quyết định truy tìm'),
    note,
  })
  .strict();

export const recordFoundInput = z
  .object({ foundOn: isoDate.describe('Ngày tìm thấy, trở lại'), note })
  .strict();

export const recordDeathInput = z
  .object({
    diedOn: isoDate.describe('Ngày chết'),
    note: z.string().trim().min(5).max(2000).describe('Giấy chứng tử, nguyên nhân'),
  })
  .strict();

export const recordReductionInput = z
  .object({
    months: z.number().int().min(1).max(6).describe('Số tháng được giảm (1–3; 3–6 nếu lập công)'),
    meritorious: z.boolean().describe('Có lập công'),
    decidedOn: isoDate.describe('Ngày ra quyết định'),
    centreProposalNumber: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .describe('Số văn bản đề nghị của cơ sở cai nghiện'),
    centreProposalDate: isoDate.describe('Ngày văn bản đề nghị của cơ sở cai nghiện'),
  })
  .strict()
  .refine((v) => v.meritorious || v.months <= 3, {
    path: ['months'],
    error: 'tối đa 3 tháng nếu không lập công (Điều 58 khoản 1 Nghị định 116/2021/NĐ-CP)',
  });

export const recordEarlyEndInput = z
  .object({
    grounds: labelled(z.enum(['dangerousIllness', 'pregnancy', 'imprisoned']), {
      dangerousIllness: 'Mắc bệnh hiểm nghèo',
      pregnancy: 'Đang mang thai có chứng nhận của bệnh viện',
      imprisoned: 'Phải chấp hành án phạt tù',
    }).describe('Miễn phần còn lại (Điều 58 khoản 3 Nghị định 116/2021/NĐ-CP)'),
    decisionNumber,
    decidedOn: isoDate.describe('Ngày ra quyết định'),
  })
  .strict();

/** Completing a file the system opened on a relapse: the new determination and documents. */
export const completeFileInput = z
  .object({
    addictionDetermination: addictionDeterminationSchema.describe('Kết quả xác định tình trạng nghiện'),
    documents,
    groundsDetail: z.string().trim().min(10).max(4000).optional().describe('Tóm tắt hành vi, căn cứ đề nghị'),
  })
  .strict();
