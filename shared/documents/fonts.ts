import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { prepareForSubsetting } from './truetype';

/**
 * The documents' typeface: Tinos 1.340 (Times New Roman metrics, which Decree 30/2020/NĐ-CP
 * Appendix I §I.4 asks for), from the npm package @expo-google-fonts/tinos (SIL OFL 1.1). Why this
 * font and what it costs: docs/adr/0005-document-font.md.
 */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const fontStyles: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
export type ParsedFont = ReturnType<Fontkit['create']>;

export interface LoadedFont {
  style: FontStyle;
  /** The font program, with glyph records padded so that pdf-lib's subsetting keeps every glyph. */
  bytes: Uint8Array;
  /** Parsed once; shared by the measurements of every document and by pdf-lib's embedder. */
  parsed: ParsedFont;
}

export type FontSet = Readonly<Record<FontStyle, LoadedFont>>;

const files: Record<FontStyle, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

const parsedByBytes = new WeakMap<Uint8Array, ParsedFont>();

/**
 * What pdf-lib calls to parse a font it embeds: the font parsed at load time when the bytes are
 * ours (saves re-parsing per document), fontkit otherwise.
 */
export const cachingFontkit: Fontkit = {
  create: (bytes, postscriptName) => parsedByBytes.get(bytes) ?? fontkit.create(bytes, postscriptName),
};

/**
 * Where the TTF files are: the npm package, or, in a bundled Lambda function (which has no
 * node_modules), the folder its build copied them to (DOCUMENT_FONTS_DIR).
 */
function fontFile(style: FontStyle): string {
  const dir = process.env.DOCUMENT_FONTS_DIR;
  if (dir) return join(dir, basename(files[style]));
  return createRequire(import.meta.url).resolve(files[style]);
}

async function loadStyle(style: FontStyle): Promise<LoadedFont> {
  const path = fontFile(style);
  const bytes = prepareForSubsetting(new Uint8Array(await readFile(path)));
  const parsed = fontkit.create(bytes);
  // fontkit caches each glyph with the code points of its first lookup. A subset caches the parts
  // of composite glyphs ("ỳ" = "y" + grave) with none, and a later document's text layer would
  // then lose those letters. Looking every mapped code point up first (ascending, so "-" wins
  // over the soft hyphen) gives each glyph its own code point before any subset is made.
  for (const codePoint of [...parsed.characterSet].sort((a, b) => a - b)) parsed.glyphForCodePoint(codePoint);
  const mapped = withCharacterMapLayout(parsed);
  parsedByBytes.set(bytes, mapped);
  return { style, bytes, parsed: mapped };
}

/**
 * The font with `layout` replaced by a plain character-to-glyph mapping (NFC first). pdf-lib
 * reads only the glyphs of a layout (never the positions, so kerning is dropped anyway), and
 * fontkit's OpenType shaping cost about 1 ms a line; every Vietnamese letter has its own
 * precomposed glyph in Tinos, so shaping adds nothing here. Everything else is the parsed font's.
 */
function withCharacterMapLayout(parsed: ParsedFont): ParsedFont {
  const mapped = Object.create(parsed) as ParsedFont;
  mapped.layout = (text: string) =>
    ({ glyphs: parsed.glyphsForString(text.normalize('NFC')) }) as ReturnType<ParsedFont['layout']>;
  return mapped;
}

let loading: Promise<FontSet> | undefined;

/** The four faces, read and parsed once per process. */
export function loadFonts(): Promise<FontSet> {
  loading ??= Promise.all(fontStyles.map(loadStyle))
    .then(([regular, bold, italic, boldItalic]) => ({
      regular: regular as LoadedFont,
      bold: bold as LoadedFont,
      italic: italic as LoadedFont,
      boldItalic: boldItalic as LoadedFont,
    }))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

const MAX_CACHED_WIDTHS = 20_000;
const widthCache = new WeakMap<LoadedFont, Map<string, number>>();

/**
 * Width of a text at a size in points, computed as pdf-lib's `PDFFont.widthOfTextAtSize` does
 * (fontkit layout, advance widths in units per em), so layout can measure before embedding.
 * Widths per 1000 units are remembered per face: layout measures the same words many times.
 */
export function widthOfTextAtSize(font: LoadedFont, text: string, size: number): number {
  let cache = widthCache.get(font);
  if (!cache) {
    cache = new Map();
    widthCache.set(font, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    const scale = 1000 / font.parsed.unitsPerEm;
    width = 0;
    for (const glyph of font.parsed.layout(text).glyphs) width += glyph.advanceWidth * scale;
    if (cache.size >= MAX_CACHED_WIDTHS) cache.clear();
    cache.set(text, width);
  }
  return width * (size / 1000);
}
