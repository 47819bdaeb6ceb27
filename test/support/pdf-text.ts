import { createCanvas } from '@napi-rs/canvas';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/**
 * Reads PDFs back as a person's viewer would: the text layer and the rendered pixels with pdf.js
 * (`pdfjs-dist`'s legacy build for Node, drawing on `@napi-rs/canvas`), the embedded fonts from the
 * font dictionaries with pdf-lib. All of them are npm packages, so nothing needs installing on the
 * machine. The shapes are those of the usual command-line PDF tools the tests were first written
 * against: raw and layout text with a form feed after each page, a font table, an info dictionary
 * with ISO dates, a grey-level page.
 */

/** Opens a copy of the bytes (pdf.js takes over the buffer it is given) and always destroys it. */
async function withPdf<T>(bytes: Uint8Array, use: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // The fonts are embedded, so no standard font data is fetched; verbosity 0 keeps pdf.js quiet.
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false });
  try {
    return await use(await task.promise);
  } finally {
    await task.destroy();
  }
}

interface Run {
  text: string;
  x: number;
  y: number;
  end: number;
  size: number;
}

async function pageRuns(doc: PDFDocumentProxy, number: number): Promise<{ runs: Run[]; eol: boolean[] }> {
  const page = await doc.getPage(number);
  const content = await page.getTextContent();
  const runs: Run[] = [];
  const eol: boolean[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const { str, transform, width, hasEOL } = item as TextItem;
    if (str !== '') {
      const [, , c = 0, d = 0, x = 0, y = 0] = transform as number[];
      runs.push({ text: str, x, y, end: x + width, size: Math.hypot(c, d) || 1 });
      eol.push(false);
    }
    if (hasEOL && eol.length > 0) eol[eol.length - 1] = true;
  }
  page.cleanup();
  return { runs, eol };
}

const sameLine = (a: Run, b: Run) => Math.abs(a.y - b.y) < 0.5 * Math.min(a.size, b.size);
/** A gap wider than this share of the font size is a space between words. */
const wordGap = (a: Run, b: Run) => b.x - a.end > 0.15 * Math.min(a.size, b.size);

/** Content order: a run that does not go on from the one before it on the same line starts a line. */
function rawPage({ runs, eol }: { runs: Run[]; eol: boolean[] }): string {
  let text = '';
  runs.forEach((run, i) => {
    const before = runs[i - 1];
    if (before && !eol[i - 1]) {
      const onward = sameLine(before, run) && run.x >= before.end - 0.5 * run.size;
      text += !onward ? '\n' : wordGap(before, run) ? ' ' : '';
    }
    text += run.text + (eol[i] ? '\n' : '');
  });
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

/** Lines top to bottom; each run placed at a column of its x, so what stands side by side stays so. */
function layoutPage({ runs }: { runs: Run[] }): string {
  const chars = runs.reduce((n, r) => n + r.text.length, 0);
  const pitch = chars === 0 ? 1 : runs.reduce((w, r) => w + (r.end - r.x), 0) / chars;
  const left = Math.min(...runs.map((r) => r.x));
  const lines: Run[][] = [];
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => sameLine(l[0] as Run, run));
    if (line) line.push(run);
    else lines.push([run]);
  }
  return lines
    .map((line) => {
      let text = '';
      let before: Run | undefined;
      for (const run of line.sort((a, b) => a.x - b.x)) {
        const touching = before && !wordGap(before, run);
        const column = Math.round((run.x - left) / pitch);
        text = touching ? text : text.padEnd(Math.max(column, text.length + (before ? 1 : 0)));
        text += run.text;
        before = run;
      }
      return `${text.trimEnd()}\n`;
    })
    .join('');
}

/**
 * The text layer, each page ended by a form feed: `raw` keeps the content order,
 * `layout` keeps the page's columns (what stands side by side on the page is on one line).
 */
export const pdfText = (bytes: Uint8Array, mode: 'raw' | 'layout' = 'raw'): Promise<string> =>
  withPdf(bytes, async (doc) => {
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await pageRuns(doc, n);
      text += `${mode === 'raw' ? rawPage(page) : layoutPage(page)}\f`;
    }
    return text;
  });

/** The text with every run of white space made one space, for matching phrases across line breaks. */
export const flatText = async (bytes: Uint8Array): Promise<string> =>
  (await pdfText(bytes, 'raw')).replace(/\s+/g, ' ').trim();

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

const name = (dict: PDFDict | undefined, key: string): string | undefined =>
  dict?.lookupMaybe(PDFName.of(key), PDFName)?.decodeText();

