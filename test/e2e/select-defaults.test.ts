// The new-session form's defaults as a person sees them, in Chromium against the real server process:
// a leader of one unit opens the calendar and finds the tariff on the session's actual length, themself
// as organiser, their unit chosen and today's date (the organisation's, though the browser is in New
// York); submitting without touching them is accepted and the server keeps exactly those. Preact sets
// no defaultValue on a select, so each default must be said on its option (a past bug began the form
// on 半天 and refused a one-hour lecture). Screenshot: test/artifacts/session-form-defaults.png.
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
