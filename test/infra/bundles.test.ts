import { beforeAll, describe, expect, it } from 'vitest';
import { type BundleSize, bundleTable, esbuildOptionsOf, measureBundles } from '#infra/bundles';
import { caseBundling } from '#infra/constructs/case-function';

const KB = 1000;

/**
 * Budgets of minified JS per function (ADR 0010). The issue asks ≤ 250 kB for a function that renders
 * no PDF and ≤ 1 MB besides the fonts for one that renders. Three parts are budgeted apart, each
 * with the measurement that decided it:
 * - the pinned AWS SDK, bundled (ADR 0003): 340-520 kB, more than 250 kB by itself; loading the
 *   runtime's copy instead cost more at a cold start than these bytes do;
 * - the Powertools Tracer with the X-Ray SDK: about 123 kB in every function;
 * - pdf-lib with @pdf-lib/fontkit: about 1,150 kB (fontkit alone 720 kB), more than 1 MB by itself.
 * What is left, the function's own code and its other libraries, keeps the figures.
 */
const budgets = {
  plain: { own: 250 * KB, sdk: 380 * KB, tracer: 130 * KB },
  renders: { own: 300 * KB, pdf: 1200 * KB, sdk: 530 * KB, tracer: 130 * KB },
};
const own = (s: BundleSize) => s.js - s.awsSdk - s.tracer - s.pdf;

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
      external: [],
      format: 'esm',
    });
  });

  it('bundles the pinned AWS SDK in every function that calls AWS', () => {
    const without = sizes.filter((s) => s.awsSdk === 0).map((s) => s.name);
    // health describes the table and the state machines (DescribeTable, DescribeStateMachine).
    expect(without.sort()).toEqual(['get-openapi']);
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
      .filter(
        (s) => own(s) > budgets.plain.own || s.awsSdk > budgets.plain.sdk || s.tracer > budgets.plain.tracer,
      )
      .map((s) => `${s.name}: ${own(s)} bytes of its own, ${s.awsSdk} of SDK, ${s.tracer} of tracer`);
    expect(over).toEqual([]);
  });

  it('keeps a function that renders within its budget, fonts aside', () => {
    const over = sizes
      .filter((s) => s.rendersPdf)
      .filter(
        (s) =>
          own(s) > budgets.renders.own ||
          s.pdf > budgets.renders.pdf ||
          s.awsSdk > budgets.renders.sdk ||
          s.tracer > budgets.renders.tracer,
      )
      .map((s) => `${s.name}: ${own(s)} bytes of its own, ${s.pdf} of pdf-lib, ${s.awsSdk} of SDK`);
    expect(over).toEqual([]);
  });
});