/** The font's type ("CID TrueType", "Type 1", …), from its subtype and a composite font's descendant. */
function fontType(subtype: string | undefined, descendant: PDFDict | undefined, file3: string | undefined) {
  if (subtype === 'Type0') {
    const cid = name(descendant, 'Subtype');
    if (cid === 'CIDFontType2') return 'CID TrueType';
    return file3 === 'OpenType' ? 'CID Type 0C (OT)' : file3 ? 'CID Type 0C' : 'CID Type 0';
  }
  if (subtype === 'Type1' || subtype === 'MMType1') return file3 ? 'Type 1C' : 'Type 1';
  if (subtype === 'Type3') return 'Type 3';
  return subtype ?? '';
}

function describeFont(font: PDFDict): PdfFont {
  const cidFont = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict);
  const descriptor = (cidFont ?? font).lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  const file = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));
  const file3 = descriptor?.lookupMaybe(PDFName.of('FontFile3'), PDFStream)?.dict;
  const baseFont = name(font, 'BaseFont') ?? '[none]';
  return {
    name: baseFont,
    type: fontType(name(font, 'Subtype'), cidFont, name(file3, 'Subtype')),
    embedded: file,
    subset: /^[A-Z]{6}\+/.test(baseFont),
    unicode: font.has(PDFName.of('ToUnicode')),
  };
}

/** Every font the pages and their forms use, once each, in the order they are met. */
export const pdfFonts = async (bytes: Uint8Array): Promise<PdfFont[]> => {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const seen = new Set<PDFDict>();
  const fonts: PdfFont[] = [];
  const visit = (resources: PDFDict | undefined) => {
    const fontDict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [key] of fontDict?.entries() ?? []) {
      const font = fontDict?.lookupMaybe(key, PDFDict);
      if (font && !seen.has(font)) {
        seen.add(font);
        fonts.push(describeFont(font));
      }
    }
    const xObjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [key] of xObjects?.entries() ?? []) {
      const form = xObjects?.lookupMaybe(key, PDFStream)?.dict;
      if (form && name(form, 'Subtype') === 'Form' && !seen.has(form)) {
        seen.add(form);
        visit(form.lookupMaybe(PDFName.of('Resources'), PDFDict));
      }
    }
  };
  for (const page of doc.getPages()) visit(page.node.Resources());
  return fonts;
};

/** A PDF date (D:YYYYMMDDHHmmSS, then Z or ±HH'mm') in ISO 8601, keeping its zone: 2026-03-04T17:00:00Z. */
function isoDate(value: unknown): string | undefined {
  const m = /^D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(?:(Z)|([+-])(\d\d)'?(\d\d)?'?)?/.exec(
    String(value),
  );
  if (!m) return typeof value === 'string' ? value : undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', z, sign, tzh, tzm = '00'] = m;
  const zone = z ? 'Z' : sign ? `${sign}${tzh}:${tzm}` : '';
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}

/** The document's info fields ("Title", "Author", "CreationDate", "Pages", …), dates in ISO 8601. */
export const pdfInfo = (bytes: Uint8Array): Promise<Record<string, string>> =>
  withPdf(bytes, async (doc) => {
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const key of ['Title', 'Subject', 'Keywords', 'Author', 'Creator', 'Producer']) {
      if (typeof info[key] === 'string') fields[key] = info[key];
    }
    for (const key of ['CreationDate', 'ModDate']) {
      const date = isoDate(info[key]);
      if (date) fields[key] = date;
    }
    fields.Pages = String(doc.numPages);
    const [, , width = 0, height = 0] = (await doc.getPage(1)).view;
    fields['Page size'] = `${+width.toFixed(2)} x ${+height.toFixed(2)} pts`;
    fields['PDF version'] = String(info.PDFFormatVersion ?? '');
    return fields;
  });

/** Draws one page on a white canvas at `dpi` (pdf.js's scale 1 is 72 dpi), partial pixels rounded up. */
const drawPage = (bytes: Uint8Array, number: number, dpi: number) =>
  withPdf(bytes, async (doc) => {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas: canvas as never, viewport, background: '#ffffff' }).promise;
    page.cleanup();
    return canvas;
  });

export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** One page rendered in grey levels: one byte a pixel, its luminance (Rec. 601) over white. */
export const renderPage = async (bytes: Uint8Array, page = 1, dpi = 80): Promise<GrayImage> => {
  const canvas = await drawPage(bytes, page, dpi);
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const [r = 0, g = 0, b = 0, a = 0] = rgba.subarray(i * 4, i * 4 + 4);
    const luminance = 0.299 * r + 0.587 * g + 0.114 * b;
    pixels[i] = Math.round((luminance * a + 255 * (255 - a)) / 255); // over white
  }
  return { width, height, pixels };
};

/** One page as PNG bytes, for pictures of a document. */
export const renderPagePng = async (bytes: Uint8Array, page = 1, dpi = 80): Promise<Uint8Array> =>
  (await drawPage(bytes, page, dpi)).encode('png');

/** Share of pixels darker than mid-grey. */
export const darkShare = (image: GrayImage, threshold = 128): number =>
  image.pixels.reduce((n, value) => n + (value < threshold ? 1 : 0), 0) / image.pixels.length;
