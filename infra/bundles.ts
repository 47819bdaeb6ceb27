import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, build } from 'esbuild';
import { buildFunctionSpecs } from './constructs/api-routes';
import { caseBundling, entryOf, projectRoot } from './constructs/case-function';

/** One function's bundle as CaseFunction deploys it. */
export interface BundleSize {
  name: string;
  /** The spec gives it document access that renders (CaseFunction ships the fonts with it). */
  rendersPdf: boolean;
  /** Minified JS of the bundle (index.mjs), in bytes. */
  js: number;
  /** Of which the pinned AWS SDK (@aws-sdk/*, @smithy/*), bundled by decision (ADR 0003, ADR 0010). */
  awsSdk: number;
  /** Of which the Powertools Tracer and the X-Ray SDK it brings (shared/clients/tracer.ts). */
  tracer: number;
  /** Of which pdf-lib, its font engine and their data. */
  pdf: number;
  /** The font files shipped beside the bundle (not JS). */
  fonts: number;
}

/** The bundling options CaseFunction sets, each of which the translation below handles. */
const translated = new Set([
  'format',
  'mainFields',
  'target',
  'banner',
  'minify',
  'esbuildArgs',
  'sourceMap',
  'sourcesContent',
  'bundleAwsSDK',
  'forceDockerBundling',
  'commandHooks',
]);

/** `--charset`, the one esbuild argument CaseFunction passes; any other stops the measurement. */
function charsetOf(bundling: BundlingOptions): Pick<BuildOptions, 'charset'> {
  const { '--charset': charset, ...others } = bundling.esbuildArgs ?? {};
  if (Object.keys(others).length > 0) {
    throw new Error(`infra/bundles.ts does not translate ${Object.keys(others).join(', ')} yet`);
  }
  if (charset === undefined) return {};
  if (charset !== 'utf8' && charset !== 'ascii') throw new Error(`unknown --charset ${String(charset)}`);
  return { charset };
}

/** The esbuild options NodejsFunction runs for these bundling options (aws-lambda-nodejs/bundling). */
export function esbuildOptionsOf(bundling: BundlingOptions): BuildOptions {
  const unknown = Object.keys(bundling).filter((key) => !translated.has(key));
  if (unknown.length > 0) throw new Error(`infra/bundles.ts does not translate ${unknown.join(', ')} yet`);
  return {
    bundle: true,
    platform: 'node',
    format: bundling.format,
    target: bundling.target,
    mainFields: bundling.mainFields,
    ...(bundling.banner && { banner: { js: bundling.banner } }),
    minify: bundling.minify,
    ...charsetOf(bundling),
    sourcemap: bundling.sourceMap ? 'external' : false,
    sourcesContent: bundling.sourcesContent,
    external: bundling.bundleAwsSDK ? [] : ['@aws-sdk/*'],
  };
}

const awsSdk = /node_modules\/(@aws-sdk|@smithy(?!\/service-error-classification))\//;
const pdfLib = /node_modules\/(pdf-lib|@pdf-lib|pako)\//;
const xray =
  /node_modules\/(@aws-lambda-powertools\/tracer|aws-xray-sdk-core|@smithy\/service-error-classification|cls-hooked|semver|shimmer|emitter-listener|atomic-batcher|async-hook-jl|stack-chain)\//;

/** Bundles every function of the app as CaseFunction does and measures it (takes a few seconds). */
export async function measureBundles(): Promise<BundleSize[]> {
  const fonts = fontFilesBytes();
  return Promise.all(
    buildFunctionSpecs().map(async (spec) => {
      const rendersPdf = spec.documents !== undefined && spec.documents !== 'none';
      const result = await build({
        ...esbuildOptionsOf(caseBundling({ rendersDocuments: rendersPdf })),
        entryPoints: [entryOf(spec.name)],
        outfile: path.join(projectRoot, 'cdk.out', 'measure', spec.name, 'index.mjs'),
        absWorkingDir: projectRoot,
        write: false,
        metafile: true,
        logLevel: 'error',
      });
      const [, output] =
        Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.mjs')) ?? [];
      if (!output) throw new Error(`no bundle for ${spec.name}`);
      const share = (pattern: RegExp) =>
        Object.entries(output.inputs)
          .filter(([input]) => pattern.test(input))
          .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
      return {
        name: spec.name,
        rendersPdf,
        js: output.bytes,
        awsSdk: share(awsSdk),
        tracer: share(xray),
        pdf: share(pdfLib),
        fonts: rendersPdf ? fonts : 0,
      };
    }),
  );
}

/** The four Tinos faces CaseFunction copies next to a bundle that renders. */
function fontFilesBytes(): number {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /Tinos_.*\.ttf$/.test(path.basename(file)))
    .reduce((sum, file) => sum + statSync(path.join(root, file)).size, 0);
}

/** In kB (1,000 bytes), the unit of the budgets. */
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB`;

/** A table of the sizes, one function a line. */
export function bundleTable(sizes: readonly BundleSize[]): string {
  const rows = [...sizes]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => [
      s.name,
      s.rendersPdf ? 'yes' : 'no',
      kb(s.js),
      kb(s.awsSdk),
      kb(s.tracer),
      kb(s.pdf),
      kb(s.js - s.awsSdk - s.tracer - s.pdf),
      s.fonts ? kb(s.fonts) : '',
    ]);
  const header = [
    'function',
    'renders PDF',
    'minified JS',
    'AWS SDK',
    'tracer',
    'pdf-lib',
    'own JS',
    'fonts',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
