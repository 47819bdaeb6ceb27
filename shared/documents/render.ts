import { createHash } from 'node:crypto';
import {
  beginText,
  endText,
  PDFDocument,
  type PDFFont,
  PDFHexString,
  type PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  rgb,
  setFontAndSize,
  setTextMatrix,
} from 'pdf-lib';
import { startOfVietnamDay } from '#shared/domain/dates';
import { cachingFontkit, type FontStyle, fontStyles, loadFonts, widthOfTextAtSize } from './fonts';
import { type DrawItem, layoutDocument, pageSize } from './layout';
import type { DocumentModel } from './model';

const CREATOR = 'cai-nghien-bat-buoc';
const PRODUCER = 'pdf-lib 1.17.1';

/** A six-letter subset tag (ISO 32000 §9.6.4) drawn from the content, so equal documents get equal tags. */
function subsetTag(digest: Buffer, style: FontStyle): string {
  const salt = fontStyles.indexOf(style) * 6;
  return Array.from({ length: 6 }, (_, i) => String.fromCharCode(65 + ((digest[salt + i] ?? 0) % 26))).join(
    '',
  );
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

function documentTitle(model: DocumentModel): string {
  const number = model.number?.replace(/^Số:\s*/, 'số ');
  const head = [model.title ?? 'Văn bản', number].filter(Boolean).join(' ');
  const about = model.summary ?? model.subjectLine?.replace(/^V\/v\s*/, '');
  return about ? `${head}: ${about}` : head;
}

type EmbeddedFace = { font: PDFFont; key: PDFName };

/**
 * One text object per line: the font changes inside it and a justified line's extra spacing is a
 * TJ adjustment, so the real space characters stay in the text layer and the stream stays small.
 */
function drawLine(
  doc: PDFDocument,
  page: PDFPage,
  item: Extract<DrawItem, { kind: 'text' }>,
  faces: Map<FontStyle, EmbeddedFace>,
) {
  const ops: PDFOperator[] = [beginText(), setTextMatrix(1, 0, 0, 1, item.x, item.y)];
  let parts: (PDFHexString | PDFNumber)[] = [];
  let current: FontStyle | undefined;
  const flush = () => {
    if (parts.length > 0)
      ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [doc.context.obj(parts)]));
    parts = [];
  };
  for (const run of item.runs) {
    const face = faces.get(run.style) as EmbeddedFace;
    if (run.style !== current) {
      flush();
      ops.push(setFontAndSize(face.key, item.size));
      current = run.style;
    }
    if (run.shift) parts.push(PDFNumber.of(-Math.round((run.shift * 1000 * 100) / item.size) / 100));
    parts.push(face.font.encodeText(run.text));
  }
  flush();
  ops.push(endText());
  page.pushOperators(...ops);
}

/**
 * Renders a document to PDF bytes. Deterministic: the creation and modification dates are the
 * document's date of issue and the file identifier is a hash of the model, so the same model
 * always gives the same bytes (nothing reads the clock or a random source).
 */
export async function renderDocument(model: DocumentModel): Promise<Uint8Array> {
  const fonts = await loadFonts();
  const layout = layoutDocument(model, (text, style, size) => widthOfTextAtSize(fonts[style], text, size));
  const digest = createHash('sha256').update(JSON.stringify(model)).digest();

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const used = new Set(
    layout.pages.flat().flatMap((item) => (item.kind === 'text' ? item.runs.map((run) => run.style) : [])),
  );
  const embedded = new Map<FontStyle, PDFFont>();
  for (const style of fontStyles.filter((s) => used.has(s))) {
    const font = fonts[style];
    const customName = `${subsetTag(digest, style)}+${font.parsed.postscriptName ?? `Tinos-${style}`}`;
    embedded.set(style, await doc.embedFont(font.bytes, { subset: true, customName }));
  }

  for (const items of layout.pages) {
    const page = doc.addPage([pageSize.width, pageSize.height]);
    const faces = new Map<FontStyle, EmbeddedFace>(
      [...embedded].map(([style, font]) => [
        style,
        { font, key: page.node.newFontDictionary(font.name, font.ref) },
      ]),
    );
    for (const item of items) {
      if (item.kind === 'text') {
        drawLine(doc, page, item, faces);
      } else {
        page.drawLine({
          start: { x: item.x1, y: item.y },
          end: { x: item.x2, y: item.y },
          thickness: 0.6,
          color: rgb(0, 0, 0),
        });
      }
    }
  }

  const issued = startOfVietnamDay(model.date);
  doc.setTitle(documentTitle(model), { showInWindowTitleBar: true });
  doc.setAuthor(oneLine(model.issuer.name));
  doc.setSubject(model.summary ?? model.title ?? model.kind);
  doc.setKeywords([model.kind]);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  doc.setLanguage('vi-VN');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const id = PDFHexString.of(digest.subarray(0, 16).toString('hex'));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save();
}
