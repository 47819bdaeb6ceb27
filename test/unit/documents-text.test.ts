import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import type { Measure } from '#shared/documents/text-wrap';
import { balancedText, wrapSpans, wrapText } from '#shared/documents/text-wrap';
import { hasOddGlyphRecords, prepareForSubsetting, withoutInstructions } from '#shared/documents/truetype';
import {
  dateInWords,
  numberInWords,
  numberLine,
  placeAndDate,
  shortDate,
  upperVi,
  withBasisPunctuation,
} from '#shared/documents/vietnamese-text';

describe('Vietnamese wording (ND-30 Appendix I)', () => {
  it.each([
    ['2026-03-05', 'ngày 05 tháng 3 năm 2026'],
    ['2026-01-09', 'ngày 09 tháng 01 năm 2026'],
    ['2026-02-28', 'ngày 28 tháng 02 năm 2026'],
    ['2026-11-01', 'ngày 01 tháng 11 năm 2026'],
    ['2026-12-10', 'ngày 10 tháng 12 năm 2026'],
  ])('writes %s as "%s": a zero before days 1–9 and months 1–2 only', (date, words) => {
    expect(dateInWords(date)).toBe(words);
  });

  it('writes the place and date line', () => {
    expect(placeAndDate('Lai Châu', '2026-03-05')).toBe('Lai Châu, ngày 05 tháng 3 năm 2026');
    expect(shortDate('2026-02-07')).toBe('07/02/2026');
  });

  it('writes the number and symbol with a zero before numbers below 10 and the symbol in capitals', () => {
    expect(numberLine({ sequence: 12, symbol: 'QĐ-TA' })).toBe('Số: 12/QĐ-TA');
    expect(numberLine({ sequence: 5, symbol: 'qđ-ubnd' })).toBe('Số: 05/QĐ-UBND');
    expect(numberLine({ sequence: 5, symbol: 'QĐ-TA', year: 2026 })).toBe('Số: 05/2026/QĐ-TA');
  });

  it('upper-cases with every diacritic kept, whatever the input normalisation', () => {
    expect(upperVi('Ủy ban nhân dân phường Đông Phong')).toBe('ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG PHONG');
    expect(upperVi('nghiện'.normalize('NFD'))).toBe('NGHIỆN');
  });

  it.each([
    [1, 'một'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [18, 'mười tám'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
  ])('writes %i in words as "%s"', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('refuses numbers it cannot write', () => {
    expect(() => numberInWords(100)).toThrow(RangeError);
  });

  it('ends legal-basis lines with a semicolon and the last with a full stop', () => {
    expect(withBasisPunctuation(['Căn cứ A;', 'Căn cứ B', 'Theo đề nghị của C;'])).toEqual([
      'Căn cứ A;',
      'Căn cứ B;',
      'Theo đề nghị của C.',
    ]);
  });
});

/** One point a character: widths are easy to reason about. */
const monospace: Measure = (text) => [...text].length;

describe('line wrapping', () => {
  it('fills lines up to the width and marks the last one', () => {
    const lines = wrapSpans([{ text: 'một hai ba bốn năm sáu bảy' }], 10, 10, monospace);
    const texts = lines.map((l) => l.words.map((w) => w.pieces.map((p) => p.text).join('')).join(' '));
    expect(texts).toEqual(['một hai ba', 'bốn năm', 'sáu bảy']);
    expect(lines.map((l) => l.last)).toEqual([false, false, true]);
  });

  it('narrows the first line by the indent', () => {
    expect(wrapText('một hai ba bốn', 'regular', 10, 10, monospace)).toEqual(['một hai ba', 'bốn']);
    const lines = wrapSpans([{ text: 'một hai ba bốn' }], 10, 10, monospace, 4);
    expect(lines[0]?.words.length).toBe(1);
  });

  it('cuts a word longer than the line between letters, never inside a letter', () => {
    const word = 'nghiệnnghiệnnghiện'.normalize('NFD');
    const lines = wrapText(word, 'regular', 10, 7, (t) => t.normalize('NFC').length);
    expect(lines.join('').normalize('NFC')).toBe(word.normalize('NFC'));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(7);
  });

  it('keeps glued pieces of different styles together and on one line', () => {
    const lines = wrapSpans([{ text: 'Điều 1.', bold: true }, { text: ' Áp dụng' }], 10, 100, monospace);
    expect(lines[0]?.words.map((w) => w.pieces.map((p) => `${p.style}:${p.text}`))).toEqual([
      ['bold:Điều'],
      ['bold:1.'],
      ['regular:Áp'],
      ['regular:dụng'],
    ]);
  });

  it('balances a centred title so it does not end on one stray word', () => {
    const even = balancedText(
      'áp dụng biện pháp xử lý hành chính đưa vào cơ sở bắt buộc',
      'bold',
      10,
      50,
      monospace,
    );
    expect(even).toHaveLength(2);
    const [first = '', second = ''] = even;
    expect(Math.abs(first.length - second.length)).toBeLessThan(10);
  });
});

describe('preparing the font for subsetting', () => {
  const tinos = async () =>
    new Uint8Array(
      await readFile(
        createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
      ),
    );

  it('pads the odd-length glyph records that @pdf-lib/fontkit 1.1 would corrupt', async () => {
    const raw = await tinos();
    expect(hasOddGlyphRecords(raw)).toBe(true);
    expect(hasOddGlyphRecords(prepareForSubsetting(raw))).toBe(false);
  });

  it('keeps every glyph, its outline and its advance width', async () => {
    const raw = await tinos();
    const before = fontkit.create(raw);
    const after = fontkit.create(prepareForSubsetting(raw));
    expect(after.numGlyphs).toBe(before.numGlyphs);
    for (const char of 'aăâđêôơưẠỹ') {
      const [a, b] = [
        before.glyphForCodePoint(char.codePointAt(0) ?? 0),
        after.glyphForCodePoint(char.codePointAt(0) ?? 0),
      ];
      expect(b.advanceWidth).toBe(a.advanceWidth);
      expect(b.path.toSVG()).toBe(a.path.toSVG());
    }
  });

  it('drops the instructions of a simple glyph and sets their length to zero', () => {
    // One contour, end point 0, three instruction bytes, one flag byte, one x, one y.
    const glyph = new Uint8Array([0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 3, 0xb0, 0x01, 0x2f, 0x01, 5, 6]);
    expect([...withoutInstructions(glyph)]).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0x01, 5, 6]);
  });
});
