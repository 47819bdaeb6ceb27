import { appendFileSync, cpSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * buildWeb() skips the esbuild build when the output was built from the same inputs. It runs on
 * a copy of web/ and shared/ (node_modules linked), so changing an input never touches the tree.
 */
describe('buildWeb', () => {
  const root = mkdtempSync(join(tmpdir(), 'web-build-'));
  const repo = join(import.meta.dirname, '../..');
  for (const path of ['web/src', 'web/index.html', 'web/tsconfig.json', 'web/build.ts', 'shared']) {
    cpSync(join(repo, path), join(root, path), { recursive: true });
  }
  for (const path of ['package.json', 'tsconfig.json']) cpSync(join(repo, path), join(root, path));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  const outdir = join(root, 'out');
  const appJs = join(outdir, 'app.js');
  const build = async () => {
    const { buildWeb } = (await import(join(root, 'web/build.ts'))) as typeof import('../../web/build');
    return buildWeb({ quiet: true, outdir });
  };

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds once, then leaves an up-to-date output alone and still reports its size', async () => {
    const first = await build();
    expect(first.rebuilt).toBe(true);
    const builtAt = statSync(appJs).mtimeMs;

    const second = await build();
    expect(second).toEqual({ ...first, rebuilt: false });
    expect(statSync(appJs).mtimeMs).toBe(builtAt);
  });

  it('goes by content: a touched file with the same content does not rebuild', async () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'web/src/main.tsx'), later, later);
    expect((await build()).rebuilt).toBe(false);
  });

  it('rebuilds when a file the bundle imports from shared/ changes', async () => {
    appendFileSync(join(root, 'shared/domain/labels.ts'), '\n// changed\n');
    expect((await build()).rebuilt).toBe(true);
    expect((await build()).rebuilt).toBe(false);
  });

  it('rebuilds when a file is added under web/src, or an output has gone', async () => {
    appendFileSync(join(root, 'web/src/unused.ts'), 'export const unused = 1;\n');
    expect((await build()).rebuilt).toBe(true);
    rmSync(join(outdir, 'app.css'));
    expect((await build()).rebuilt).toBe(true);
  });
});
