/**
 * `npm run docs:document`: renders the court decision of the sample case and rasterises its first
 * page with pdf.js on @napi-rs/canvas (as the tests read PDFs back) into docs/court-decision.png
 * (the picture in the README).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentPlansFor } from '#shared/documents/case-documents';
import { renderDocument } from '../shared/documents/render';
import { buildDocument } from '../shared/documents/templates/index';
import { renderPagePng } from '../test/support/pdf-text';
import { sampleCase, sampleEvents } from './documents';

const decide = sampleEvents.find((e) => e.action === 'decide');
const plan = decide && documentPlansFor(decide, structuredClone(sampleCase))[0];
if (!plan) throw new Error('the sample case issues no court decision');
const pdf = await renderDocument(buildDocument(plan.kind, plan.input({ sequence: 5, year: 2026 })));
writeFileSync(join(import.meta.dirname, '..', 'docs', 'court-decision.png'), await renderPagePng(pdf, 1, 80));
console.log(`docs/court-decision.png (${(pdf.byteLength / 1024).toFixed(1)} KB PDF)`);
