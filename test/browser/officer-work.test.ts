import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { type BrowserSession, startBrowserSession } from '../support/browser';
import { aCaseFile } from '../support/factories';
import { type ApiClient, users } from '../support/local-api';

const DAY = 24 * 60 * 60 * 1000;

describe('officers at work in Chromium', () => {
  let session: BrowserSession;
  let runtime: LocalRuntime;
  let api: ApiClient;
  let page: Page;
  let nextCitizen = 100;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ runtime, api, page } = session);
  });

  afterAll(async () => {
    await session?.stop();
  });

  const openCase = async (fullName: string) => {
    const citizenId = `012095${String(++nextCitizen).padStart(6, '0')}`;
    const response = await api.request('POST', '/cases', {
      as: users.police,
      body: aCaseFile({ person: { fullName, citizenId } }),
    });
    expect(response.status).toBe(201);
    const caseId = response.body.caseId as string;
    await api.waitFor(caseId, 'submitFile', users.police);
    return { caseId, citizenId };
  };

  const listedNames = async () => {
    await page.waitForSelector('[data-testid="cases"]');
    return page.locator('[data-testid="cases"] tbody tr td:first-child').allTextContents();
  };

  it('finds cases by a name typed without diacritics or by citizen ID, and filters the overdue ones', async () => {
    const late = await openCase('Quàng Văn Trễ');
    await runtime.advanceClock(10 * DAY);
    await api.waitUntil(late.caseId, users.police, (c) => Boolean(c.pendingTasks[0]?.escalatedAt));
    const fresh = await openCase('Quàng Thị Đúng');
    await openCase('Lò Văn Khác');

    await session.signInAs(users.police);
    await page.click('a[href="#/cases"]');
    const search = page.getByLabel('Tìm theo họ tên hoặc số định danh');
    await search.fill('quang');
    await expect.poll(listedNames).toEqual(['Quàng Thị Đúng', 'Quàng Văn Trễ']);
    await search.fill(fresh.citizenId);
    await expect.poll(listedNames).toEqual(['Quàng Thị Đúng']);
    // A term the API cannot answer is explained, not sent.
    await search.fill('1234');
    expect(await page.textContent('#search-hint')).toContain('12 chữ số');

    await search.fill('');
    await page.getByLabel('Chỉ hồ sơ quá hạn').check();
    await expect.poll(listedNames).toEqual(['Quàng Văn Trễ']);
    expect(await page.textContent('[data-testid="cases"] tbody tr.overdue .badge')).toBe('Quá hạn');

    // The centre's officers and the commune's supervisors search nobody: no search box.
    await session.signInAs(users.centre);
    await page.click('a[href="#/cases"]');
    await page.waitForSelector('h1:has-text("Hồ sơ")');
    expect(await page.getByLabel('Tìm theo họ tên hoặc số định danh').count()).toBe(0);
  });

  it('explains a conflict when the case moved on meanwhile, and shows its current state', async () => {
    const { caseId } = await openCase('Lường Văn Chậm');
    await session.signInAs(users.police);
    await page.goto(`${runtime.url}/#/cases/${caseId}`);
    await page.click('button[data-action="submitFile"]');
    await page.check('#submitFile-opinionsRecorded');
    // Another officer of the same commune sends the file first.
    expect((await api.act(caseId, 'submitFile', users.police, { opinionsRecorded: true })).status).toBe(200);
    await page.click('form[aria-label] button[type="submit"]');
    await page.waitForSelector('.notice[role="status"]');
    expect(await page.textContent('.notice[role="status"]')).toContain('người khác cập nhật');
    await expect.poll(() => page.textContent('[data-testid="stage"]')).toBe('Đang thẩm định');
    expect(await page.locator('button[data-action="submitFile"]').count()).toBe(0);
  });

  it('fits a tablet and a 1366×768 screen, and every control has a label', async () => {
    const { caseId } = await openCase('Cầm Thị Vừa');
    await session.signInAs(users.auditor);
    const screens = [
      { width: 768, height: 1024 },
      { width: 1366, height: 768 },
    ];
    for (const viewport of screens) {
      await page.setViewportSize(viewport);
      for (const route of ['#/', '#/cases', `#/cases/${caseId}`, '#/indicators']) {
        await page.goto(`${runtime.url}/${route}`);
        await page.waitForSelector('main h1');
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
        expect(overflow, `${route} at ${viewport.width}px`).toBeLessThanOrEqual(0);
        const unlabelled = await page.evaluate(`[...document.querySelectorAll('input, select, textarea')]
          .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label'))
          .map((el) => el.outerHTML)`);
        expect(unlabelled, route).toEqual([]);
      }
    }
    // By keyboard: the first Tab reaches the main navigation, Enter follows it.
    await page.goto(`${runtime.url}/#/`);
    await page.waitForSelector('main h1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Việc của tôi');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="cases"]');
    expect(new URL(page.url()).hash).toBe('#/cases');
  });
});
