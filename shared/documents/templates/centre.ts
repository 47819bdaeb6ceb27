import * as z from 'zod';
import { isoDate } from '#shared/domain/case-file';
import { type DocumentModel, heading, paragraph } from '../model';
import { dateInWords, monthsInWords, numberLine, upperVi, workingDaysInWords } from '../vietnamese-text';
import {
  baseModel,
  documentBase,
  documentRefSchema,
  legalBasisBlocks,
  personBlock,
  personPhrase,
  personSchema,
  refPhrase,
  signerSchema,
} from './common';
import { laws, measureName, shortNames } from './legal-basis';

const MEASURE = measureName();

const representativeSchema = z
  .object({ name: z.string().trim().min(2).max(100), position: z.string().trim().min(2).max(120) })
  .strict();

const partySchema = z
  .object({
    body: z.string().trim().min(5).max(200),
    representatives: z.array(representativeSchema).min(1).max(4),
  })
  .strict();

/**
 * Handover and admission record (biên bản giao, nhận) between the escorting police and the
 * centre, Decree 116/2021/NĐ-CP Art. 55(2) and Form 40: health, documents handed over, personal
 * belongings; signed by both sides.
 */
export const admissionRecordSchema = documentBase
  .omit({ signer: true, recipients: true })
  .extend({
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'giờ dạng HH:MM' }),
    endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'giờ dạng HH:MM' }),
    location: z.string().trim().min(5).max(200),
    handingOver: partySchema,
    receiving: partySchema,
    person: personSchema,
    decision: documentRefSchema,
    health: z.string().trim().min(3).max(1000),
    documents: z.array(z.string().trim().min(3).max(200)).min(1).max(30),
    belongings: z.string().trim().min(3).max(1000),
    handingOverSigner: signerSchema,
    receivingSigner: signerSchema,
    recipients: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
  })
  .strict();

const clock = (time: string): string => {
  const [h, m] = time.split(':');
  return `${h} giờ ${m} phút`;
};

export function admissionRecord(input: z.infer<typeof admissionRecordSchema>): DocumentModel {
  const party = (label: string, p: z.infer<typeof partySchema>) => [
    paragraph(`${label}: ${p.body}`),
    ...p.representatives.map((r) => paragraph(`- ${r.name}, chức vụ: ${r.position};`)),
  ];
  return {
    kind: 'admissionRecord',
    issuer: input.issuer,
    number: numberLine(input.number),
    place: input.place,
    date: input.date,
    title: 'Biên bản',
    summary: `Giao, nhận người phải chấp hành quyết định áp dụng ${MEASURE}`,
    body: [
      paragraph(
        `Hôm nay, vào hồi ${clock(input.time)} ${dateInWords(input.date)}, tại ${input.location}, chúng tôi gồm:`,
      ),
      ...party('1. Bên giao', input.handingOver),
      ...party('2. Bên nhận', input.receiving),
      paragraph(
        `Tiến hành giao, nhận ${personPhrase(input.person)}, phải chấp hành ${refPhrase('Quyết định', input.decision)} áp dụng ${MEASURE}, cụ thể:`,
      ),
      personBlock(input.person),
      paragraph(`Tình trạng sức khỏe khi giao, nhận: ${input.health}`),
      paragraph(`Hồ sơ, tài liệu bàn giao gồm ${String(input.documents.length).padStart(2, '0')} tài liệu:`),
      ...input.documents.map((d, i) => paragraph(`${i + 1}. ${d}.`)),
      paragraph(`Đồ dùng, tư trang cá nhân: ${input.belongings}`),
      paragraph(
        `Việc giao, nhận thực hiện theo Điều 55 ${shortNames.decree116}. Biên bản kết thúc vào hồi ${clock(input.endTime)} cùng ngày, được lập thành 03 bản có giá trị như nhau, bên giao giữ 01 bản, bên nhận giữ 01 bản, 01 bản lưu hồ sơ người cai nghiện; đã đọc lại cho những người có tên trên cùng nghe, công nhận đúng và ký tên.`,
      ),
    ],
    signatures: [
      { authority: 'Đại diện bên giao', ...input.handingOverSigner },
      { authority: 'Đại diện bên nhận', ...input.receivingSigner },
    ],
    recipients: input.recipients.length ? input.recipients : undefined,
  };
}

/**
 * Release certificate (giấy chứng nhận đã chấp hành xong), Decree 116/2021/NĐ-CP Art. 62(2) and
 * Form 46; copies go to the deciding court, the labour office, the commune and the family. The
 * released person reports to the commune within 5 working days (Art. 62(5)).
 */
export const releaseCertificateSchema = documentBase
  .extend({
    centre: z.string().trim().min(5).max(200),
    person: personSchema,
    decision: documentRefSchema,
    months: z.number().int().min(1).max(24),
    admittedOn: isoDate,
    releasedOn: isoDate,
    reducedMonths: z.number().int().min(1).max(6).optional(),
    reportingWorkingDays: z.number().int().min(1).max(10).default(5),
  })
  .strict();

export function releaseCertificate(input: z.infer<typeof releaseCertificateSchema>): DocumentModel {
  const reduced = input.reducedMonths ? ` (đã được giảm ${monthsInWords(input.reducedMonths)})` : '';
  return {
    ...baseModel('releaseCertificate', input),
    title: 'Giấy chứng nhận',
    summary: `Đã chấp hành xong quyết định áp dụng ${MEASURE}`,
    body: [
      heading(upperVi(`Giám đốc ${input.centre}`)),
      ...legalBasisBlocks(input.legalBasis ?? [laws.handlingViolations, laws.drugControl, laws.decree116], [
        `Căn cứ ${refPhrase('Quyết định', input.decision)} áp dụng ${MEASURE}`,
      ]),
      heading('CHỨNG NHẬN:'),
      personBlock(input.person),
      paragraph(
        `Đã chấp hành xong ${refPhrase('Quyết định', input.decision)}, thời hạn ${monthsInWords(input.months)}${reduced}, tại ${input.centre}, từ ${dateInWords(input.admittedOn)} đến ${dateInWords(input.releasedOn)}.`,
      ),
      paragraph(
        `Trong thời hạn ${workingDaysInWords(input.reportingWorkingDays)} kể từ ngày về đến nơi cư trú, ${personPhrase(input.person)} phải trình báo với Ủy ban nhân dân và Công an cấp xã nơi cư trú (khoản 5 Điều 62 ${shortNames.decree116}).`,
      ),
    ],
  };
}
