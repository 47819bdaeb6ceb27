import type { FontStyle } from './fonts';
import type { Block, DocumentModel, Signature, Span } from './model';
import { balancedText, type Line, type Measure, wrapSpans, wrapText } from './text-wrap';
import { placeAndDate, upperVi } from './vietnamese-text';

/**
 * Places a document's parts on A4 pages as Decree 30/2020/NĐ-CP Appendix I lays them out:
 * margins §I.3, sizes and styles per part §II, positions §IV, page numbers from page 2 centred in
 * the top margin §I.7. Pure: text widths come from `measure`, so the result is the same on every
 * machine with the same font.
 */
const MM = 72 / 25.4;

export const pageSize = { width: 595.28, height: 841.89 } as const;
/** Top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (ND-30 App. I §I.3). */
export const margins = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;

const contentLeft = margins.left;
const contentWidth = pageSize.width - margins.left - margins.right;
const leftColumn = { x: contentLeft, width: 70 * MM };
const rightColumn = { x: contentLeft + 70 * MM, width: contentWidth - 70 * MM };

/** Point sizes inside ND-30's ranges, one choice per part for the whole document. */
export const sizes = {
  issuer: 13,
  nationalTitle: 12,
  motto: 13,
  number: 13,
  subjectLine: 12,
  date: 13,
  title: 14,
  body: 14,
  signature: 14,
  recipientsLabel: 12,
  recipients: 11,
  pageNumber: 13,
} as const;

const LEADING = 1.2;
const PARAGRAPH_GAP = 6;
const FIRST_LINE_INDENT = 10 * MM;
const SIGNATURE_SPACE = 26 * MM;

/** Part of a line set in one style; `shift` is extra room before it, in points (justified lines). */
export interface TextRun {
  text: string;
  style: FontStyle;
  shift?: number;
}

/** A line of text (its baseline starts at x, y, in PDF points from the bottom left) or a rule. */
export type DrawItem =
  | { kind: 'text'; x: number; y: number; size: number; runs: TextRun[] }
  | { kind: 'rule'; x1: number; x2: number; y: number };

export interface DocumentLayout {
  pages: DrawItem[][];
}

const lineHeight = (size: number): number => size * LEADING;

interface Mark {
  page: number;
  items: number;
  top: number;
}

class Pages {
  readonly pages: DrawItem[][] = [[]];
  /** Distance of the next line's top from the top edge of the current page. */
  top: number = margins.top;

  constructor(readonly measure: Measure) {}

  private get items(): DrawItem[] {
    return this.pages.at(-1) as DrawItem[];
  }

  fits(height: number): boolean {
    return this.top + height <= pageSize.height - margins.bottom;
  }

  newPage(): void {
    this.pages.push([]);
    this.top = margins.top;
  }

  ensure(height: number): void {
    if (!this.fits(height) && this.top > margins.top) this.newPage();
  }

  /** Where the next item goes, to come back to with `rewind`. */
  mark(): Mark {
    return { page: this.pages.length - 1, items: this.items.length, top: this.top };
  }

  rewind(mark: Mark): void {
    this.pages.length = mark.page + 1;
    this.items.length = mark.items;
    this.top = mark.top;
  }

  /** Draws one line whose box starts `top` points below the page's top edge. */
  text(text: string, x: number, top: number, style: FontStyle, size: number): void {
    this.runs([{ text, style }], x, top, size);
  }

  runs(runs: TextRun[], x: number, top: number, size: number): void {
    this.items.push({ kind: 'text', x, y: pageSize.height - top - size * LEADING * 0.8, size, runs });
  }

  centred(
    text: string,
    column: { x: number; width: number },
    top: number,
    style: FontStyle,
    size: number,
  ): number {
    const width = this.measure(text, style, size);
    const x = column.x + (column.width - width) / 2;
    this.text(text, x, top, style, size);
    return width;
  }

  /** A thin rule `below` points under a line box top, centred on `centre`. */
  rule(centre: number, width: number, top: number): void {
    this.items.push({
      kind: 'rule',
      x1: centre - width / 2,
      x2: centre + width / 2,
      y: pageSize.height - top,
    });
  }

  /** Centred lines in one style, from `top`; returns the top after them and the widest line. */
  centredLines(
    lines: string[],
    column: { x: number; width: number },
    top: number,
    style: FontStyle,
    size: number,
  ) {
    let widest = 0;
    let at = top;
    for (const line of lines) {
      widest = Math.max(widest, this.centred(line, column, at, style, size));
      at += lineHeight(size);
    }
    return { top: at, widest };
  }
}

const centreOf = (column: { x: number; width: number }): number => column.x + column.width / 2;

