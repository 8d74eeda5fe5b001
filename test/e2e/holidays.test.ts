// The year's holiday arrangement in Chromium against the real server process: an admin pastes the
// arrangement on the calendar screen, sees a bad line named with its number before anything is saved,
// corrects it and saves; the Friday inside 国庆 is no study day any more (the next Friday becomes the
// exchange day), a staff member sees the holiday marked, and clearing the arrangement gives the Friday
// back. Screenshot in test/artifacts/: holidays-calendar.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { CHROMIUM } from './support/extension-browser.ts';
import { signIn } from './support/api-admin.ts';
import { openDashboard, pageProblems, screenshot } from './support/dashboard-page.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';
const PASSWORD = 'study-hard-2026';
const OCTOBER = '/calendar?month=2026-10';

const cell = (page: Page, date: string) => page.locator(`table.month-grid td[data-date="${date}"]`);

describe('holidays on the calendar', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const context = async () => {
    const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-holidays-'));
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: 'Asia/Shanghai' } });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    const unit = await admin.post<{ id: string }>('/api/units', { name: '研究室' });
    await admin.post('/api/people', { username: 'zhang.wei', name: '张伟', password: PASSWORD, role: 'staff', unitId: unit.id });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('an admin pastes the arrangement, corrects the line it names, saves, and the Friday in 国庆 is gone', async () => {
    const page = await openDashboard(await context(), server.url, { username: 'admin', password: ADMIN_PASSWORD });
    await page.goto(`${server.url}${OCTOBER}`);
    await expect.poll(() => cell(page, '2026-10-02').innerText()).toContain('学习交流日');

    const panel = page.locator('section.holiday-panel');
    await panel.getByRole('heading', { name: '2026 年放假安排' }).waitFor();
    const text = panel.getByLabel('放假安排（可直接粘贴）');
    await text.fill('国庆节：10月1日（周四）至8日\n调休上班 2026-09-27 国庆节\n调休上班 2026-10-06');
    await expect.poll(() => panel.getByTestId('holiday-problems').innerText()).toContain('第 3 行「调休上班 2026-10-06」：2026-10-06 本来就是工作日');
    expect(await panel.getByRole('button', { name: '保存放假安排' }).isDisabled()).toBe(true);

    await text.fill('国庆节：10月1日（周四）至8日\n调休上班 2026-09-27 国庆节\n调休上班 2026-10-10');
    await expect.poll(() => panel.getByTestId('holiday-problems').count()).toBe(0);
    const preview = panel.getByTestId('holiday-preview');
    await expect.poll(() => preview.innerText()).toContain('2026-10-01 至 2026-10-08');
    expect(await preview.locator('tbody tr').count()).toBe(3);
    await panel.getByRole('button', { name: '保存放假安排' }).click();
    await expect.poll(() => panel.getByRole('status').innerText()).toContain('已保存');

    await expect.poll(() => cell(page, '2026-10-02').innerText()).toContain('国庆节 · 放假');
    expect(await cell(page, '2026-10-02').innerText()).not.toContain('学习');
    await expect.poll(() => cell(page, '2026-10-09').innerText()).toContain('学习交流日');
    expect(await cell(page, '2026-10-10').innerText()).toContain('调休上班');
    expect(await page.getByTestId('calendar-holidays').innerText()).toContain('国庆节 2026-10-01 至 2026-10-08');
    // The editor now starts from what was saved, one entry a line by date.
    expect(await text.inputValue()).toBe('调休上班 2026-09-27 国庆节\n国庆节 2026-10-01 至 2026-10-08\n调休上班 2026-10-10');
    await screenshot(page, 'holidays-calendar');
    expect(pageProblems(page)).toEqual([]);
  });

  it('a staff member sees the holiday marked and no arrangement editor', async () => {
    const page = await openDashboard(await context(), server.url, { username: 'zhang.wei', password: PASSWORD });
    await page.goto(`${server.url}${OCTOBER}`);
    await expect.poll(() => cell(page, '2026-10-05').innerText()).toContain('国庆节 · 放假');
    expect(await cell(page, '2026-10-02').innerText()).not.toContain('学习');
    expect(await cell(page, '2026-10-09').innerText()).toContain('学习交流日');
    expect(await page.locator('section.holiday-panel').count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });

  it('clearing the arrangement gives the Friday back', async () => {
    const page = await openDashboard(await context(), server.url, { username: 'admin', password: ADMIN_PASSWORD });
    await page.goto(`${server.url}${OCTOBER}`);
    const panel = page.locator('section.holiday-panel');
    page.once('dialog', (dialog) => void dialog.accept());
    await panel.getByRole('button', { name: '清除本年度放假安排' }).click();
    await expect.poll(() => cell(page, '2026-10-02').innerText()).toContain('学习交流日');
    expect(await cell(page, '2026-10-02').innerText()).not.toContain('放假');
    await expect.poll(() => panel.getByLabel('放假安排（可直接粘贴）').inputValue()).toBe('');
    expect(pageProblems(page)).toEqual([]);
  });
});
