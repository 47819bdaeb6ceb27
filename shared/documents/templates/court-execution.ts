import * as z from 'zod';
import { isoDate } from '#shared/domain/case-file';
import { type Block, bold, type DocumentModel, heading, paragraph, span } from '../model';
import { dateInWords, monthsInWords, upperVi } from '../vietnamese-text';
import {
  baseModel,
  documentBase,
  documentRefSchema,
  legalBasisBlocks,
  personBlock,
  personPhrase,
  personSchema,
  refPhrase,
} from './common';
import { laws, measureName, shortNames } from './legal-basis';

/**
 * The court's decisions while the measure is executed: postponement and exemption on the
 * person's application (Decree 116/2021/NĐ-CP Art. 57; Ordinance 03/2022 Art. 27) and reduction of
 * the term on the centre's proposal (Decree 116/2021/NĐ-CP Art. 58; Ordinance 03/2022 Art. 28).
 */
const MEASURE_DECISION = `quyết định áp dụng ${measureName()}`;

const executionBase = documentBase.extend({
  court: z.string().trim().min(5).max(200),
  person: personSchema,
  /** The decision being executed. */
  decision: documentRefSchema,
});

type ExecutionBase = z.infer<typeof executionBase>;

const defaultBasis = [laws.handlingViolations, laws.drugControl, laws.courtProcedure, laws.decree116];

function courtDecisionModel(
  kind: string,
  input: ExecutionBase,
  summary: string,
  considering: string[],
  decided: (string | Block)[],
): DocumentModel {
  let item = 0;
  return {
    ...baseModel(kind, input),
    title: 'Quyết định',
    summary,
    body: [
      heading(upperVi(input.court)),
      ...legalBasisBlocks(input.legalBasis ?? defaultBasis),
      ...considering.map((text) => paragraph(text)),
      heading('QUYẾT ĐỊNH:'),
      ...decided.map((part) =>
        typeof part === 'string' ? paragraph([bold(`${++item}.`), span(` ${part}`)]) : part,
      ),
    ],
  };
}

const postponementGrounds = {
  seriousIllness: 'đang ốm nặng, có chứng nhận của bệnh viện từ cấp huyện trở lên',
  familyHardship:
    'gia đình đang có khó khăn đặc biệt, được Chủ tịch Ủy ban nhân dân cấp xã nơi người đó cư trú xác nhận',
} as const;

export const postponementDecisionSchema = executionBase
  .extend({
    application: z.object({ date: isoDate, applicant: z.string().trim().min(2).max(100) }).strict(),
    ground: z.enum(['seriousIllness', 'familyHardship']),
    evidence: z.string().trim().min(5).max(500).describe('Giấy tờ chứng minh'),
    /** Until when; without it, until the ground ends. */
    until: isoDate.optional(),
  })
  .strict();

export function postponementDecision(input: z.infer<typeof postponementDecisionSchema>): DocumentModel {
  const decision = refPhrase('Quyết định', input.decision);
  const period = input.until ? `đến ${dateInWords(input.until)}` : 'cho đến khi hết lý do hoãn';
  return courtDecisionModel(
    'postponementDecision',
    input,
    `Hoãn chấp hành ${MEASURE_DECISION}`,
    [
      `Xét đơn đề nghị hoãn chấp hành ${dateInWords(input.application.date)} của ${input.application.applicant} đối với ${decision};`,
      `Xét thấy ${personPhrase(input.person)} ${postponementGrounds[input.ground]} (${input.evidence}), thuộc trường hợp được hoãn chấp hành theo Điều 57 ${shortNames.decree116}.`,
    ],
    [
      `Hoãn chấp hành ${decision} đối với:`,
      personBlock(input.person),
      `Thời gian hoãn: ${period}. Trong thời gian hoãn, Công an cấp xã nơi người được hoãn cư trú có trách nhiệm theo dõi; khi lý do hoãn không còn, quyết định được tiếp tục thi hành.`,
      'Người được hoãn chấp hành, cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành quyết định này.',
    ],
  );
}

const exemptionGrounds = {
  dangerousIllness: {
    point: 'a',
    text: 'mắc bệnh hiểm nghèo, có chứng nhận của bệnh viện từ cấp huyện trở lên',
  },
  voluntaryTreatment: {
    point: 'b',
    text: 'trong thời gian được hoãn chấp hành đã tự nguyện cai nghiện và được xác nhận không còn nghiện ma túy',
  },
  pregnancy: { point: 'c', text: 'đang mang thai, có chứng nhận của bệnh viện từ cấp huyện trở lên' },
} as const;

export const exemptionDecisionSchema = executionBase
  .extend({
    application: z.object({ date: isoDate, applicant: z.string().trim().min(2).max(100) }).strict(),
    ground: z.enum(['dangerousIllness', 'voluntaryTreatment', 'pregnancy']),
    evidence: z.string().trim().min(5).max(500),
  })
  .strict();

export function exemptionDecision(input: z.infer<typeof exemptionDecisionSchema>): DocumentModel {
  const decision = refPhrase('Quyết định', input.decision);
  const ground = exemptionGrounds[input.ground];
  return courtDecisionModel(
    'exemptionDecision',
    input,
    `Miễn chấp hành ${MEASURE_DECISION}`,
    [
      `Xét đơn đề nghị miễn chấp hành ${dateInWords(input.application.date)} của ${input.application.applicant} đối với ${decision};`,
      `Xét thấy ${personPhrase(input.person)} ${ground.text} (${input.evidence}), thuộc trường hợp quy định tại điểm ${ground.point} khoản 3 Điều 57 ${shortNames.decree116}.`,
    ],
    [
      `Miễn chấp hành ${decision} đối với:`,
      personBlock(input.person),
      'Người được miễn chấp hành, cơ quan, tổ chức có liên quan chịu trách nhiệm thi hành quyết định này.',
    ],
  );
}

export const reductionDecisionSchema = executionBase
  .extend({
    centre: z.string().trim().min(5).max(200),
    centreProposal: documentRefSchema,
    servedMonths: z.number().int().min(1).max(24),
    months: z.number().int().min(1).max(6),
    /** Reductions over 3 months need a meritorious act (lập công), Decree 116/2021/NĐ-CP Art. 58(1). */
    meritorious: z.boolean(),
    newReleaseOn: isoDate,
  })
  .strict()
  .refine((input) => input.months <= 3 || input.meritorious, {
    path: ['months'],
    message: 'giảm trên 03 tháng chỉ khi có hành động lập công',
  });

export function reductionDecision(input: z.infer<typeof reductionDecisionSchema>): DocumentModel {
  const decision = refPhrase('Quyết định', input.decision);
  const merit = input.meritorious ? ', có hành động lập công' : '';
  return courtDecisionModel(
    'reductionDecision',
    input,
    `Giảm thời hạn chấp hành ${MEASURE_DECISION}`,
    [
      `Xét ${refPhrase('Văn bản đề nghị', input.centreProposal)};`,
      `Xét thấy ${personPhrase(input.person)} đã chấp hành ${monthsInWords(input.servedMonths)} tại ${input.centre}, được xếp loại từ khá trở lên ít nhất 03 tháng liền kề${merit}, thuộc trường hợp được giảm thời hạn theo khoản 1 Điều 58 ${shortNames.decree116}.`,
    ],
    [
      `Giảm ${monthsInWords(input.months)} thời hạn chấp hành ${decision} đối với:`,
      personBlock(input.person),
      `Ngày chấp hành xong sau khi giảm: ${dateInWords(input.newReleaseOn)}. ${input.centre} có trách nhiệm thi hành quyết định này.`,
    ],
  );
}