function header(p: Pages, model: DocumentModel): void {
  const { measure } = p;
  const start = p.top;
  let left = start;
  if (model.issuer.superior) {
    const lines = balancedText(
      upperVi(model.issuer.superior),
      'regular',
      sizes.issuer,
      leftColumn.width,
      measure,
    );
    left = p.centredLines(lines, leftColumn, left, 'regular', sizes.issuer).top;
  }
  const issuerLines = balancedText(
    upperVi(model.issuer.name),
    'bold',
    sizes.issuer,
    leftColumn.width,
    measure,
  );
  const issuer = p.centredLines(issuerLines, leftColumn, left, 'bold', sizes.issuer);
  left = issuer.top + 4;
  p.rule(centreOf(leftColumn), issuer.widest * 0.4, left);

  let right = p.centredLines(
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    rightColumn,
    start,
    'bold',
    sizes.nationalTitle,
  ).top;
  const motto = p.centredLines(['Độc lập - Tự do - Hạnh phúc'], rightColumn, right, 'bold', sizes.motto);
  right = motto.top + 4;
  p.rule(centreOf(rightColumn), motto.widest, right);

  let row = Math.max(left, right) + 8;
  p.centred(placeAndDate(model.place, model.date), rightColumn, row, 'italic', sizes.date);
  if (model.number) p.centred(model.number, leftColumn, row, 'regular', sizes.number);
  row += lineHeight(sizes.number);
  if (model.subjectLine) {
    const lines = balancedText(model.subjectLine, 'regular', sizes.subjectLine, leftColumn.width, measure);
    row = p.centredLines(lines, leftColumn, row, 'regular', sizes.subjectLine).top;
  }
  p.top = row + 14;
}

function titleAndSummary(p: Pages, model: DocumentModel): void {
  const page = { x: contentLeft, width: contentWidth };
  if (model.title) {
    const lines = balancedText(upperVi(model.title), 'bold', sizes.title, contentWidth, p.measure);
    p.top = p.centredLines(lines, page, p.top, 'bold', sizes.title).top;
  }
  if (model.summary) {
    const lines = balancedText(model.summary, 'bold', sizes.body, contentWidth * 0.85, p.measure);
    const summary = p.centredLines(lines, page, p.top, 'bold', sizes.body);
    p.top = summary.top + 4;
    p.rule(centreOf(page), Math.min(summary.widest * 0.4, contentWidth / 3), p.top);
  }
  if (model.title || model.summary) p.top += 12;
  if (model.addressees?.length) {
    const [only, ...more] = model.addressees;
    if (more.length === 0 && only) {
      p.top = p.centredLines([`Kính gửi: ${only}`], page, p.top, 'regular', sizes.body).top;
    } else {
      const x = contentLeft + 45 * MM;
      p.text('Kính gửi:', x - p.measure('Kính gửi: ', 'regular', sizes.body), p.top, 'regular', sizes.body);
      for (const name of model.addressees) {
        p.text(`- ${name};`, x, p.top, 'regular', sizes.body);
        p.top += lineHeight(sizes.body);
      }
    }
    p.top += PARAGRAPH_GAP;
  }
}

function drawLines(p: Pages, lines: Line[], align: 'justify' | 'left' | 'center', indent: number): void {
  const size = sizes.body;
  const space = p.measure(' ', 'regular', size);
  lines.forEach((line, i) => {
    p.ensure(lineHeight(size));
    const lineIndent = i === 0 ? indent : 0;
    const available = contentWidth - lineIndent;
    const gaps = line.words.length - 1;
    const natural = line.wordsWidth + gaps * space;
    const stretch = align === 'justify' && !line.last && gaps > 0 ? (available - natural) / gaps : 0;
    const x = contentLeft + lineIndent + (align === 'center' ? (available - natural) / 2 : 0);
    const runs: TextRun[] = [];
    line.words.forEach((word, w) => {
      word.pieces.forEach((piece, k) => {
        const startsWord = w > 0 && k === 0;
        const last = runs.at(-1);
        const text = startsWord ? ` ${piece.text}` : piece.text;
        if (last && last.style === piece.style && !(startsWord && stretch)) last.text += text;
        else runs.push({ text, style: piece.style, ...(startsWord && stretch ? { shift: stretch } : {}) });
      });
    });
    p.runs(runs, x, p.top, size);
    p.top += lineHeight(size);
  });
}

/** Lays the blocks out; returns where the last one started. */
function body(p: Pages, blocks: readonly Block[]): Mark | undefined {
  let last: Mark | undefined;
  for (const block of blocks) {
    last = p.mark();
    if (block.type === 'heading') {
      p.ensure(lineHeight(sizes.body) * 2);
      p.top += PARAGRAPH_GAP;
      p.centred(block.text, { x: contentLeft, width: contentWidth }, p.top, 'bold', sizes.body);
      p.top += lineHeight(sizes.body) + PARAGRAPH_GAP;
      continue;
    }
    const paragraphs: { spans: Span[]; align: 'justify' | 'left' | 'center'; indent: boolean }[] =
      block.type === 'fields'
        ? block.rows.map(([label, value]) => ({
            spans: [{ text: `${label}: ${value}` }],
            align: 'left',
            indent: true,
          }))
        : [
            {
              spans: block.spans,
              align: block.align ?? 'justify',
              indent: block.indent ?? block.align !== 'center',
            },
          ];
    for (const para of paragraphs) {
      const indent = para.indent ? FIRST_LINE_INDENT : 0;
      drawLines(p, wrapSpans(para.spans, sizes.body, contentWidth, p.measure, indent), para.align, indent);
      p.top += block.type === 'fields' ? 0 : PARAGRAPH_GAP;
    }
    if (block.type === 'fields') p.top += PARAGRAPH_GAP;
  }
  return last;
}

