import { beforeAll, describe, expect, it } from 'vitest';
import { type BundleSize, bundleTable, esbuildOptionsOf, measureBundles } from '#infra/bundles';
import { caseBundling } from '#infra/constructs/case-function';

const KB = 1000;

/**
 * Budgets of minified JS per function (ADR 0009). The figures: a function that renders no
 * PDF ≤ 250 KB, one that renders ≤ 1 MB besides its font files. The AWS SDK is the runtime's, not
 * bundled. Two parts are budgeted apart, each with the measurement that decided it:
 * - the Powertools Tracer with the X-Ray SDK (about 125 kB in every function), which does not fit
 *   inside 250 kB beside zod and the domain; a function's own JS keeps the 250 kB;
 * - pdf-lib with @pdf-lib/fontkit (about 1,150 kB, fontkit alone 720 kB), which alone exceeds 1 MB:
 *   the figure needs the font engine replaced, and until then it has a ceiling of its own.
 */
const budgets = {
  plain: { withoutTracer: 250 * KB, tracer: 130 * KB },
  renders: { withoutTracerAndPdf: 300 * KB, pdf: 1200 * KB, whole: 1600 * KB },
};

describe('function bundles', () => {
  let sizes: BundleSize[];

  beforeAll(async () => {
    sizes = await measureBundles();
    console.log(`Bundles as CaseFunction builds them:\n${bundleTable(sizes)}`);
  });

  it('measures with every bundling option the construct sets', () => {
    for (const rendersDocuments of [false, true]) {
      expect(() => esbuildOptionsOf(caseBundling({ rendersDocuments }))).not.toThrow();
    }
    expect(esbuildOptionsOf(caseBundling({}))).toMatchObject({
      minify: true,
      charset: 'utf8',
      external: ['@aws-sdk/*'],
      format: 'esm',
    });
  });

  it('bundles no AWS SDK: every function uses the one the Node.js 22 runtime carries', () => {
    expect(sizes.filter((s) => s.awsSdk > 0).map((s) => s.name)).toEqual([]);
  });

  it('carries the tracer in every function (the CDK turns X-Ray on for each)', () => {
    expect(sizes.filter((s) => s.tracer === 0).map((s) => s.name)).toEqual([]);
  });

  it('carries pdf-lib only in the functions that render documents', () => {
    const carrying = sizes.filter((s) => s.pdf > 0).map((s) => s.name);
    expect(carrying.sort()).toEqual(
      sizes
        .filter((s) => s.rendersPdf)
        .map((s) => s.name)
        .sort(),
    );
    expect(carrying.sort()).toEqual([
      'correct-document',
      'create-case',
      'export-case-history',
      'get-document',
      'get-unit-indicators',
      'perform-action',
      'system-step',
    ]);
  });

  it('keeps a function that renders no PDF within its budget', () => {
    const over = sizes
      .filter((s) => !s.rendersPdf)
      .filter((s) => s.js - s.tracer > budgets.plain.withoutTracer || s.tracer > budgets.plain.tracer)
      .map((s) => `${s.name}: ${s.js} bytes, ${s.tracer} of them the tracer`);
    expect(over).toEqual([]);
  });

  it('keeps a function that renders within its budget, fonts aside', () => {
    const over = sizes
      .filter((s) => s.rendersPdf)
      .filter(
        (s) =>
          s.js - s.tracer - s.pdf > budgets.renders.withoutTracerAndPdf ||
          s.pdf > budgets.renders.pdf ||
          s.js > budgets.renders.whole,
      )
      .map((s) => `${s.name}: ${s.js} bytes, ${s.pdf} of pdf-lib, ${s.tracer} of the tracer`);
    expect(over).toEqual([]);
  });
});
