import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { cachingFontkit, loadFonts, widthOfTextAtSize } from '#shared/documents/fonts';
import { type DocumentModel, paragraph } from '#shared/documents/model';
import { renderDocument } from '#shared/documents/render';
import { darkShare, flatText, pdfFonts, pdfInfo, pdfText, renderPage } from '../support/pdf-text';

/** Every Vietnamese vowel with no mark and with each of the five tones, then đ: lower case. */
const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const lower = [...vowels.flatMap((v) => tones.map((t) => `${v}${t}`.normalize('NFC'))), 'đ'].join(' ');
const sample = `${lower} ${upperVi(lower)}`;

function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}

const aModel = (overrides: Partial<DocumentModel> = {}): DocumentModel => ({
  kind: 'sample',
  issuer: { superior: 'Ủy ban nhân dân thành phố Lai Châu', name: 'Ủy ban nhân dân phường Đông Phong' },
  number: 'Số: 01/TB-UBND',
  place: 'Lai Châu',
  date: '2026-03-05',
  title: 'Thông báo',
  summary: 'Mẫu chữ tiếng Việt',
  body: [
    paragraph(sample, { align: 'left' }),
    paragraph([{ text: sample, bold: true }], { align: 'left' }),
    paragraph([{ text: sample, italic: true }], { align: 'left' }),
    paragraph([{ text: sample, bold: true, italic: true }], { align: 'left' }),
  ],
  signatures: [{ authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Tòng Văn Minh' }],
  recipients: ['Như trên', 'Lưu: VT'],
  ...overrides,
});

describe('rendering', () => {
  it('covers 134 Vietnamese letters: 12 vowels × 6 tone forms and đ, in both cases', () => {
    expect(new Set(sample.replace(/ /g, '')).size).toBe(2 * (12 * 6 + 1));
  });

  it('gives every Vietnamese letter with every tone back exactly, in all four faces', async () => {
    const text = await flatText(await renderDocument(aModel()));
    expect(text.split(sample)).toHaveLength(5);
  });

  it('embeds only subsets of Tinos, with a Unicode map', async () => {
    const fonts = await pdfFonts(await renderDocument(aModel()));
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'Tinos-Bold',
      'Tinos-BoldItalic',
      'Tinos-Italic',
      'Tinos-Regular',
    ]);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+Tinos-/);
    }
  });

  it('draws the glyphs, not only the text layer: the page is not blank where the letters are', async () => {
    const page = await renderPage(await renderDocument(aModel()), 1, 80);
    expect(page.width).toBeGreaterThan(600);
    expect(darkShare(page)).toBeGreaterThan(0.02);
    const band = page.width * Math.round(page.height * 0.25);
    const body = { ...page, pixels: page.pixels.subarray(band, band * 2) };
    expect(darkShare(body)).toBeGreaterThan(0.03);
  });

  it('adds pages when the body overflows, numbers them from page 2 and keeps the signature whole', async () => {
    const long = Array.from({ length: 40 }, (_, i) => paragraph(`Đoạn ${i + 1}. ${lower}`));
    const bytes = await renderDocument(aModel({ body: long }));
    const pages = Number((await pdfInfo(bytes)).Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = await pdfText(bytes, 'layout');
    const lastPage =
      text
        .split('\f')
        .filter((p) => p.trim() !== '')
        .at(-1) ?? '';
    expect(lastPage.trimStart().startsWith(String(pages))).toBe(true);
    expect(lastPage).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(lastPage).toContain('Tòng Văn Minh');
    expect(text).toContain('Đoạn 40.');
  });

  it('cuts a word longer than a line and loses none of it', async () => {
    const word = 'Nghiện'.repeat(40);
    const text = await flatText(await renderDocument(aModel({ body: [paragraph(word)] })));
    expect(text.replace(/\s/g, '')).toContain(word);
  });

  it('measures text exactly as pdf-lib does', async () => {
    const fonts = await loadFonts();
    const doc = await PDFDocument.create();
    doc.registerFontkit(cachingFontkit);
    const embedded = await doc.embedFont(fonts.bold.bytes, { subset: true });
    for (const text of [sample, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 05/2026/QĐ-TA']) {
      expect(widthOfTextAtSize(fonts.bold, text, 13)).toBeCloseTo(embedded.widthOfTextAtSize(text, 13), 6);
    }
  });

  it('reads the font files once per process', async () => {
    expect(await loadFonts()).toBe(await loadFonts());
  });
});