interface Column {
  x: number;
  width: number;
}

function signatureLines(
  signature: Signature,
  column: Column,
  measure: Measure,
): { text: string; style: FontStyle; gap?: number }[] {
  const heads = [signature.authority, signature.title]
    .filter((t): t is string => Boolean(t))
    .flatMap((t) => wrapText(upperVi(t), 'bold', sizes.signature, column.width, measure));
  return [
    ...heads.map((text) => ({ text, style: 'bold' as const })),
    { text: signature.name, style: 'bold', gap: SIGNATURE_SPACE },
  ];
}

function signatureHeight(lines: { gap?: number }[]): number {
  return lines.reduce((h, l) => h + lineHeight(sizes.signature) + (l.gap ?? 0), 0);
}

function drawSignature(
  p: Pages,
  lines: ReturnType<typeof signatureLines>,
  column: Column,
  top: number,
): void {
  let at = top;
  for (const line of lines) {
    at += line.gap ?? 0;
    p.centred(line.text, column, at, line.style, sizes.signature);
    at += lineHeight(sizes.signature);
  }
}

function recipientLines(recipients: readonly string[], width: number, measure: Measure): string[] {
  return recipients.flatMap((r, i) =>
    wrapText(
      `- ${r.replace(/[;.]\s*$/, '')}${i === recipients.length - 1 ? '.' : ';'}`,
      'regular',
      sizes.recipients,
      width,
      measure,
    ),
  );
}

/**
 * Signature block on the right and "Nơi nhận:" on the left, side by side (ND-30 App. I §IV), kept
 * whole. When they do not fit, the last paragraph moves to the next page with them, so the
 * signature never stands alone on a page.
 */
function closing(p: Pages, model: DocumentModel, lastBlock: Mark | undefined): void {
  const twoSigners = model.signatures.length > 1;
  const half = contentWidth / 2;
  const columns: Column[] = twoSigners
    ? [
        { x: contentLeft, width: half },
        { x: contentLeft + half, width: half },
      ]
    : [{ x: contentLeft + contentWidth * 0.45, width: contentWidth * 0.55 }];
  const blocks = model.signatures
    .slice(0, 2)
    .map((s, i) => signatureLines(s, columns[i] as Column, p.measure));
  const signaturesHeight = Math.max(...blocks.map(signatureHeight));
  const recipientsWidth = twoSigners ? contentWidth : contentWidth * 0.45;
  const recipients = model.recipients?.length
    ? recipientLines(model.recipients, recipientsWidth, p.measure)
    : [];
  const recipientsHeight = recipients.length
    ? lineHeight(sizes.recipientsLabel) + recipients.length * lineHeight(sizes.recipients)
    : 0;
  const height = twoSigners
    ? signaturesHeight + recipientsHeight + 12
    : Math.max(signaturesHeight, recipientsHeight);
  const gap = 6;
  if (
    !p.fits(height + gap) &&
    lastBlock &&
    lastBlock.page === p.pages.length - 1 &&
    lastBlock.top > margins.top
  ) {
    const block = model.body.at(-1);
    p.rewind(lastBlock);
    p.newPage();
    if (block) body(p, [block]);
  }
  p.top += gap;
  p.ensure(height);
  const start = p.top;
  blocks.forEach((lines, i) => {
    drawSignature(p, lines, columns[i] as Column, start);
  });
  let at = twoSigners ? start + signaturesHeight + 12 : start;
  if (recipients.length) {
    p.text('Nơi nhận:', contentLeft, at, 'boldItalic', sizes.recipientsLabel);
    at += lineHeight(sizes.recipientsLabel);
    for (const line of recipients) {
      p.text(line, contentLeft, at, 'regular', sizes.recipients);
      at += lineHeight(sizes.recipients);
    }
  }
  p.top = Math.max(at, start + signaturesHeight);
}

function pageNumbers(p: Pages): void {
  p.pages.forEach((items, i) => {
    if (i === 0) return;
    const text = String(i + 1);
    const width = p.measure(text, 'regular', sizes.pageNumber);
    items.push({
      kind: 'text',
      x: contentLeft + (contentWidth - width) / 2,
      y: pageSize.height - margins.top / 2 - 4,
      size: sizes.pageNumber,
      runs: [{ text, style: 'regular' }],
    });
  });
}

/** Lays a document out on as many A4 pages as its body needs. */
export function layoutDocument(model: DocumentModel, measure: Measure): DocumentLayout {
  const p = new Pages(measure);
  header(p, model);
  titleAndSummary(p, model);
  const lastBlock = body(p, model.body);
  closing(p, model, lastBlock);
  pageNumbers(p);
  return { pages: p.pages };
}
