import type { IsoDate } from '#shared/domain/dates';

/**
 * A document as the layout sees it: the parts of the ND-30 format (Decree 30/2020/NĐ-CP,
 * Appendix I, Part I, Section II) as data. Templates build it from typed input; `renderDocument`
 * turns it into a PDF. Texts are written as they should read; the layout upper-cases what ND-30
 * wants in capitals (issuing body, national title, document title, signing authority).
 */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  /** Body text, justified with a first-line indent unless told otherwise. */
  | { type: 'paragraph'; spans: Span[]; align?: 'justify' | 'left' | 'center'; indent?: boolean }
  /** A centred bold line such as "QUYẾT ĐỊNH:" or the deciding authority under the title. */
  | { type: 'heading'; text: string }
  /** One label-and-value line per row, e.g. "Họ và tên: Lò Văn Thử". */
  | { type: 'fields'; rows: readonly (readonly [label: string, value: string])[] };

export interface Signature {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHÁNH ÁN" or "ĐẠI DIỆN BÊN GIAO"; omitted when the signer signs in their own right. */
  authority?: string;
  /** The signer's title: "CHỦ TỊCH", "PHÓ CHÁNH ÁN", "THẨM PHÁN". */
  title?: string;
  /** Full name, printed bold under the space left for the signature and seal. */
  name: string;
}

export interface DocumentModel {
  /** The template that built it; also the PDF's subject keyword. */
  kind: string;
  /** Issuing body (ND-30 §II.2): the superior body, if shown, above the issuer's own name. */
  issuer: { superior?: string; name: string };
  /** "Số: 05/QĐ-UBND", already formatted (see `numberLine`). */
  number?: string;
  /** Under the number, for letters: "V/v đề nghị xem xét, quyết định …" (ND-30 §II.5(b)). */
  subjectLine?: string;
  place: string;
  /** Date of issue: printed in words and used as the PDF's creation date (never the clock). */
  date: IsoDate;
  /** Type of document, e.g. "Quyết định"; printed bold in capitals. Letters have none. */
  title?: string;
  /** The summary under the title: "Về việc áp dụng biện pháp …" (ND-30 §II.5(a)). */
  summary?: string;
  /** "Kính gửi: Tòa án nhân dân thành phố Lai Châu" (letters). */
  addressees?: string[];
  body: Block[];
  /** One signature sits on the right; two (a record signed by both sides) sit left and right. */
  signatures: Signature[];
  /** "Nơi nhận:" (ND-30 §II.9), bottom left; the last line is usually "Lưu: VT, …". */
  recipients?: string[];
}

export const span = (text: string, style: Omit<Span, 'text'> = {}): Span => ({ text, ...style });
export const bold = (text: string): Span => ({ text, bold: true });
export const italic = (text: string): Span => ({ text, italic: true });

export const paragraph = (
  content: string | Span[],
  options: { align?: 'justify' | 'left' | 'center'; indent?: boolean } = {},
): Block => ({
  type: 'paragraph',
  spans: typeof content === 'string' ? [span(content)] : content,
  ...options,
});

export const heading = (text: string): Block => ({ type: 'heading', text });

export const fields = (rows: readonly (readonly [string, string])[]): Block => ({ type: 'fields', rows });
