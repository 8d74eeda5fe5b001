// The committee's weekly screens in Chromium against the real server process: a leader pages through
// 25 notes of their unit with the true total (their own notes never listed), marks two selected notes
// and then a whole page 已阅, and the server keeps both; the new-session form starts with the leader's
// unit chosen; an admin tunes the programme settings on their screen. Screenshots in test/artifacts/:
// notes-review-bulk.png, session-form-unit.png, programme-settings.png, research-coverage.png; research
// shows the six kinds of visit per unit, filters by unit and exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { CHROMIUM } from './support/extension-browser.ts';
import { signIn } from './support/api-admin.ts';
import { openDashboard, pageProblems, screenshot } from './support/dashboard-page.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';
const PASSWORD = 'study-hard-2026';

describe('the committee’s weekly screens', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let leaderOwn: string[] = [];
  let unitId = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-notes-review-'));
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: 'Asia/Shanghai' } });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    const unit = await admin.post<{ id: string }>('/api/units', { name: '研究室' });
    unitId = unit.id;
    await admin.post('/api/units', { name: '文化室' });
    await admin.post('/api/people', { username: 'lead.wang', name: '王主任', password: PASSWORD, role: 'leader', unitId: unit.id });
    const zhangId = (await admin.post<{ id: string }>('/api/people', { username: 'zhang.wei', name: '张伟', password: PASSWORD, role: 'staff', unitId: unit.id })).id;
    const yesterday = dateInZone(Date.now() - 86_400_000, 'Asia/Shanghai');
    for (const kind of ['enterprise', 'enterprise', 'market']) {
      await admin.post('/api/research/visits', { personId: zhangId, kind, date: yesterday, place: '=调研地点' });
    }
    const note = (i: number) => {
      const at = new Date(Date.now() - (i + 1) * 3_600_000).toISOString();
      return { id: randomUUID(), url: null, canonicalUrl: null, title: `读书笔记 ${i + 1}`, resourceId: null, selectors: [], quote: '', comment: `学习体会 ${i + 1}`, tags: [], colour: 'yellow', createdAt: at, updatedAt: at, deletedAt: null };
    };
    const zhang = await signIn(server.url, 'zhang.wei', PASSWORD);
    await zhang.post('/api/sync', { deviceId: 'd', segments: [], notes: Array.from({ length: 25 }, (_, i) => note(i)) });
    const leader = await signIn(server.url, 'lead.wang', PASSWORD);
    const own = [note(30), note(31)];
    leaderOwn = own.map((n) => n.id);
    await leader.post('/api/sync', { deviceId: 'd', segments: [], notes: own });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('pages through all notes with the true count and marks the selected, then a page, 已阅', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await openDashboard(context, server.url, { username: 'lead.wang', password: PASSWORD });
    await page.getByRole('link', { name: '笔记审阅' }).click();
    const pager = page.getByRole('navigation', { name: '笔记分页' }).first();
    await expect.poll(() => pager.innerText()).toContain('第 1–20 条，共 25 条');
    expect(await page.locator('article.note').count()).toBe(20);
    // Each note's comment box is named by its label (the shared Field), as a screen reader reads it.
    expect(await page.getByRole('textbox', { name: '审阅意见' }).count()).toBe(20);
    for (const id of leaderOwn) expect(await page.locator(`[data-note-id="${id}"]`).count()).toBe(0);

    await page.getByRole('checkbox', { name: /读书笔记 1”/ }).check();
    await page.getByRole('checkbox', { name: /读书笔记 2”/ }).check();
    await page.getByRole('button', { name: '将选中的 2 条标记为已阅' }).click();
    // The list shows unreviewed notes by default: the two leave it and the page fills up from behind.
    await expect.poll(() => page.getByTestId('notes-moved').innerText().catch(() => '')).toBe('2 条笔记已标记为已阅，已移出未阅列表。');
    await expect.poll(() => pager.innerText()).toContain('第 1–20 条，共 23 条');
    expect(await page.locator('[data-testid=review]').count()).toBe(0);
    await page.getByRole('button', { name: '本页 20 条未阅笔记全部标记为已阅' }).waitFor();
    await screenshot(page, 'notes-review-bulk', { fullPage: false });

    await pager.getByRole('link', { name: '下一页' }).click();
    await expect.poll(() => pager.innerText()).toContain('第 21–23 条，共 23 条');
    await page.getByRole('button', { name: '本页 3 条未阅笔记全部标记为已阅' }).click();
    // Page 2 is then past the end: the last page takes its place.
    await expect.poll(() => pager.innerText().catch(() => '')).toContain('第 1–20 条，共 20 条');

    const leader = await signIn(server.url, 'lead.wang', PASSWORD);
    const left = await leader.get<{ total: number }>('/api/notes/reviewable?reviewed=false');
    expect(left.total).toBe(20);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('the new-session form starts with the leader’s own unit chosen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await openDashboard(context, server.url, { username: 'lead.wang', password: PASSWORD });
    await page.goto(`${server.url}/calendar`);
    const units = page.locator('form[aria-labelledby=new-session-title] select[name=unitIds]');
    await units.waitFor();
    expect(await units.evaluate((el: HTMLSelectElement) => [...el.selectedOptions].map((o) => o.value))).toEqual([unitId]);
    await units.scrollIntoViewIfNeeded();
    await screenshot(page, 'session-form-unit', { fullPage: false });
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('an admin tunes the programme settings on their screen and the server keeps them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await openDashboard(context, server.url, { username: 'admin', password: ADMIN_PASSWORD });
    await page.goto(`${server.url}/admin/programme`);
    const form = page.locator('form[aria-labelledby=programme-settings-title]');
    await form.waitFor();
    expect(await form.getByLabel('线上学时年度上限').inputValue()).toBe('');
    await form.getByLabel('线上学时年度上限').fill('60');
    await form.getByLabel('线上学习折算比例').fill('0.5');
    await form.getByLabel('半天活动认定学时').fill('3.5');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('已保存。').waitFor();
    // The change is version 2 from today, listed above version 1 (from the beginning).
    const versions = page.locator('[data-testid=credit-rule-history] tbody tr');
    await versions.nth(1).waitFor();
    expect(await versions.first().locator('td').nth(0).innerText()).toBe('2');
    expect(await versions.first().locator('td').nth(1).innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await versions.nth(1).locator('td').nth(1).innerText()).toBe('最初');
    await screenshot(page, 'programme-settings', { fullPage: false });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    const saved = await admin.get<{ tariff: { halfDayHours: number }; online: { hoursPerHour: number; yearlyCapHours: number | null } }>('/api/programme/settings');
    expect(saved.tariff.halfDayHours).toBe(3.5);
    expect(saved.online).toEqual({ hoursPerHour: 0.5, yearlyCapHours: 60 });
    // A minimum above the maximum is refused in words and changes nothing.
    await form.getByLabel('年度调研报告最少篇数').fill('5');
    await form.getByLabel('年度调研报告最多篇数').fill('3');
    await form.getByRole('button', { name: '保存' }).click();
    await form.locator('[role=alert]').waitFor();
    expect((await admin.get<{ reportTarget: { min: number } }>('/api/programme/settings')).reportTarget.min).toBe(2);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('research shows the six kinds per unit, filters by unit and exports CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await openDashboard(context, server.url, { username: 'admin', password: ADMIN_PASSWORD });
    await page.getByRole('link', { name: '调查研究' }).click();
    const row = page.locator(`#visit-coverage tr[data-unit-id="${unitId}"]`);
    await row.waitFor();
    expect((await row.locator('td').allInnerTexts()).map((c) => c.trim())).toEqual(['2', '0', '0', '0', '0', '1', '2 / 6']);
    await page.locator('.toolbar select[name=unitId]').selectOption(unitId);
    await expect.poll(() => page.locator('#visit-coverage tbody tr').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('unitId')).toBe(unitId);
    await screenshot(page, 'research-coverage', { fullPage: false });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    // The CSV is the first sheet (people against the target); cell escaping is unit-tested per sheet.
    expect(csv).toContain('张伟,研究室,0,0,3,2');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
