/**
 * `npm run docs:document`: renders the court decision of the sample case and rasterises its first
 * page with poppler's pdftoppm into docs/court-decision.png (the picture in the README).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentPlansFor } from '../shared/documents/case-documents';
import { renderDocument } from '../shared/documents/render';
import { buildDocument } from '../shared/documents/templates/index';
import { sampleCase, sampleEvents } from './documents';

const decide = sampleEvents.find((e) => e.action === 'decide');
const plan = decide && documentPlansFor(decide, structuredClone(sampleCase))[0];
if (!plan) throw new Error('the sample case issues no court decision');
const pdf = await renderDocument(buildDocument(plan.kind, plan.input({ sequence: 5, year: 2026 })));
const dir = mkdtempSync(join(tmpdir(), 'court-decision-'));
try {
  const file = join(dir, 'court-decision.pdf');
  writeFileSync(file, pdf);
  const out = join(import.meta.dirname, '..', 'docs', 'court-decision');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, out]);
  console.log(`docs/court-decision.png (${(pdf.byteLength / 1024).toFixed(1)} KB PDF)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
