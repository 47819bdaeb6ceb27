/**
 * Prepares a TrueType font for pdf-lib's subsetting (done once per process, see `fonts.ts`):
 *
 * 1. Every glyph record in `glyf` is padded to a multiple of four bytes and `loca` is rewritten in
 *    the long format. Why: @pdf-lib/fontkit 1.1.1 writes a subset's `loca` in the short format
 *    (offsets / 2) without padding the records it copies, so one odd-length record shifts every
 *    later glyph and those render blank while the text layer still reads correctly. Upstream
 *    fontkit fixed it in 1.8 (foliojs/fontkit#191); the pdf-lib fork never took the fix. Google
 *    Fonts builds (Tinos 1.340 has about a thousand odd-length records) hit it; fonts whose
 *    records are already even (DejaVu, Debian's Tinos) do not.
 * 2. Hinting is removed (glyph instructions and the `fpgm`, `prep`, `cvt ` tables, which the
 *    subsetter copies whole into every embedded face): it only steers rasterising at small pixel
 *    sizes, and leaving it out makes each embedded face about a third smaller.
 *
 * See docs/adr/0005-document-font.md; why this stays although fontkit 2 has the `loca` fix (pdf-lib
 * 1.17 cannot take it without an adapter, and the hinting removal, the larger saving, is needed
 * either way): docs/adr/0008-hand-written-code-kept-or-replaced.md.
 */

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

const HEAD_CHECKSUM_ADJUSTMENT = 8;
const HEAD_INDEX_TO_LOC_FORMAT = 50;
const MAXP_NUM_GLYPHS = 4;
const SFNT_CHECKSUM_MAGIC = 0xb1b0afba;

const pad4 = (n: number): number => (n + 3) & ~3;

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(pad4(bytes.length));
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function readTables(font: Uint8Array): TableRecord[] {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 12 + i * 16;
    return {
      tag: String.fromCharCode(...font.subarray(at, at + 4)),
      offset: view.getUint32(at + 8),
      length: view.getUint32(at + 12),
    };
  });
}

/** True when some glyph record has an odd length: the case @pdf-lib/fontkit subsets wrongly. */
export function hasOddGlyphRecords(font: Uint8Array): boolean {
  return glyphOffsets(font).some((offset, i, all) => i > 0 && (offset - (all[i - 1] ?? 0)) % 2 !== 0);
}

function glyphOffsets(font: Uint8Array): number[] {
  const tables = readTables(font);
  const find = (tag: string): TableRecord => {
    const table = tables.find((t) => t.tag === tag);
    if (!table) throw new Error(`not a TrueType font with glyph outlines: no '${tag}' table`);
    return table;
  };
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const head = find('head');
  const loca = find('loca');
  find('glyf');
  const longFormat = view.getInt16(head.offset + HEAD_INDEX_TO_LOC_FORMAT) === 1;
  const glyphCount = view.getUint16(find('maxp').offset + MAXP_NUM_GLYPHS);
  return Array.from({ length: glyphCount + 1 }, (_, i) =>
    longFormat ? view.getUint32(loca.offset + i * 4) : view.getUint16(loca.offset + i * 2) * 2,
  );
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;
const HINTING_TABLES = new Set(['fpgm', 'prep', 'cvt ']);

/** A glyph record without its TrueType instructions (simple and composite glyphs alike). */
export function withoutInstructions(glyph: Uint8Array): Uint8Array {
  if (glyph.length === 0) return glyph;
  const copy = glyph.slice();
  const view = new DataView(copy.buffer);
  const contours = view.getInt16(0);
  if (contours >= 0) {
    const at = 10 + contours * 2;
    const length = view.getUint16(at);
    view.setUint16(at, 0);
    const out = new Uint8Array(copy.length - length);
    out.set(copy.subarray(0, at + 2));
    out.set(copy.subarray(at + 2 + length), at + 2);
    return out;
  }
  let at = 10;
  let flags: number;
  do {
    flags = view.getUint16(at);
    view.setUint16(at, flags & ~WE_HAVE_INSTRUCTIONS);
    const transform =
      flags & WE_HAVE_A_SCALE
        ? 2
        : flags & WE_HAVE_AN_X_AND_Y_SCALE
          ? 4
          : flags & WE_HAVE_A_TWO_BY_TWO
            ? 8
            : 0;
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2) + transform;
  } while (flags & MORE_COMPONENTS);
  return copy.subarray(0, at);
}

/** The font with glyph records padded to four bytes and, unless told otherwise, without hinting. */
export function prepareForSubsetting(font: Uint8Array, options: { keepHinting?: boolean } = {}): Uint8Array {
  const tables = readTables(font).filter((t) => options.keepHinting || !HINTING_TABLES.has(t.tag));
  const offsets = glyphOffsets(font);
  const glyf = tables.find((t) => t.tag === 'glyf') as TableRecord;

  const glyphCount = offsets.length - 1;
  const newLoca = new Uint8Array(offsets.length * 4);
  const locaView = new DataView(newLoca.buffer);
  const records = Array.from({ length: glyphCount }, (_, i) => {
    const record = font.subarray(glyf.offset + (offsets[i] ?? 0), glyf.offset + (offsets[i + 1] ?? 0));
    return options.keepHinting ? record : withoutInstructions(record);
  });
  const newGlyf = new Uint8Array(records.reduce((sum, r) => sum + pad4(r.length), 0));
  let at = 0;
  records.forEach((record, i) => {
    locaView.setUint32(i * 4, at);
    newGlyf.set(record, at);
    at += pad4(record.length);
  });
  locaView.setUint32(glyphCount * 4, at);

  const contents = new Map(tables.map((t) => [t.tag, font.slice(t.offset, t.offset + t.length)]));
  contents.set('glyf', newGlyf);
  contents.set('loca', newLoca);
  const head = contents.get('head') as Uint8Array;
  const headView = new DataView(head.buffer);
  headView.setInt16(HEAD_INDEX_TO_LOC_FORMAT, 1);
  headView.setUint32(HEAD_CHECKSUM_ADJUSTMENT, 0);

  const directorySize = 12 + tables.length * 16;
  const total = tables.reduce(
    (sum, t) => sum + pad4((contents.get(t.tag) as Uint8Array).length),
    directorySize,
  );
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  out.set(font.subarray(0, 4));
  const log2 = Math.floor(Math.log2(tables.length));
  outView.setUint16(4, tables.length);
  outView.setUint16(6, 2 ** log2 * 16);
  outView.setUint16(8, log2);
  outView.setUint16(10, tables.length * 16 - 2 ** log2 * 16);
  let cursor = directorySize;
  let headOffset = 0;
  tables.forEach((table, i) => {
    const bytes = contents.get(table.tag) as Uint8Array;
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[record + c] = table.tag.charCodeAt(c);
    outView.setUint32(record + 4, checksum(bytes));
    outView.setUint32(record + 8, cursor);
    outView.setUint32(record + 12, bytes.length);
    out.set(bytes, cursor);
    if (table.tag === 'head') headOffset = cursor;
    cursor += pad4(bytes.length);
  });
  outView.setUint32(headOffset + HEAD_CHECKSUM_ADJUSTMENT, (SFNT_CHECKSUM_MAGIC - checksum(out)) >>> 0);
  return out;
}
