// The learning programme in Chromium against the real server process, on a seeded year: an admin
// schedules a session in the dashboard and shows its code; a staff member checks in with it (once);
// the leader sees the roster and marks leave, reads and exports the monthly bulletin, decides the
// annual grade with a reason, and the annual record prints on A4 (PDF pages counted, screenshot kept);
// another staff member checks in from the extension's popup and sees their plan progress there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { CHROMIUM, launchExtensionBrowser } from './support/extension-browser.ts';
import { signInOnOptionsPage } from './support/options-page.ts';
import { ARTIFACTS_DIR, openDashboard, pageProblems, requireEndpoints, screenshot } from './support/dashboard-page.ts';
import { at, caller, middayZone, PASSWORD, seedYear, type SeededYear } from './support/programme-year.ts';
import { dateInZone, instantInZone } from '../../shared/time/zoned-days.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';

describe('the learning programme in the dashboard', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let timeZone: string;
  let seeded: SeededYear;
  let sessionCode = '';
  let sessionPath = '';
  const contexts: BrowserContext[] = [];
  const context = async () => {
    const c = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    timeZone = middayZone(Date.now());
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-programme-'));
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: timeZone } });
    const admin = await caller(server.url, 'admin', ADMIN_PASSWORD);
    await requireEndpoints(server.url, admin.token, [{ label: 'GET /api/people (active, createdAt)', path: '/api/people', needs: 'active' }]);
    seeded = await seedYear(server.url, admin, timeZone, Date.now());
    // Headless: this scenario needs no extension, and headless Chromium can print to PDF.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('an admin schedules a session from the calendar and the session page shows its code', async () => {
    const page = await openDashboard(await context(), server.url, { username: 'admin', password: ADMIN_PASSWORD });
    const nowMs = Date.now();
    const today = dateInZone(nowMs, timeZone);
    const hhmm = (ms: number) => instantInZone(ms, timeZone).slice(11, 16);
    await page.goto(`${server.url}/calendar?month=${today.slice(0, 7)}`);
    await page.waitForSelector('form[aria-labelledby=new-session-title]');
    await screenshot(page, 'programme-calendar');
    const form = page.locator('form[aria-labelledby=new-session-title]');
    await form.locator('select[name=kind]').selectOption('special-lecture');
    await form.locator('input[name=topic]').fill('专题辅导：学习贯彻全会精神');
    await form.locator('input[name=date]').fill(today);
    await form.locator('input[name=start]').fill(hhmm(nowMs - 5 * 60_000));
    await form.locator('input[name=end]').fill(hhmm(nowMs + 60 * 60_000));
    await form.locator('input[name=place]').fill('机关三楼会议室');
    await form.locator('select[name=organiserId]').selectOption(seeded.leader.id);
    await form.locator('select[name=unitIds]').selectOption([seeded.research.id]);
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/sessions\/[A-Za-z0-9_-]+$/);
    sessionPath = new URL(page.url()).pathname;
    sessionCode = (await page.getByTestId('session-code').innerText()).trim();
    expect(sessionCode).toMatch(/^[A-Z2-9]{6}$/);
    // Its credited hours name the credit rules they were made under (no change yet: version 1).
    expect((await page.getByTestId('session-credit-rule').innerText()).trim()).toBe('学时规则第 1 版（最初）');
    await screenshot(page, 'programme-session-code');
    expect(pageProblems(page)).toEqual([]);
  });

  it('staff check in with the code once; a second try is refused in words', async () => {
    const page = await openDashboard(await context(), server.url, { username: seeded.zhang.username, password: PASSWORD });
    await page.goto(`${server.url}/check-in`);
    await page.locator('input[name=code]').fill(`${sessionCode.slice(0, 3).toLowerCase()} ${sessionCode.slice(3)}`);
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('check-in-result').innerText().catch(() => '')).toContain('专题辅导：学习贯彻全会精神');
    expect(await page.getByTestId('check-in-result').innerText()).toContain('出勤');
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('check-in-error').innerText().catch(() => '')).toContain('无需重复签到');
    await screenshot(page, 'programme-check-in');
    // Staff see no session code and no roster.
    await page.goto(`${server.url}${sessionPath}`);
    await page.waitForSelector('#session-title');
    expect(await page.getByTestId('session-code').count()).toBe(0);
    expect(await page.locator('table.roster').count()).toBe(0);
  });

  it('the leader sees the check-in on the roster, marks leave, and reads and exports the bulletin', async () => {
    const page = await openDashboard(await context(), server.url, { username: seeded.leader.username, password: PASSWORD });
    await page.goto(`${server.url}${sessionPath}`);
    const zhangRow = page.locator(`table.roster tr[data-person-id="${seeded.zhang.id}"]`);
    await expect.poll(() => zhangRow.locator('.attendance-status').innerText()).toBe('出勤');
    const liRow = page.locator(`table.roster tr[data-person-id="${seeded.li.id}"]`);
    await liRow.locator('select[name=status]').selectOption('leave');
    await liRow.locator('input[name=reason]').fill('外出调研');
    await screenshot(page, 'programme-roster-marking', { fullPage: false });
    await liRow.locator('button[type=submit]').click();
    await expect.poll(() => liRow.locator('.attendance-status').innerText()).toBe('请假 · 外出调研');

    const month = dateInZone(Date.now(), timeZone).slice(0, 7);
    await page.goto(`${server.url}/bulletin?month=${month}`);
    await page.waitForSelector('#bulletin-exceptions');
    const exceptions = await page.locator('#bulletin-exceptions').innerText();
    expect(exceptions).toContain('李娜');
    expect(exceptions).toContain('外出调研');
    expect(await page.locator('#bulletin-people').innerText()).not.toContain('陈静');
    await screenshot(page, 'programme-bulletin');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('李娜');
    expect(csv).toContain('请假');
    expect(pageProblems(page)).toEqual([]);
  });

  it('the leader decides the annual grade with a reason, and the record prints on A4', async () => {
    const page = await openDashboard(await context(), server.url, { username: seeded.leader.username, password: PASSWORD });
    await page.goto(`${server.url}/people/${seeded.zhang.id}/annual?year=${seeded.year}`);
    await page.waitForSelector('[data-testid=suggested-grade]');
    const suggested = await page.getByTestId('suggested-grade').innerText();
    const other = suggested === '称职' ? 'excellent' : 'competent';
    await page.locator('select[name=grade]').selectOption(other);
    await page.locator('input[name=reason]').fill('');
    await page.locator('.grade-panel form').first().locator('button[type=submit]').click();
    await expect.poll(() => page.locator('.grade-panel [role=alert]').first().innerText().catch(() => '')).toContain('须填写理由');
    await page.locator('input[name=reason]').fill('结合民主评议意见调整');
    await page.locator('.grade-panel form').first().locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('decided-grade').innerText()).toContain('结合民主评议意见调整');
    await page.locator('textarea[name=remarks]').fill('该同志学习态度端正，能结合岗位开展调查研究。');
    await page.getByRole('button', { name: '保存评语' }).click();
    await expect.poll(() => page.getByTestId('remarks').innerText()).toContain('学习态度端正');

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('.print-title').isVisible()).toBe(true);
    await screenshot(page, 'programme-annual-record-a4');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: join(ARTIFACTS_DIR, 'programme-annual-record.pdf') });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the annual record in English too', async () => {
    const page = await openDashboard(await context(), server.url, { username: seeded.zhang.username, password: PASSWORD }, 'en');
    await page.goto(`${server.url}/annual?year=${seeded.year}`);
    await page.waitForSelector('#annual-title');
    expect(await page.locator('#annual-title').innerText()).toContain('Annual learning record');
    expect(await page.getByTestId('decided-grade').innerText()).toMatch(/Excellent|Competent/);
  });

  it('a staff member checks in from the extension popup and sees the credited hours against their plan', async () => {
    const admin = await caller(server.url, 'admin', ADMIN_PASSWORD);
    const nowMs = Date.now();
    const today = dateInZone(nowMs, timeZone);
    const hhmm = (ms: number) => instantInZone(ms, timeZone).slice(11, 16);
    await admin.call('PUT', `/api/units/${seeded.culture.id}/plan-defaults/${seeded.year}/year`, { targets: { totalHours: 40, byCategory: {} }, readingList: [] });
    const session = await admin.call<{ code: string }>('POST', '/api/sessions', {
      kind: 'collective-study',
      topic: '文史资料征集工作学习会',
      startsAt: at(today, hhmm(nowMs - 5 * 60_000), timeZone),
      endsAt: at(today, hhmm(nowMs + 60 * 60_000), timeZone),
      organiserId: (await admin.call<{ id: string }>('GET', '/api/me')).id,
      tariff: 'half-day',
      tariffReason: '按半天计',
      unitIds: [seeded.culture.id],
    });
    const extension = await launchExtensionBrowser();
    try {
      const options = await extension.openExtensionPage('options.html');
      await signInOnOptionsPage(options, { server: server.url, username: seeded.chen.username, password: PASSWORD, name: seeded.chen.name });
      const popup = await extension.openExtensionPage('popup.html');
      await popup.waitForSelector('[data-plan-year]');
      // The seeded exchange days already count; the check-in adds this session's half day (4 h).
      const before = Number(await popup.locator('[data-plan-achieved]').getAttribute('data-plan-achieved'));
      await popup.fill('input[name=code]', session.code.toLowerCase());
      await popup.click('button[name=check-in]');
      await expect.poll(() => popup.locator('[data-check-in]').getAttribute('data-check-in').catch(() => null), { timeout: 15_000 }).toBe('ok');
      expect(await popup.locator('[data-check-in]').innerText()).toContain('文史资料征集工作学习会');
      await expect.poll(() => popup.locator('[data-plan-achieved]').getAttribute('data-plan-achieved')).toBe(String(before + 4 * 3600));
      await screenshot(popup, 'programme-popup-check-in');
      await popup.click('button[name=check-in]');
      await expect.poll(() => popup.locator('[data-check-in]').getAttribute('data-check-in')).toBe('refused');
    } finally {
      await extension.close();
    }
  });
});
