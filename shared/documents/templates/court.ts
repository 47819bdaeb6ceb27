import * as z from 'zod';
import { groundSchema, isoDate } from '#shared/domain/case-file';
import { bold, type DocumentModel, heading, paragraph, span } from '../model';
import { dateInWords, monthsInWords, upperVi, workingDaysInWords } from '../vietnamese-text';
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
import { compulsoryTreatmentGrounds, groundsCitation, laws, measureName, shortNames } from './legal-basis';

/**
 * The court's decision to apply or not to apply the measure (quyết định áp dụng / không áp dụng),
 * with the fields ../shared/LEGAL-BRIEF.md §4.3 lists: court, number and date, judge, secretary and
 * procurator, the person's identity and residence, the proposal, the session, the assessment of
 * the file's legality and of the grounds (with the articles applied), the operative part
 * (duration, start, centre, deducted time), the rights and time limit to complain, recommend or
 * protest, and the recipients. Ordinance 03/2022/UBTVQH15 Arts. 23, 32; form NQ04/2015 Form 09.
 */
export const courtDecisionSchema = documentBase
  .extend({
    outcome: z.enum(['apply', 'notApply']),
    court: z.string().trim().min(5).max(200).describe('Tòa án ra quyết định'),
    judge: z.string().trim().min(2).max(100),
    secretary: z.string().trim().min(2).max(100),
    procuracy: z
      .object({ body: z.string().trim().min(5).max(200), procurator: z.string().trim().min(2).max(100) })
      .strict(),
    proposer: z
      .object({
        body: z.string().trim().min(5).max(200),
        representative: z.string().trim().min(2).max(100).optional(),
      })
      .strict(),
    proposal: documentRefSchema,
    person: personSchema,
    session: z
      .object({ date: isoDate, place: z.string().trim().min(3).max(200), online: z.boolean().default(false) })
      .strict(),
    grounds: z.array(groundSchema).min(1).max(4),
    /** A person aged 12 to under 18: grounds of LAW73 Art. 33(1), not an administrative measure (Art. 33(4)). */
    minor: z.boolean().default(false),
    /** The court's assessment of the file's legality (NQ04 Form 09 §6) and of the grounds. */
    fileAssessment: z.string().trim().min(10).max(3000),
    groundsAssessment: z.string().trim().min(10).max(3000),
    /** Apply only. */
    /** 12–24 months for adults, 6–12 for minors (checked by the case rules). */
    months: z.number().int().min(6).max(24).optional(),
    termStartsOn: isoDate.optional(),
    deductedDays: z.number().int().min(1).max(400).optional(),
    centre: z.string().trim().min(5).max(200).optional(),
    /** Not apply only. */
    // As long as the decide action allows (4,000): a longer reason must not fail the issuing.
    notApplyReason: z.string().trim().min(10).max(4000).optional(),
    /** Time limit to complain, recommend or protest, in working days (Ordinance 03/2022 Art. 32). */
    appealWorkingDays: z.number().int().min(1).max(30),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.outcome === 'apply' && (!input.months || !input.centre)) {
      ctx.addIssue({
        code: 'custom',
        path: ['months'],
        message: 'quyết định áp dụng phải ghi thời hạn và cơ sở cai nghiện',
      });
    }
    if (input.outcome === 'notApply' && !input.notApplyReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['notApplyReason'],
        message: 'quyết định không áp dụng phải ghi lý do',
      });
    }
  });

type CourtDecisionInput = z.infer<typeof courtDecisionSchema>;

