// The new-session form's defaults as a person sees them, in Chromium against the real server process:
// a leader of one unit opens the calendar and finds the tariff on the session's actual length, themself
// as organiser, their unit chosen and today's date (the organisation's, though the browser is in New
// York); submitting without touching them is accepted and the server keeps exactly those. Preact sets
// no defaultValue on a select, so each default must be said on its option (a past bug began the form
// on 半天 and refused a one-hour lecture). Screenshot: test/artifacts/session-form-defaults.png.
// The same holds for the admin's edit forms and the notes review's filters: a person's unit and role, a
// unit's parent, the person recording research and the applied filters must show as they are, not as
// the first option, or an admin who edits only a name would move, demote or re-parent on saving (a past
// bug).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { CHROMIUM } from './support/extension-browser.ts';
import { signIn } from './support/api-admin.ts';
import { openDashboard, pageProblems, screenshot } from './support/dashboard-page.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';
const PASSWORD = 'study-hard-2026';
const ZONE = 'Asia/Shanghai';

/** What the select shows: the chosen options' values and the text a person reads. */
const chosen = (select: Locator) =>
  select.evaluate((el: HTMLSelectElement) => [...el.selectedOptions].map((o) => ({ value: o.value, text: o.textContent?.trim() ?? '' })));
const firstOption = (select: Locator) => select.evaluate((el: HTMLSelectElement) => el.options[0]?.value ?? '');

describe('the new-session form’s defaults', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let unitId = '';
  let leaderId = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-select-defaults-'));
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: ZONE } });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    unitId = (await admin.post<{ id: string }>('/api/units', { name: '研究室' })).id;
    const other = await admin.post<{ id: string }>('/api/units', { name: '文化室' });
    // Colleagues listed before the leader, so an organiser left to the first option would be one of them.
    await admin.post('/api/people', { username: 'an.ran', name: '安然', password: PASSWORD, role: 'staff', unitId });
    await admin.post('/api/people', { username: 'bai.lu', name: '白露', password: PASSWORD, role: 'staff', unitId });
    leaderId = (await admin.post<{ id: string }>('/api/people', { username: 'lead.wang', name: '王主任', password: PASSWORD, role: 'leader', unitId })).id;
    await admin.post('/api/people', { username: 'lead.zhao', name: '赵主任', password: PASSWORD, role: 'leader', unitId: other.id });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on the actual length, the leader as organiser, their only unit and today, and is accepted untouched', async () => {
    // A browser in another zone than the organisation's: the form's day and times must not follow it.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'America/New_York' });
    const page = await openDashboard(context, server.url, { username: 'lead.wang', password: PASSWORD });
    await page.goto(`${server.url}/calendar`);
    const form = page.locator('form[aria-labelledby=new-session-title]');
    await form.waitFor();

    const tariff = form.locator('select[name=tariff]');
    expect(await firstOption(tariff)).not.toBe('actual');
    expect(await chosen(tariff)).toEqual([{ value: 'actual', text: '按实际时长' }]);

    const organiser = form.locator('select[name=organiserId]');
    expect(await firstOption(organiser)).not.toBe(leaderId);
    expect(await chosen(organiser)).toEqual([{ value: leaderId, text: '王主任' }]);

    const units = form.locator('select[name=unitIds]');
    expect(await chosen(units)).toEqual([{ value: unitId, text: '研究室' }]);

    const today = dateInZone(Date.now(), ZONE);
    expect(await form.locator('input[name=date]').inputValue()).toBe(today);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'session-form-defaults', { fullPage: false });

    await form.locator('input[name=topic]').fill('一小时专题讲座');
    await form.getByRole('button', { name: '创建活动' }).click();
    await page.waitForURL(/\/sessions\/[^/]+$/);
    const sessionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    const leader = await signIn(server.url, 'lead.wang', PASSWORD);
    const session = await leader.get<{ tariff: string; organiserId: string; unitIds: string[]; date: string; startsAt: string; kind: string }>(
      `/api/sessions/${encodeURIComponent(sessionId)}`,
    );
    expect(session).toMatchObject({ tariff: 'actual', organiserId: leaderId, unitIds: [unitId], date: today, kind: 'collective-study' });
    expect(Date.parse(session.startsAt)).toBe(Date.parse(`${today}T14:30:00+08:00`));
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});

