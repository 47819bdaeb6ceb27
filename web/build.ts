import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, buildSync, version as esbuildVersion } from 'esbuild';

/** Builds the web UI (Preact, one small first bundle) into web/dist and prints its size. */
export const webDir = dirname(fileURLToPath(import.meta.url));
export const distDir = join(webDir, 'dist');
/** The repository root: esbuild's working directory, so its metafile names inputs from here. */
const rootDir = dirname(webDir);
const STAMP = '.build-stamp.json';

const esbuildOptions = (outdir: string): BuildOptions => ({
  entryPoints: [join(webDir, 'src/main.tsx')],
  absWorkingDir: rootDir,
  bundle: true,
  format: 'esm',
  splitting: true,
  outdir,
  entryNames: 'app',
  minify: true,
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  tsconfig: join(webDir, 'tsconfig.json'),
  logLevel: 'warning',
});

/** Sizes of the lazily loaded chunks (the charts), for the report. */
const chunkSizes = (outdir: string) =>
  readdirSync(outdir)
    .filter((name) => name.endsWith('.js') && name !== 'app.js')
    .map((name) => ({ name, gzipBytes: gzipSync(readFileSync(join(outdir, name))).length }));

const sizes = (outdir: string): { bytes: number; gzipBytes: number } => {
  const file = join(outdir, 'app.js');
  return { bytes: statSync(file).size, gzipBytes: gzipSync(readFileSync(file)).length };
};

const finish = (outdir: string, quiet?: boolean): { bytes: number; gzipBytes: number } => {
  copyFileSync(join(webDir, 'index.html'), join(outdir, 'index.html'));
  copyFileSync(join(webDir, 'src/app.css'), join(outdir, 'app.css'));
  const { bytes, gzipBytes } = sizes(outdir);
  if (!quiet) {
    console.log(
      `web UI: app.js ${(bytes / 1024).toFixed(1)} KiB (${(gzipBytes / 1024).toFixed(1)} KiB gzip) on the first screen`,
    );
    for (const chunk of chunkSizes(outdir)) {
      console.log(`  loaded on demand: ${chunk.name} ${(chunk.gzipBytes / 1024).toFixed(1)} KiB gzip`);
    }
  }
  return { bytes, gzipBytes };
};

/** Every file under dir, as paths from the repository root. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(rootDir, join(entry.parentPath, entry.name)));

/**
 * What decides the output besides the files esbuild read: this script (the options), the
 * tsconfigs, package.json (its `imports` map resolves `#shared/*`), index.html, and every file
 * under web/src, so that a new file counts even before something imports it.
 */
const fixedInputs = (): string[] => [
  relative(rootDir, fileURLToPath(import.meta.url)),
  'web/index.html',
  'web/tsconfig.json',
  'tsconfig.json',
  'package.json',
  ...filesUnder(join(webDir, 'src')),
];

/** SHA-256 over the esbuild version and each input's path and content (a missing file counts too). */
const inputsHash = (inputs: readonly string[]): string => {
  const hash = createHash('sha256').update(`esbuild ${esbuildVersion}\0`);
  for (const path of [...new Set(inputs)].sort()) {
    const file = resolve(rootDir, path);
    hash.update(`${path}\0`);
    hash.update(existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'missing');
    hash.update('\0');
  }
  return hash.digest('hex');
};

interface BuildStamp {
  hash: string;
  /** The files esbuild read in that build (its metafile), shared/ and node_modules included. */
  inputs: string[];
  /** What the build wrote, from outdir. */
  outputs: string[];
}

const readStamp = (outdir: string): BuildStamp | undefined => {
  try {
    const stamp = JSON.parse(readFileSync(join(outdir, STAMP), 'utf8')) as Partial<BuildStamp>;
    const strings = (value: unknown): value is string[] =>
      Array.isArray(value) && value.every((v) => typeof v === 'string');
    if (typeof stamp.hash !== 'string' || !strings(stamp.inputs) || !strings(stamp.outputs)) return undefined;
    return { hash: stamp.hash, inputs: stamp.inputs, outputs: stamp.outputs };
  } catch {
    return undefined;
  }
};

/** The stamp is current when the same inputs hash the same and every output is still there. */
const upToDate = (outdir: string): boolean => {
  const stamp = readStamp(outdir);
  if (!stamp) return false;
  if (!stamp.outputs.every((name) => existsSync(join(outdir, name)))) return false;
  return inputsHash([...fixedInputs(), ...stamp.inputs]) === stamp.hash;
};

/**
 * Builds the UI into outdir (web/dist by default) unless it already holds a build of exactly
 * these inputs, as its .build-stamp.json records. `rebuilt` says which it was.
 */
export async function buildWeb(
  options: { quiet?: boolean; outdir?: string } = {},
): Promise<{ bytes: number; gzipBytes: number; rebuilt: boolean }> {
  const outdir = resolve(options.outdir ?? distDir);
  if (upToDate(outdir)) {
    if (!options.quiet) console.log(`web UI: up to date (${relative(process.cwd(), outdir) || '.'})`);
    return { ...sizes(outdir), rebuilt: false };
  }
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({ ...esbuildOptions(outdir), metafile: true });
  const built = finish(outdir, options.quiet);
  const inputs = Object.keys(result.metafile.inputs);
  const stamp: BuildStamp = {
    hash: inputsHash([...fixedInputs(), ...inputs]),
    inputs,
    outputs: [
      ...Object.keys(result.metafile.outputs).map((path) => relative(outdir, resolve(rootDir, path))),
      'index.html',
      'app.css',
    ],
  };
  // Written last and whole: a build cut short leaves no stamp, so the next start builds again.
  const partial = join(outdir, `${STAMP}.${process.pid}`);
  writeFileSync(partial, `${JSON.stringify(stamp, null, 2)}\n`);
  renameSync(partial, join(outdir, STAMP));
  return { ...built, rebuilt: true };
}

/** The same build, synchronously and always: CDK's local asset bundling calls it at synth time. */
export function buildWebSync(outdir: string) {
  mkdirSync(outdir, { recursive: true });
  buildSync(esbuildOptions(outdir));
  return finish(outdir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWeb();
