import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Builds the web UI into web/dist and prints the first bundle's size. */
export const webDir = dirname(fileURLToPath(import.meta.url));
export const distDir = join(webDir, 'dist');

export async function buildWeb(
  options: { quiet?: boolean } = {},
): Promise<{ bytes: number; gzipBytes: number }> {
  mkdirSync(distDir, { recursive: true });
  await build({
    entryPoints: [join(webDir, 'src/main.tsx')],
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir: distDir,
    entryNames: 'app',
    minify: true,
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(webDir, 'tsconfig.json'),
    logLevel: 'warning',
  });
  copyFileSync(join(webDir, 'index.html'), join(distDir, 'index.html'));
  copyFileSync(join(webDir, 'src/app.css'), join(distDir, 'app.css'));
  const file = join(distDir, 'app.js');
  const bytes = statSync(file).size;
  const gzipBytes = gzipSync(readFileSync(file)).length;
  if (!options.quiet) {
    console.log(
      `web UI: app.js ${(bytes / 1024).toFixed(1)} KiB (${(gzipBytes / 1024).toFixed(1)} KiB gzip)`,
    );
  }
  return { bytes, gzipBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWeb();
