import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildWeb } from '../web/build';

const SAMPLES = 15;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface FirstScreen {
  samples: number;
  /** From navigation to the inbox table on screen, signed in, against the local runtime. */
  p50Ms: number;
  p95Ms: number;
  /** The inbox request alone (GET /me/tasks), for comparison. */
  inboxApiP50Ms: number;
  inboxItems: number;
  /** What the first screen transfers (HTML, CSS, app.js, config and API answers). */
  transferredKiB: number;
  appJsGzipKiB: number;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/**
 * The web UI's first screen in Debian's Chromium: a reviewer's inbox, cold page each time (new
 * browser context, nothing cached). Undefined when Chromium is not installed.
 */
export async function benchFirstScreen(baseUrl: string, userId: string): Promise<FirstScreen | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const { gzipBytes } = await buildWeb({ quiet: true });
  const signIn = await fetch(`${baseUrl}/local/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const api: number[] = [];
  let inboxItems = 0;
  for (let i = 0; i < SAMPLES; i += 1) {
    const start = performance.now();
    const response = await fetch(`${baseUrl}/me/tasks`, { headers: { authorization: `Bearer ${token}` } });
    inboxItems = ((await response.json()) as { items: unknown[] }).items.length;
    api.push(performance.now() - start);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const times: number[] = [];
  let transferred = 0;
  try {
    for (let i = 0; i < SAMPLES + 2; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await context.addInitScript(`sessionStorage.setItem('token', ${JSON.stringify(token)})`);
      const page = await context.newPage();
      let bytes = 0;
      page.on('response', (response) => {
        response.body().then(
          (body) => {
            bytes += body.length;
          },
          () => {},
        );
      });
      const start = performance.now();
      await page.goto(`${baseUrl}/#/`);
      await page.waitForSelector('main table.list');
      const elapsed = performance.now() - start;
      await page.waitForLoadState('networkidle');
      // The first two warm the server and the browser process; they are not counted.
      if (i >= 2) {
        times.push(elapsed);
        transferred = bytes;
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    samples: times.length,
    p50Ms: Number(percentile(times, 50).toFixed(1)),
    p95Ms: Number(percentile(times, 95).toFixed(1)),
    inboxApiP50Ms: Number(percentile(api, 50).toFixed(1)),
    inboxItems,
    transferredKiB: Number((transferred / 1024).toFixed(1)),
    appJsGzipKiB: Number((gzipBytes / 1024).toFixed(1)),
  };
}
