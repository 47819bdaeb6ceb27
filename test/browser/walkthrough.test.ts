import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { buildWeb } from '../../web/build';
import { aCaseFile } from '../support/factories';
import { type ApiClient, startTestRuntime, users } from '../support/local-api';

const DAY = 24 * 60 * 60 * 1000;
const screenshots = join(import.meta.dirname, '../../docs/screenshots');

describe('the web UI in Chromium', () => {
  let runtime: LocalRuntime;
  let api: ApiClient;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await buildWeb({ quiet: true });
    ({ runtime, api } = await startTestRuntime());
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  const signInAs = async (userId: string) => {
    await page.goto(`${runtime.url}/`);
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    await page.click(`[data-user="${userId}"]`);
    await page.waitForSelector('[data-testid="me-name"]');
  };

  const today = () => api.today();

  /** Opens the task's form on the case page, fills it and submits; waits for the confirmation. */
  const perform = async (caseId: string, action: string, fill: (page: Page) => Promise<void>) => {
    await page.goto(`${runtime.url}/#/cases/${caseId}`);
    await page.reload();
    await page.click(`button[data-action="${action}"]`, { timeout: 30_000 });
    await fill(page);
    await page.click(`form[aria-label] button[type="submit"]`);
    await page.waitForSelector('.notice[role="status"]:has-text("Đã ghi nhận")');
  };

  it('walks one case from filing to the end of supervision as five users, then audits it', async () => {
    const file = aCaseFile({ person: { citizenId: '012090000777' } });
    const created = await api.request('POST', '/cases', { as: users.police, body: file });
    expect(created.status).toBe(201);
    const caseId = created.body.caseId as string;
    await api.waitFor(caseId, 'submitFile', users.police);

    // Police: the header says who I am; the case page shows the person and the timeline.
    await signInAs(users.police);
    expect(await page.textContent('header')).toContain('Cán bộ Công an cấp xã');
    await page.goto(`${runtime.url}/#/cases/${caseId}`);
    await page.waitForSelector('ol.timeline li.current');
    expect(await page.textContent('h1')).toBe(file.person.fullName);
    await page.screenshot({ path: join(screenshots, 'case.png'), fullPage: true });
    // A required field left empty is caught in the page, next to the field.
    await page.click('button[data-action="submitFile"]');
    await page.click('form[aria-label] button[type="submit"]');
    await page.waitForSelector('.field.invalid .error');
    await page.check('#submitFile-opinionsRecorded');
    await page.click('form[aria-label] button[type="submit"]');
    await page.waitForSelector('.notice[role="status"]');
    await api.waitFor(caseId, 'review', users.reviewer);

    // Reviewer: the inbox lists the case, then the review form forwards it.
    await signInAs(users.reviewer);
    await page.screenshot({ path: join(screenshots, 'inbox.png'), fullPage: true });
    await perform(caseId, 'review', async (p) => {
      await p.selectOption('#review-decision', 'forward');
    });
    await api.waitFor(caseId, 'acceptFile', users.court);

    // Court clerk: accepts the file, records the decision.
    await signInAs(users.court);
    const acceptedOn = await today();
    await perform(caseId, 'acceptFile', async (p) => {
      await p.selectOption('#acceptFile-decision', 'accept');
      await p.fill('#acceptFile-acceptedOn', acceptedOn);
      await p.fill('#acceptFile-judgeName', 'Nguyễn Thị Hạnh');
    });
    await api.waitFor(caseId, 'openSession', users.court);
    await perform(caseId, 'openSession', async (p) => {
      await p.fill('#openSession-decidedOn', acceptedOn);
      await p.fill('#openSession-sessionDate', acceptedOn);
      await p.fill('#openSession-sessionPlace', 'Trụ sở Tòa án nhân dân thành phố Lai Châu');
    });
    await api.waitUntil(
      caseId,
      users.court,
      (c) => Boolean(c.session) && c.pendingTasks.some((t: { action: string }) => t.action === 'decide'),
    );
    await perform(caseId, 'decide', async (p) => {
      await p.selectOption('#decide-outcome', 'apply');
      await p.fill('#decide-decidedOn', acceptedOn);
      await p.fill('#decide-months', '12');
      await p.fill('#decide-secretary', 'Vàng Thị Dung');
      await p.fill('#decide-procurator', 'Đỗ Văn Khải');
      await p.fill('#decide-fileAssessment', 'Hồ sơ được lập đầy đủ, đúng trình tự, thủ tục.');
      await p.fill('#decide-groundsAssessment', 'Đã được nhắc nhở nhưng không đăng ký cai nghiện tự nguyện.');
    });
    // The clerk sees the decision document the step produced.
    await page.reload();
    await page.waitForSelector('li:has-text("Quyết định của Tòa án")');
    await api.waitFor(caseId, 'closeAppealWindow', users.court);
    expect(
      (await api.act(caseId, 'closeAppealWindow', users.court, { effectiveOn: await today() })).status,
    ).toBe(200);
    await api.waitFor(caseId, 'admit', users.centre);

    // Centre: admits; the clock moves on to the release.
    await signInAs(users.centre);
    const admittedOn = await today();
    await perform(caseId, 'admit', async (p) => {
      await p.fill('#admit-admittedOn', admittedOn);
      await p.fill('#admit-time', '09:00');
      await p.fill('#admit-handedOverBy-name', 'Phạm Văn Đức');
      await p.fill('#admit-handedOverBy-position', 'Đội trưởng');
      await p.fill('#admit-receivedBy-name', 'Lê Thị Hằng');
      await p.fill('#admit-receivedBy-position', 'Phó Giám đốc');
      await p.fill('#admit-health', 'bình thường, không có thương tích.');
    });
    await api.waitUntil(caseId, users.centre, (c) => c.stage === 'IN_TREATMENT');
    await runtime.advanceClock(370 * DAY);
    await api.waitFor(caseId, 'release', users.centre);
    const releasedOn = await today();
    await perform(caseId, 'release', async (p) => {
      await p.fill('#release-releasedOn', releasedOn);
    });

    // Supervisor: sees the case under supervision; the supervision period runs out.
    await api.waitFor(caseId, 'recordRelapse', users.supervisor);
    await signInAs(users.supervisor);
    await page.goto(`${runtime.url}/#/cases/${caseId}`);
    expect(await page.textContent('[data-testid="stage"]')).toBe('Quản lý sau cai');
    await runtime.advanceClock(2 * 366 * DAY);
    await api.waitFor(caseId, 'CLOSED', users.supervisor);

    // Auditor: the history with its verification.
    await signInAs(users.auditor);
    await page.goto(`${runtime.url}/#/cases/${caseId}`);
    await page.waitForSelector('[data-testid="verify"]');
    expect(await page.textContent('[data-testid="verify"]')).toContain('toàn vẹn');
    expect(await page.textContent('[data-testid="stage"]')).toBe('Đã kết thúc');
    expect(await page.locator('ol.history li').count()).toBeGreaterThan(5);

    await page.goto(`${runtime.url}/#/indicators`);
    await page.waitForSelector('h1');
    await page.screenshot({ path: join(screenshots, 'indicators.png'), fullPage: true });
  });
});
