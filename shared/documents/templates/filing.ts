import * as z from 'zod';
import { caseFileSchema } from '#shared/domain/case-file';
import { type DocumentModel, fields, paragraph } from '../model';
import { dateInWords, honorific, monthsInWords, workingDaysInWords } from '../vietnamese-text';
import {
  baseModel,
  documentBase,
  documentRefSchema,
  legalBasisBlocks,
  personBlock,
  personPhrase,
  refPhrase,
} from './common';
import { compulsoryTreatmentGrounds, groundsCitation, laws, measureName, shortNames } from './legal-basis';

const groundsParagraph = (file: z.infer<typeof caseFileSchema>, minor: boolean): string => {
  const texts = file.grounds.map((g) => compulsoryTreatmentGrounds[g]).join('; ');
  return `Lý do: thuộc trường hợp quy định tại ${groundsCitation(file.grounds, minor)} (${texts}). ${file.groundsDetail}`;
};

/** A person aged 12 to under 18 when the file was opened: the grounds are those of LAW73 Art. 33(1). */
const minorFlag = z.boolean().default(false);

const determinationParagraph = (file: z.infer<typeof caseFileSchema>): string => {
  const d = file.addictionDetermination;
  return `Kết quả xác định tình trạng nghiện ma túy: Phiếu kết quả số ${d.documentNumber} ${dateInWords(d.determinedOn)} của ${d.facility}.`;
};

/**
 * Notification of file compilation to the person and family (thông báo về việc lập hồ sơ),
 * Decree 116/2021/NĐ-CP Art. 42(1)–(3) and its Form 32: who, why, the right to read the file and
 * for how long (3 working days, Art. 42(3); Law 73/2021/QH14 Art. 34(2)).
 */
export const fileCompilationNoticeSchema = documentBase
  .extend({
    file: caseFileSchema,
    minor: minorFlag,
    family: z
      .array(
        z
          .object({ name: z.string().trim().min(2).max(100), relation: z.string().trim().min(2).max(40) })
          .strict(),
      )
      .max(4)
      .default([]),
    readingWorkingDays: z.number().int().min(1).max(10).default(3),
    readingPlace: z.string().trim().min(3).max(200).describe('Nơi đọc hồ sơ'),
  })
  .strict();

export function fileCompilationNotice(input: z.infer<typeof fileCompilationNoticeSchema>): DocumentModel {
  const { person } = input.file;
  const compiler = input.signer.title ? `${input.signer.title} ${input.issuer.name}` : input.issuer.name;
  const measure = measureName(input.minor);
  return {
    ...baseModel('fileCompilationNotice', input),
    title: 'Thông báo',
    summary: `Về việc lập hồ sơ đề nghị áp dụng ${measure}`,
    addressees: [
      `${honorific(person.gender)} ${person.fullName}`,
      ...input.family.map((f) => `${f.name} (${f.relation})`),
    ],
    body: [
      ...legalBasisBlocks(
        input.legalBasis ??
          (input.minor
            ? [laws.drugControl, laws.decree116]
            : [laws.handlingViolations, laws.drugControl, laws.decree116]),
      ),
      paragraph(`${compiler} thông báo việc lập hồ sơ đề nghị áp dụng ${measure} đối với:`),
      personBlock(person),
      paragraph(groundsParagraph(input.file, input.minor)),
      paragraph(determinationParagraph(input.file)),
      paragraph(
        `Trong thời hạn ${workingDaysInWords(input.readingWorkingDays)} kể từ ngày nhận được thông báo này, ${personPhrase(person)} hoặc người đại diện hợp pháp và gia đình có quyền đọc hồ sơ, ghi chép các nội dung cần thiết và có ý kiến về việc lập hồ sơ (Điều 42 ${shortNames.decree116}). Địa điểm đọc hồ sơ: ${input.readingPlace}.`,
      ),
      paragraph(
        `Hết thời hạn trên, hồ sơ được chuyển đến cơ quan có thẩm quyền kiểm tra tính pháp lý theo quy định.`,
      ),
    ],
  };
}

/**
 * The district Labour, Invalids and Social Affairs office's proposal to the court (Decree
 * 116/2021/NĐ-CP Art. 43(2), Form 34): a letter (công văn) naming the centre, with the file.
 */
export const courtProposalSchema = documentBase
  .extend({
    file: caseFileSchema,
    minor: minorFlag,
    court: z.string().trim().min(5).max(200),
    /** The compiling commune's proposal letter (Form 29) that the office checked, when it has one. */
    compilerProposal: documentRefSchema.optional(),
    /** Otherwise the body that compiled the file: "Ủy ban nhân dân phường Đông Phong". */
    compiler: z.string().trim().min(5).max(200).optional(),
    centre: z.string().trim().min(5).max(200),
    proposedMonths: z.number().int().min(6).max(24).optional(),
    /** A minor's file: the office's opinion on child-rights protection and the management plan (LAW73 Art. 34(4), Form 39). */
    childProtectionOpinion: z.string().trim().min(10).max(3000).optional(),
  })
  .strict()
  .refine((input) => input.compilerProposal || input.compiler, {
    path: ['compiler'],
    message: 'cần văn bản đề nghị hoặc tên cơ quan lập hồ sơ',
  });

export function courtProposal(input: z.infer<typeof courtProposalSchema>): DocumentModel {
  const { file } = input;
  const documents = file.documents.map((d, i) => {
    const ref = [d.number && `số ${d.number}`, d.issuedOn && dateInWords(d.issuedOn)]
      .filter(Boolean)
      .join(' ');
    return paragraph(`${i + 1}. ${d.title}${ref ? ` ${ref}` : ''}.`);
  });
  const base = baseModel('courtProposal', input);
  const measure = measureName(input.minor);
  return {
    ...base,
    subjectLine: `V/v đề nghị xem xét, quyết định áp dụng ${measure} đối với ${file.person.fullName}`,
    addressees: [input.court],
    body: [
      paragraph(
        `Căn cứ Điều 43 ${shortNames.decree116}, sau khi kiểm tra tính pháp lý của hồ sơ đề nghị áp dụng ${measure} ${input.compilerProposal ? `theo ${refPhrase('Văn bản đề nghị', input.compilerProposal)}` : `do ${input.compiler} lập`}, ${input.issuer.name} đề nghị ${input.court} xem xét, quyết định áp dụng ${measure} đối với:`,
      ),
      personBlock(file.person),
      paragraph(groundsParagraph(file, input.minor)),
      paragraph(determinationParagraph(file)),
      fields([
        ...(input.proposedMonths
          ? ([['Thời hạn đề nghị áp dụng', monthsInWords(input.proposedMonths)]] as const)
          : []),
        [
          'Cơ sở cai nghiện bắt buộc đề nghị đưa vào',
          `${input.centre} (điểm a khoản 2 Điều 43 ${shortNames.decree116})`,
        ],
      ]),
      ...(input.childProtectionOpinion
        ? [
            paragraph(
              `Ý kiến về việc bảo đảm quyền của trẻ em và kế hoạch quản lý (khoản 4 Điều 34 ${shortNames.drugControl}): ${input.childProtectionOpinion}`,
            ),
          ]
        : []),
      paragraph('Hồ sơ kèm theo gồm:', { indent: true, align: 'left' }),
      ...documents,
      paragraph(`Đề nghị ${input.court} xem xét, quyết định theo quy định của pháp luật.`),
    ],
  };
}
