import { beforeAll, describe, expect, it } from 'vitest';
import { type BundleSize, bundleTable, esbuildOptionsOf, measureBundles } from '#infra/bundles';
import { caseBundling } from '#infra/constructs/case-function';

const KB = 1000;

/**
 * Budgets of minified JS per function. The pinned AWS SDK is bundled by decision (ADR 0003: the DynamoDB
 * client alone is about 330 KiB minified), so the budgets count the JS without it; a ceiling on the
 * whole bundle catches the SDK growing too. pdf-lib with its font engine is about 1.3 MiB minified
 * (fontkit alone 919 KiB) and has its own ceiling: a renderer's own code is budgeted apart from it.
 */
const budgets = {
  plain: { withoutSdk: 250 * KB, whole: 650 * KB },
  renders: { withoutSdkAndPdf: 300 * KB, pdf: 1400 * KB, whole: 2250 * KB },
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
    expect(esbuildOptionsOf(caseBundling({}))).toMatchObject({ minify: true, external: [], format: 'esm' });
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
      .filter((s) => s.js - s.awsSdk > budgets.plain.withoutSdk || s.js > budgets.plain.whole)
      .map((s) => `${s.name}: ${s.js} bytes, ${s.js - s.awsSdk} without the SDK`);
    expect(over).toEqual([]);
  });

  it('keeps a function that renders within its budget, fonts aside', () => {
    const over = sizes
      .filter((s) => s.rendersPdf)
      .filter(
        (s) =>
          s.js - s.awsSdk - s.pdf > budgets.renders.withoutSdkAndPdf ||
          s.pdf > budgets.renders.pdf ||
          s.js > budgets.renders.whole,
      )
      .map((s) => `${s.name}: ${s.js} bytes, ${s.pdf} of pdf-lib, ${s.awsSdk} of SDK`);
    expect(over).toEqual([]);
  });
});
