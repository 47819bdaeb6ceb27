import { type Browser, chromium, type Page } from 'playwright-core';
import type { LocalRuntime } from '../../infra/local/runtime';
import { buildWeb } from '../../web/build';
import { chromiumPath } from '../prerequisites';
import { type ApiClient, startTestRuntime } from './local-api';

/** The local runtime with the UI built and served, and Debian's Chromium driving one page. */
export interface BrowserSession {
  runtime: LocalRuntime;
  api: ApiClient;
  browser: Browser;
  page: Page;
  /** Signs in on the local sign-in page as a demo user, from a fresh session. */
  signInAs(userId: string): Promise<void>;
  /** Opens the case page, fills the task's form, submits it and waits for the confirmation. */
  perform(caseId: string, action: string, fill: (page: Page) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export async function startBrowserSession(viewport = { width: 1366, height: 768 }): Promise<BrowserSession> {
  await buildWeb({ quiet: true });
  const { runtime, api } = await startTestRuntime();
  // Whatever this starts, it stops: a browser that fails to start must not leave the runtime
  // (and its DynamoDB Local JVM) running after the test file has failed.
  const browser = await chromium.launch({ executablePath: chromiumPath() }).catch(async (error) => {
    await runtime.stop();
    throw error;
  });
  const page = await browser.newPage({ viewport, acceptDownloads: true }).catch(async (error) => {
    await browser.close();
    await runtime.stop();
    throw error;
  });
  return {
    runtime,
    api,
    browser,
    page,
    async signInAs(userId) {
      await page.goto(`${runtime.url}/`);
      await page.evaluate('sessionStorage.clear()');
      await page.reload();
      await page.click(`[data-user="${userId}"]`);
      await page.waitForSelector('[data-testid="me-name"]');
    },
    async perform(caseId, action, fill) {
      await page.goto(`${runtime.url}/#/cases/${caseId}`);
      await page.reload();
      await page.click(`button[data-action="${action}"]`, { timeout: 30_000 });
      await fill(page);
      await page.click('form[aria-label] button[type="submit"]');
      await page.waitForSelector('.notice[role="status"]:has-text("Đã ghi nhận")');
    },
    async stop() {
      try {
        await browser.close();
      } finally {
        await runtime.stop();
      }
    },
  };
}