function operativePart(input: CourtDecisionInput) {
  const who = personPhrase(input.person);
  // For a minor the measure is not an administrative one (LAW73 Art. 33(4)): no XLVPHC articles.
  const articles = input.minor
    ? groundsCitation(input.grounds, true)
    : `${groundsCitation(input.grounds)}; Điều 95, Điều 96 ${shortNames.handlingViolations}`;
  const measure = measureName(input.minor);
  if (input.outcome === 'notApply') {
    return [
      paragraph([bold('1.'), span(` Không áp dụng ${measure} đối với ${who}.`)]),
      paragraph(`Lý do: ${input.notApplyReason}`),
    ];
  }
  const start = input.termStartsOn
    ? `kể từ ${dateInWords(input.termStartsOn)}`
    : 'kể từ ngày người bị áp dụng biện pháp được đưa vào cơ sở cai nghiện bắt buộc';
  const deducted = input.deductedDays
    ? ` Thời gian quản lý tại cơ sở trong thời gian lập hồ sơ (${input.deductedDays} ngày) được trừ vào thời hạn chấp hành (Điều 44 ${shortNames.decree116}).`
    : '';
  return [
    paragraph([bold('1.'), span(` Áp dụng ${measure} đối với ${who}, theo quy định tại ${articles}.`)]),
    paragraph(`Thời hạn chấp hành: ${monthsInWords(input.months as number)}, ${start}.${deducted}`),
    paragraph(`Nơi chấp hành: ${input.centre}.`),
  ];
}

export function courtDecision(input: CourtDecisionInput): DocumentModel {
  const apply = input.outcome === 'apply';
  const verb = apply ? 'Áp dụng' : 'Không áp dụng';
  const groundsText = input.grounds.map((g) => compulsoryTreatmentGrounds[g]).join('; ');
  const measure = measureName(input.minor);
  // A minor's file goes through Ordinance 01/2022, an adult's through Ordinance 03/2022.
  const procedure = input.minor ? shortNames.minorsCourtProcedure : `Điều 32 ${shortNames.courtProcedure}`;
  const where = input.session.online ? `${input.session.place} (phiên họp trực tuyến)` : input.session.place;
  return {
    ...baseModel(apply ? 'courtDecisionApply' : 'courtDecisionNotApply', input),
    title: 'Quyết định',
    summary: `${verb} ${measure}`,
    body: [
      heading(upperVi(input.court)),
      paragraph([bold('Thành phần tham gia phiên họp:')], { indent: true, align: 'left' }),
      paragraph(`- Thẩm phán chủ trì phiên họp: ${input.judge}.`),
      paragraph(`- Thư ký phiên họp: ${input.secretary}.`),
      paragraph(`- Đại diện ${input.procuracy.body}: ${input.procuracy.procurator}, Kiểm sát viên.`),
      ...(input.proposer.representative
        ? [paragraph(`- Đại diện ${input.proposer.body}: ${input.proposer.representative}.`)]
        : []),
      paragraph(
        `Ngày ${dateInWords(input.session.date).replace(/^ngày /, '')}, tại ${where}, ${input.court} mở phiên họp xem xét, quyết định áp dụng ${measure} đối với:`,
      ),
      personBlock(input.person),
      paragraph(`Theo ${refPhrase('Văn bản đề nghị', input.proposal)}.`),
      ...legalBasisBlocks(
        input.legalBasis ??
          (input.minor
            ? [laws.drugControl, laws.minorsCourtProcedure, laws.decree116]
            : [laws.handlingViolations, laws.drugControl, laws.courtProcedure, laws.decree116]),
      ),
      heading('XÉT THẤY:'),
      paragraph(`Về tính hợp pháp của hồ sơ đề nghị: ${input.fileAssessment}`),
      paragraph(
        `Về căn cứ áp dụng: người bị đề nghị thuộc trường hợp quy định tại ${groundsCitation(input.grounds, input.minor)} (${groundsText}). ${input.groundsAssessment}`,
      ),
      heading('QUYẾT ĐỊNH:'),
      ...operativePart(input),
      paragraph([
        bold('2.'),
        span(
          ` Người bị đề nghị, cha mẹ hoặc người giám hộ, người đại diện hợp pháp của họ có quyền khiếu nại; ${input.proposer.body} có quyền kiến nghị; Viện kiểm sát có quyền kháng nghị quyết định này trong thời hạn ${workingDaysInWords(input.appealWorkingDays)} kể từ ngày Tòa án công bố quyết định hoặc kể từ ngày nhận được quyết định trong trường hợp vắng mặt tại phiên họp (${procedure}).`,
        ),
      ]),
      paragraph([
        bold('3.'),
        span(
          ' Quyết định này có hiệu lực kể từ ngày hết thời hạn khiếu nại, kiến nghị, kháng nghị mà không bị khiếu nại, kiến nghị, kháng nghị.',
        ),
      ]),
    ],
  };
}
