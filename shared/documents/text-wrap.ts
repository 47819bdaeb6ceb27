import type { FontStyle } from './fonts';
import type { Span } from './model';

/** Width in points of a text set in a style and size; the renderer measures with the real font. */
export type Measure = (text: string, style: FontStyle, size: number) => number;

export interface Piece {
  text: string;
  style: FontStyle;
  width: number;
}

/** A run between break opportunities: pieces of different styles glued together ("Điều 1." + "Áp"). */
interface Word {
  pieces: Piece[];
  width: number;
}

export interface Line {
  words: Word[];
  /** Width of the words alone, without the spaces between them. */
  wordsWidth: number;
  /** The paragraph's last line, which is never stretched. */
  last: boolean;
}

const styleOf = (span: Span): FontStyle =>
  span.bold && span.italic ? 'boldItalic' : span.bold ? 'bold' : span.italic ? 'italic' : 'regular';

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Splits a word wider than the line into pieces that fit, between letters (never inside one). */
function splitLongPiece(piece: Piece, maxWidth: number, size: number, measure: Measure): Piece[] {
  const out: Piece[] = [];
  let current = '';
  for (const { segment } of graphemes.segment(piece.text)) {
    const next = current + segment;
    if (current && measure(next, piece.style, size) > maxWidth) {
      out.push({ text: current, style: piece.style, width: measure(current, piece.style, size) });
      current = segment;
    } else {
      current = next;
    }
  }
  if (current) out.push({ text: current, style: piece.style, width: measure(current, piece.style, size) });
  return out;
}

function toWords(spans: readonly Span[], size: number, measure: Measure): Word[] {
  const words: Word[] = [];
  let open: Word | undefined;
  for (const span of spans) {
    const style = styleOf(span);
    for (const token of span.text.normalize('NFC').split(/(\s+)/)) {
      if (token === '') continue;
      if (/^\s+$/.test(token)) {
        open = undefined;
        continue;
      }
      const piece = { text: token, style, width: measure(token, style, size) };
      if (open) {
        open.pieces.push(piece);
        open.width += piece.width;
      } else {
        open = { pieces: [piece], width: piece.width };
        words.push(open);
      }
    }
  }
  return words;
}

/**
 * Greedy line breaking measured with the font: words fill a line while they fit; a word longer
 * than a whole line is split between letters. `firstIndent` narrows the first line.
 */
export function wrapSpans(
  spans: readonly Span[],
  size: number,
  width: number,
  measure: Measure,
  firstIndent = 0,
): Line[] {
  const space = measure(' ', 'regular', size);
  const lines: Line[] = [];
  let words: Word[] = [];
  let wordsWidth = 0;
  const available = () => width - (lines.length === 0 ? firstIndent : 0);
  const flush = () => {
    if (words.length > 0) lines.push({ words, wordsWidth, last: false });
    words = [];
    wordsWidth = 0;
  };
  const pending = [...toWords(spans, size, measure)];
  while (pending.length > 0) {
    const word = pending.shift() as Word;
    const needed = wordsWidth + word.width + words.length * space;
    if (needed <= available()) {
      words.push(word);
      wordsWidth += word.width;
      continue;
    }
    if (words.length > 0) {
      flush();
      pending.unshift(word);
      continue;
    }
    // A single word wider than the line: cut it, keep what fits, carry the rest.
    const pieces = word.pieces.flatMap((p) => splitLongPiece(p, available(), size, measure));
    const [head, ...rest] = pieces;
    if (!head) continue;
    words.push({ pieces: [head], width: head.width });
    wordsWidth += head.width;
    flush();
    if (rest.length > 0) pending.unshift({ pieces: rest, width: rest.reduce((w, p) => w + p.width, 0) });
  }
  flush();
  const lastLine = lines.at(-1);
  if (lastLine) lastLine.last = true;
  return lines;
}

/** Plain text in one style, wrapped: for headers, titles and lists. */
export function wrapText(
  text: string,
  style: FontStyle,
  size: number,
  width: number,
  measure: Measure,
): string[] {
  const bold = style === 'bold' || style === 'boldItalic';
  const italic = style === 'italic' || style === 'boldItalic';
  return text
    .split('\n')
    .flatMap((part) =>
      wrapSpans([{ text: part, bold, italic }], size, width, measure).map((line) =>
        line.words.map((word) => word.pieces.map((piece) => piece.text).join('')).join(' '),
      ),
    );
}

/**
 * Like `wrapText`, but with lines of even length: the narrowest width that needs no more lines,
 * so a centred title does not end on one stray word.
 */
export function balancedText(
  text: string,
  style: FontStyle,
  size: number,
  width: number,
  measure: Measure,
): string[] {
  const count = wrapText(text, style, size, width, measure).length;
  if (count <= 1) return wrapText(text, style, size, width, measure);
  let low = width / 3;
  let high = width;
  for (let i = 0; i < 12; i++) {
    const mid = (low + high) / 2;
    if (wrapText(text, style, size, mid, measure).length <= count) high = mid;
    else low = mid;
  }
  return wrapText(text, style, size, high, measure);
}
