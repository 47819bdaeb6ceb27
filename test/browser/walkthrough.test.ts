import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { type BrowserSession, startBrowserSession } from '../support/browser';
import { aCaseFile } from '../support/factories';
import { type ApiClient, users } from '../support/local-api';

const DAY = 24 * 60 * 60 * 1000;
/** The README's pictures are replaced only when asked (`UPDATE_SCREENSHOTS=1`), so a test run leaves the tree clean. */
const screenshots = process.env.UPDATE_SCREENSHOTS
  ? join(import.meta.dirname, '../../docs/screenshots')
  : mkdtempSync(join(tmpdir(), 'screenshots-'));

describe('the web UI in Chromium', () => {
  let session: BrowserSession;
  let runtime: LocalRuntime;
  let api: ApiClient;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ runtime, api, page } = session);
  });

  afterAll(async () => {
    await session?.stop();
  });

  const signInAs = (userId: string) => session.signInAs(userId);
  const perform = (caseId: string, action: string, fill: (page: Page) => Promise<void>) =>
    session.perform(caseId, action, fill);
  const today = () => api.today();

  it('walks one case from filing to the end of supervision as five users, then audits it', async () => {
    // Police: open a new file with all its parts through the form the API's schema builds.
    const file = aCaseFile({ person: { fullName: 'Lò Văn Thử', citizenId: '012090000777' } });
    await signInAs(users.police);
    await page.click('a[href="#/new"]');
    await page.waitForSelector('#new-person-fullName');
    // Nothing filled in: the page names each missing field, next to it, and sends nothing.
    await page.click('button:has-text("Lập hồ sơ")');
    expect(await page.textContent('#new-person-fullName-error')).toBe('bắt buộc');
    expect(await page.textContent('#new-grounds-error')).toBe('bắt buộc');
    await page.fill('#new-person-fullName', file.person.fullName);
    await page.fill('#new-person-dateOfBirth', '2016-05-17'); // ten years old: the server refuses
    await page.selectOption('#new-person-gender', { label: 'Nam' });
    await page.fill('#new-person-citizenId', file.person.citizenId);
    await page.fill('#new-person-residence-address', file.person.residence.address);
    await page.selectOption('#new-person-residence-communeId', { label: 'Phường Đông Phong' });
    await page.check('#new-grounds-a');
    await page.fill('#new-groundsDetail', file.groundsDetail);
    await page.fill('#new-addictionDetermination-facility', file.addictionDetermination.facility);
    await page.fill('#new-addictionDetermination-determinedOn', file.addictionDetermination.determinedOn);
    await page.fill('#new-addictionDetermination-documentNumber', file.addictionDetermination.documentNumber);
    await page.selectOption('#new-documents-0-kind', { label: 'Biên bản vi phạm' });
    await page.fill('#new-documents-0-title', 'Biên bản vi phạm hành chính');
    await page.click('button:has-text("Thêm mục")');
    await page.selectOption('#new-documents-1-kind', { label: 'Bản tóm tắt lý lịch' });
    await page.fill('#new-documents-1-title', 'Bản tóm tắt lý lịch của người bị đề nghị');
    await page.click('button:has-text("Lập hồ sơ")');
    // The server's rule comes back next to the field it concerns.
    await page.waitForSelector('#new-person-dateOfBirth-error');
    expect(await page.textContent('#new-person-dateOfBirth-error')).toContain('dưới 12 tuổi');
    await page.fill('#new-person-dateOfBirth', file.person.dateOfBirth);
    await page.click('button:has-text("Lập hồ sơ")');
    await page.waitForURL(/#\/cases\/[^/]+$/);
    const caseId = decodeURIComponent(new URL(page.url()).hash.slice('#/cases/'.length));
    const opened = await api.waitFor(caseId, 'submitFile', users.police);
    expect(opened.body.file.documents).toHaveLength(2);

    // The header says who I am; the case page shows the person and the timeline.
    expect(await page.textContent('header')).toContain('Cán bộ Công an cấp xã');
    await page.goto(`${runtime.url}/#/cases/${caseId}`);
    await page.waitForSelector('ol.timeline li.current');
    await page.waitForSelector('button[data-action="submitFile"]');
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

    // Court clerk: accepts the file, opens the session (its own step), records the decision.
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
    // The appeal window passes without a complaint: the clerk records the decision taking effect.
    await api.waitFor(caseId, 'closeAppealWindow', users.court);
    const effectiveOn = await today();
    await perform(caseId, 'closeAppealWindow', async (p) => {
      await p.fill('#closeAppealWindow-effectiveOn', effectiveOn);
    });
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
    expect(await page.textContent('[data-testid="stage"]')).toBe('Đang quản lý sau cai nghiện');
    await runtime.advanceClock(2 * 366 * DAY);
    await api.waitFor(caseId, 'CLOSED', users.supervisor);

    // Auditor: the history with its verification.
    await signInAs(users.auditor);
    await page.goto(`${runtime.url}/#/cases/${caseId}`);
    await page.waitForSelector('[data-testid="verify"]');
    expect(await page.textContent('[data-testid="verify"]')).toContain('toàn vẹn');
    expect(await page.textContent('[data-testid="stage"]')).toBe('Đã kết thúc');
    // The history arrives in its own request after the case: wait for it rather than count too early.
    await expect.poll(() => page.locator('ol.history li').count()).toBeGreaterThan(5);
    // In Vietnamese, with who acted: the police opened the file and the notification was issued.
    expect(await page.textContent('ol.history li:first-child')).toMatch(
      /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} — Lập hồ sơ \(Cán bộ Công an cấp xã, Phường Đông Phong\) · văn bản số 01\/TB-UBND$/,
    );
    const engineSteps = await page.locator('ol.history li.engine').count();
    await page.getByLabel('Hiện cả các bước của quy trình tự động').check();
    await expect.poll(() => page.locator('ol.history li.engine').count()).toBeGreaterThan(engineSteps);
    // …and exports it: a CSV naming the case and the verification, and a PDF.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Xuất CSV")'),
    ]);
    const csvText = await readFile(await csv.path(), 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(csvText).toContain(caseId);
    expect(csvText).toContain('Toàn vẹn');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Xuất PDF")'),
    ]);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');

    // The indicators of the filing commune for the year the file was opened count this case,
    // against the yearly target an administrator set.
    const target = await api.request('PUT', `/units/p-dong-phong/targets/${acceptedOn.slice(0, 4)}`, {
      as: 'admin-lai-chau',
      body: { sentToTreatment: 4 },
    });
    expect(target.status).toBe(200);
    await page.goto(`${runtime.url}/#/indicators`);
    await page.selectOption('label:has-text("Đơn vị") select', 'p-dong-phong');
    await page.selectOption('label:has-text("Năm") select', acceptedOn.slice(0, 4));
    await page.selectOption('label:has-text("Kỳ báo cáo") select', '');
    const cell = (name: string) => page.textContent(`[data-indicator="${name}"] td`);
    await page.waitForSelector('[data-testid="indicators"] caption');
    await expect.poll(() => page.textContent('main p strong')).toBe('Phường Đông Phong');
    expect(await cell('filesCompiled')).toBe('1');
    expect(await cell('decisionsToApply')).toBe('1');
    expect(await cell('sentToTreatment')).toBe('1');
    expect(await page.textContent('[data-indicator="sentToTreatment"] td:last-child')).toBe('4');
    expect(await page.textContent('[data-stage="CLOSED"] td')).toBe('1');
    // The charts are drawn (Chart.js loaded on demand).
    // (Chart.js styles each canvas it draws on.)
    await page.waitForFunction(
      "document.querySelectorAll('canvas').length === 2 && [...document.querySelectorAll('canvas')].every((c) => c.style.display === 'block')",
    );
    await page.screenshot({ path: join(screenshots, 'indicators.png'), fullPage: true });
  });
});
