import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Reads PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm), as a person's
 * viewer would: the text layer, the embedded fonts and the rendered pixels. CI installs
 * poppler-utils (`apt-get install -y poppler-utils`).
 */
const run = promisify(execFile);

async function withPdf<T>(bytes: Uint8Array, use: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-text-'));
  const path = join(dir, 'document.pdf');
  try {
    await writeFile(path, bytes);
    return await use(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text layer: `raw` keeps the content order, `layout` keeps the page's columns. */
export const pdfText = (bytes: Uint8Array, mode: 'raw' | 'layout' = 'raw'): Promise<string> =>
  withPdf(bytes, async (path) => (await run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', path, '-'])).stdout);

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

export const pdfFonts = (bytes: Uint8Array): Promise<PdfFont[]> =>
  withPdf(bytes, async (path) => {
    const { stdout } = await run('pdffonts', [path]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const cells = line.trim().split(/\s+/);
        const [emb, sub, uni] = cells.slice(-5, -2);
        return {
          name: cells[0] ?? '',
          type: cells.slice(1, -6).join(' '),
          embedded: emb === 'yes',
          subset: sub === 'yes',
          unicode: uni === 'yes',
        };
      });
  });

/** pdfinfo's fields ("Title", "Author", "CreationDate", "Pages", …). */
export const pdfInfo = (bytes: Uint8Array): Promise<Record<string, string>> =>
  withPdf(bytes, async (path) => {
    const { stdout } = await run('pdfinfo', ['-isodates', path]);
    return Object.fromEntries(
      stdout
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1] as string, m[2] as string]),
    );
  });

export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** One page rendered in grey levels (pdftoppm's PGM output: a short header, then one byte a pixel). */
export const renderPage = (bytes: Uint8Array, page = 1, dpi = 80): Promise<GrayImage> =>
  withPdf(bytes, async (path, dir) => {
    const out = join(dir, 'page');
    await run('pdftoppm', [
      '-gray',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      path,
      out,
    ]);
    const pgm = await readFile(`${out}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a binary PGM');
    const [, width, height] = header.map(Number) as [number, number, number, number];
    return { width, height, pixels: new Uint8Array(pgm.subarray(header[0].length)) };
  });

/** Share of pixels darker than mid-grey. */
export const darkShare = (image: GrayImage, threshold = 128): number =>
  image.pixels.reduce((n, value) => n + (value < threshold ? 1 : 0), 0) / image.pixels.length;
