import * as z from 'zod';
import { isoDate } from '#shared/domain/case-file';
import { bold, type DocumentModel, heading, paragraph, span } from '../model';
import { dateInWords, numberInWords, upperVi } from '../vietnamese-text';
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
import { laws, shortNames } from './legal-basis';

/**
 * Post-treatment management at the place of residence (quản lý sau cai nghiện): the commune
 * chairman's decision (Decree 116/2021/NĐ-CP Art. 78, Form 51; Law 73/2021/QH14 Art. 40: 2 years
 * for an adult after the compulsory measure, 1 year for a minor) and the certificate that it ended
 * (Decree 116/2021/NĐ-CP Art. 81, Form 54; Law 73/2021/QH14 Art. 43(3)(a)).
 */
export const aftercareDecisionSchema = documentBase
  .extend({
    /** "Chủ tịch Ủy ban nhân dân phường Đông Phong": the deciding authority. */
    decider: z.string().trim().min(5).max(200),
    commune: z.string().trim().min(5).max(200).describe('Nơi thực hiện quản lý'),
    person: personSchema,
    occupation: z.string().trim().min(2).max(100).optional(),
    policeProposal: documentRefSchema.optional(),
    releaseCertificate: documentRefSchema,
    years: z.union([z.literal(1), z.literal(2)]),
    from: isoDate,
    to: isoDate,
    executingBody: z.string().trim().min(5).max(200).describe('Cơ quan chủ trì tổ chức quản lý'),
  })
  .strict();

export function aftercareDecision(input: z.infer<typeof aftercareDecisionSchema>): DocumentModel {
  const years = `${String(input.years).padStart(2, '0')} (${numberInWords(input.years)}) năm`;
  return {
    ...baseModel('aftercareDecision', input),
    title: 'Quyết định',
    summary: 'Về việc quản lý sau cai nghiện ma túy tại nơi cư trú',
    body: [
      heading(upperVi(input.decider)),
      ...legalBasisBlocks(input.legalBasis ?? [laws.localGovernment, laws.drugControl, laws.decree116], [
        `Căn cứ ${refPhrase('Giấy chứng nhận', input.releaseCertificate)}`,
        ...(input.policeProposal
          ? [
              `Xét đề nghị của ${input.policeProposal.issuer} tại Văn bản số ${input.policeProposal.number} ${dateInWords(input.policeProposal.date)}`,
            ]
          : []),
      ]),
      heading('QUYẾT ĐỊNH:'),
      paragraph([bold('Điều 1.'), span(' Quản lý sau cai nghiện ma túy tại nơi cư trú đối với:')]),
      personBlock(input.person, input.occupation ? [['Nghề nghiệp', input.occupation]] : []),
      paragraph(
        `Thời gian quản lý: ${years}, từ ${dateInWords(input.from)} đến ${dateInWords(input.to)} (Điều 40 ${shortNames.drugControl}).`,
      ),
      paragraph(`Nơi thực hiện: ${input.commune}.`),
      paragraph([
        bold('Điều 2.'),
        span(
          ` Giao ${input.executingBody} chủ trì, phối hợp với gia đình và các cơ quan, tổ chức có liên quan tổ chức quản lý, hỗ trợ ${personPhrase(input.person)} theo Điều 79 ${shortNames.decree116}.`,
        ),
      ]),
      paragraph([
        bold('Điều 3.'),
        span(
          ` Quyết định này có hiệu lực kể từ ngày ký. ${input.executingBody}, công chức phụ trách lao động - thương binh và xã hội cấp xã, ${personPhrase(input.person)} và gia đình chịu trách nhiệm thi hành Quyết định này.`,
        ),
      ]),
    ],
  };
}

export const aftercareCompletionCertificateSchema = documentBase
  .extend({
    decider: z.string().trim().min(5).max(200),
    commune: z.string().trim().min(5).max(200),
    person: personSchema,
    decision: documentRefSchema,
    from: isoDate,
    to: isoDate,
  })
  .strict();

export function aftercareCompletionCertificate(
  input: z.infer<typeof aftercareCompletionCertificateSchema>,
): DocumentModel {
  return {
    ...baseModel('aftercareCompletionCertificate', input),
    title: 'Giấy chứng nhận',
    summary: 'Hoàn thành thời gian quản lý sau cai nghiện ma túy',
    body: [
      heading(upperVi(input.decider)),
      ...legalBasisBlocks(input.legalBasis ?? [laws.drugControl, laws.decree116], [
        `Căn cứ ${refPhrase('Quyết định', input.decision)} về việc quản lý sau cai nghiện ma túy`,
      ]),
      heading('CHỨNG NHẬN:'),
      personBlock(input.person),
      paragraph(
        `Đã hoàn thành thời gian quản lý sau cai nghiện ma túy tại ${input.commune} từ ${dateInWords(input.from)} đến ${dateInWords(input.to)} và được đưa ra khỏi danh sách người bị quản lý sau cai nghiện ma túy (điểm a khoản 3 Điều 43 ${shortNames.drugControl}; Điều 81 ${shortNames.decree116}).`,
      ),
    ],
  };
}
