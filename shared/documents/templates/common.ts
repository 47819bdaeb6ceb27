import * as z from 'zod';
import { isoDate, personSchema } from '#shared/domain/case-file';
import { type Block, type DocumentModel, fields, italic, paragraph } from '../model';
import {
  type DocumentNumber,
  dateInWords,
  numberLine,
  shortDate,
  withBasisPunctuation,
} from '../vietnamese-text';

/** Pieces every template's input shares; each template's schema extends `documentBase`. */
export const issuerSchema = z
  .object({
    superior: z.string().trim().min(2).max(200).optional().describe('Cơ quan chủ quản (nếu có)'),
    name: z.string().trim().min(2).max(200).describe('Tên cơ quan, tổ chức ban hành văn bản'),
  })
  .strict();

export const documentNumberSchema = z
  .object({
    sequence: z.number().int().min(1).max(999_999),
    symbol: z
      .string()
      .trim()
      .regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u, { error: 'ký hiệu viết hoa, các nhóm nối bằng dấu gạch nối' }),
    year: z.number().int().min(2000).max(2100).optional(),
  })
  .strict();

export const signerSchema = z
  .object({
    authority: z.string().trim().min(2).max(120).optional().describe('TM. / KT. / Q. …'),
    title: z.string().trim().min(2).max(120).optional().describe('Chức vụ người ký'),
    name: z.string().trim().min(2).max(100),
  })
  .strict();

/** A document referred to by its number and date, e.g. the court decision being executed. */
export const documentRefSchema = z
  .object({
    number: z.string().trim().min(3).max(50),
    date: isoDate,
    issuer: z.string().trim().min(2).max(200),
  })
  .strict();

export const documentBase = z.object({
  issuer: issuerSchema,
  number: documentNumberSchema,
  place: z.string().trim().min(2).max(60).describe('Địa danh ghi trên văn bản'),
  date: isoDate.describe('Ngày ban hành'),
  signer: signerSchema,
  recipients: z.array(z.string().trim().min(2).max(200)).min(1).max(20),
  /** Replaces the template's default "Căn cứ …" lines (other legal profiles). */
  legalBasis: z.array(z.string().trim().min(10).max(400)).min(1).max(12).optional(),
  /** A correction names the document it replaces and why; the replaced one stays valid on record. */
  correction: z
    .object({
      replaces: z.object({ number: z.string().min(3).max(50), date: isoDate }).strict(),
      reason: z.string().trim().min(10).max(1000),
    })
    .strict()
    .optional(),
});

export { personSchema };
export type Person = z.infer<typeof personSchema>;
export type DocumentRef = z.infer<typeof documentRefSchema>;
type BaseInput = z.infer<typeof documentBase>;

/** The model fields every template fills the same way. */
export function baseModel(kind: string, input: BaseInput): Omit<DocumentModel, 'body'> {
  return {
    kind,
    issuer: input.issuer,
    number: numberLine(input.number as DocumentNumber),
    place: input.place,
    date: input.date,
    signatures: [input.signer],
    recipients: input.recipients,
  };
}

/** "Căn cứ …" lines, italic, each ending in ";" and the last in "." (ND-30 App. I §II.6). */
export function legalBasisBlocks(lines: readonly string[], closing: readonly string[] = []): Block[] {
  const all = [...lines.map((l) => `Căn cứ ${l}`), ...closing];
  return withBasisPunctuation(all).map((line) => paragraph([italic(line)]));
}

export const genderText = (gender: Person['gender']): string => (gender === 'male' ? 'Nam' : 'Nữ');

/** The person's identity, one line each, as court and commune documents list it. */
export function personBlock(person: Person, extra: readonly (readonly [string, string])[] = []): Block {
  return fields([
    ['Họ và tên', person.fullName],
    ['Giới tính', genderText(person.gender)],
    ['Ngày, tháng, năm sinh', shortDate(person.dateOfBirth)],
    ['Số định danh cá nhân', person.citizenId],
    ...extra,
    ['Nơi cư trú', person.residence.address],
  ]);
}

/** "ông Lò Văn Thử, sinh ngày 17 tháng 5 năm 1990". */
export const personPhrase = (person: Person): string =>
  `${person.gender === 'male' ? 'ông' : 'bà'} ${person.fullName}, sinh ${dateInWords(person.dateOfBirth)}`;

/** "Quyết định số 05/2026/QĐ-TA ngày 05 tháng 3 năm 2026 của Tòa án nhân dân thành phố Lai Châu". */
export const refPhrase = (kind: string, ref: DocumentRef): string =>
  `${kind} số ${ref.number} ${dateInWords(ref.date)} của ${ref.issuer}`;