describe('the edit forms and the notes filters begin on the stored values', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof signIn>>;
  const ids = { research: '', culture: '', group: '', leader: '', resource: '' };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-select-edit-'));
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: ZONE } });
    admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    // The unit of interest comes after another at each level, so the first option is never the stored one.
    ids.research = (await admin.post<{ id: string }>('/api/units', { name: '研究室' })).id;
    ids.culture = (await admin.post<{ id: string }>('/api/units', { name: '文化室' })).id;
    await admin.post('/api/units', { name: '一组', parentId: ids.research });
    ids.group = (await admin.post<{ id: string }>('/api/units', { name: '二组', parentId: ids.culture })).id;
    await admin.post('/api/people', { username: 'an.ran', name: '安然', password: PASSWORD, role: 'staff', unitId: ids.research });
    await admin.post('/api/people', { username: 'ai.mi', name: '艾米', password: PASSWORD, role: 'staff', unitId: ids.culture });
    ids.leader = (await admin.post<{ id: string }>('/api/people', { username: 'lead.qian', name: '钱主任', password: PASSWORD, role: 'leader', unitId: ids.culture })).id;
    await admin.post('/api/resources', { name: '学习强国', category: 'political-theory', kind: 'reading', patterns: ['https://*.xuexi.example/*'] });
    ids.resource = (await admin.post<{ id: string }>('/api/resources', { name: '政协理论', category: 'cppcc-theory', kind: 'video', patterns: ['https://*.cppcc.example/*'] })).id;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('shows a person’s own unit and role, and keeps them when only the name is edited', async () => {
    const context = await browser.newContext();
    const page = await openDashboard(context, server.url, { username: 'admin', password: ADMIN_PASSWORD });
    await page.goto(`${server.url}/admin/people`);
    const row = page.locator('tr', { has: page.locator('th', { hasText: '钱主任' }) });
    await row.locator('summary', { hasText: '编辑' }).click();
    const form = row.locator('form');

    const unit = form.locator('select[name=unitId]');
    expect(await firstOption(unit)).not.toBe(ids.culture);
    expect(await chosen(unit)).toEqual([{ value: ids.culture, text: '文化室' }]);
    const role = form.locator('select[name=role]');
    expect(await firstOption(role)).not.toBe('leader');
    expect(await chosen(role)).toEqual([{ value: 'leader', text: '领导' }]);

    await form.locator('input[name=name]').fill('钱主任（文化）');
    await form.getByRole('button', { name: '保存' }).click();
    const person = async () => (await admin.get<{ id: string; name: string; unitId: string; role: string }[]>('/api/people')).find((p) => p.id === ids.leader);
    await expect.poll(async () => (await person())?.name).toBe('钱主任（文化）');
    expect(await person()).toMatchObject({ unitId: ids.culture, role: 'leader' });
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows a sub-unit’s own parent, and keeps it when only the name is edited', async () => {
    const context = await browser.newContext();
    const page = await openDashboard(context, server.url, { username: 'admin', password: ADMIN_PASSWORD });
    await page.goto(`${server.url}/admin/units`);
    const details = page.locator('details', { has: page.locator('summary', { hasText: /^二组$/ }) });
    await details.locator('summary').click();
    const form = details.locator('form');

    const parent = form.locator('select[name=parentId]');
    expect(await firstOption(parent)).not.toBe(ids.culture);
    expect(await chosen(parent)).toEqual([{ value: ids.culture, text: '文化室' }]);

    await form.locator('input[name=name]').fill('第二组');
    await form.getByRole('button', { name: '保存' }).click();
    const unit = async () => (await admin.get<{ id: string; name: string; parentId: string | null }[]>('/api/units')).find((u) => u.id === ids.group);
    await expect.poll(async () => (await unit())?.name).toBe('第二组');
    expect((await unit())?.parentId).toBe(ids.culture);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('begins the research forms on the person recording, though a colleague is listed first', async () => {
    const context = await browser.newContext();
    const page = await openDashboard(context, server.url, { username: 'lead.qian', password: PASSWORD });
    await page.goto(`${server.url}/research`);
    for (const title of ['add-visit-title', 'add-report-title']) {
      const select = page.locator(`form[aria-labelledby=${title}] select[name=personId]`);
      await select.waitFor();
      expect(await firstOption(select), title).not.toBe(ids.leader);
      expect((await chosen(select)).map((o) => o.value), title).toEqual([ids.leader]);
    }
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows the applied notes filters again after a reload', async () => {
    const context = await browser.newContext();
    const page = await openDashboard(context, server.url, { username: 'admin', password: ADMIN_PASSWORD });
    await page.goto(`${server.url}/notes`);
    const form = page.locator('form', { has: page.locator('select[name=reviewed]') });
    const applied = { personId: ids.leader, unitId: ids.group, resourceId: ids.resource, reviewed: 'all' };
    for (const [name, value] of Object.entries(applied)) {
      const select = form.locator(`select[name=${name}]`);
      expect(await firstOption(select)).not.toBe(value);
      await select.selectOption(value);
    }
    await form.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL((url) => url.searchParams.get('resourceId') === ids.resource);
    await page.reload();
    await form.locator('select[name=reviewed]').waitFor();
    for (const [name, value] of Object.entries(applied)) {
      expect((await chosen(form.locator(`select[name=${name}]`))).map((o) => o.value), name).toEqual([value]);
    }
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
