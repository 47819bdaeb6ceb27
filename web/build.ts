import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, buildSync } from 'esbuild';

/** Builds the web UI (Preact, one small first bundle) into web/dist and prints its size. */
export const webDir = dirname(fileURLToPath(import.meta.url));
export const distDir = join(webDir, 'dist');

const esbuildOptions = (outdir: string): BuildOptions => ({
  entryPoints: [join(webDir, 'src/main.tsx')],
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

const finish = (outdir: string, quiet?: boolean): { bytes: number; gzipBytes: number } => {
  copyFileSync(join(webDir, 'index.html'), join(outdir, 'index.html'));
  copyFileSync(join(webDir, 'src/app.css'), join(outdir, 'app.css'));
  const file = join(outdir, 'app.js');
  const bytes = statSync(file).size;
  const gzipBytes = gzipSync(readFileSync(file)).length;
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

export async function buildWeb(options: { quiet?: boolean; outdir?: string } = {}) {
  const outdir = options.outdir ?? distDir;
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build(esbuildOptions(outdir));
  return finish(outdir, options.quiet);
}

/** The same build, synchronously: CDK's local asset bundling calls it at synth time. */
export function buildWebSync(outdir: string) {
  mkdirSync(outdir, { recursive: true });
  buildSync(esbuildOptions(outdir));
  return finish(outdir);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWeb();
