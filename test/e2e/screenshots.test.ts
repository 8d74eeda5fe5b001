// The pages a staff member looks at, in zh-CN and en at 1,280 × 800, kept in test/artifacts/ for people
// to review: the options page (signed out and in), the toolbar popup (opened as a tab, as the browser
// draws it: its own width) and My learning with 7.5 minutes of study. Each must fit the width, and
// My learning must show the minutes, not "0.1" hours, in its figures and its tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { launchExtensionBrowser } from './support/extension-browser.ts';
import { seedOrganisation, signIn, type Organisation } from './support/api-admin.ts';
import { signInOnOptionsPage } from './support/options-page.ts';
import { ARTIFACTS_DIR, openDashboard } from './support/dashboard-page.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';
const LOCALES = ['zh-CN', 'en'] as const;

async function shot(page: Page, name: string, selector?: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = resolve(ARTIFACTS_DIR, `${name}.png`);
  if (selector === undefined) await page.screenshot({ path, fullPage: true });
  else await page.locator(selector).screenshot({ path });
}

/** How far the page is wider than its window (0 when it fits), and the widest elements past its edge. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past = [...document.querySelectorAll('body *')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter(({ right }) => right > width + 0.5)
      .slice(0, 5)
      .map(({ el, right }) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} to ${Math.round(right)} px`);
    return { by: document.documentElement.scrollWidth - width, past };
  });

describe('screenshots at 1280 × 800', () => {
  let dataDir: string;
  let server: ServerProcess;
  let org: Organisation;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-shots-'));
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: 'Asia/Shanghai' } });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    org = await seedOrganisation(admin, { patterns: ['http://127.0.0.1/learn/*'] });
    const professional = await admin.post<{ id: string }>('/api/resources', {
      name: '法律法规数据库',
      category: 'professional',
      kind: 'reading',
      patterns: ['http://127.0.0.1/law/*'],
    });
    // 7.5 minutes today in two categories, ending ten minutes ago.
    const end = Date.now() - 10 * 60_000;
    const staff = await signIn(server.url, org.staff.username, org.staff.password);
    const segment = (resourceId: string, path: string, from: number, to: number) => ({
      id: randomUUID(),
      resourceId,
      url: `http://127.0.0.1:9${path}`,
      title: path,
      startedAt: new Date(from).toISOString(),
      endedAt: new Date(to).toISOString(),
      mode: 'reading',
    });
    await staff.post('/api/sync', {
      deviceId: 'e2e-shots',
      segments: [segment(org.resource.id, '/learn/a', end - 450_000, end - 150_000), segment(professional.id, '/law/b', end - 150_000, end)],
      notes: [],
      cursor: null,
    });
  });

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  for (const locale of LOCALES) {
    it(`options, popup and My learning in ${locale}`, async () => {
      const browser = await launchExtensionBrowser({ lang: locale === 'en' ? 'en-US' : locale });
      try {
        const options = await browser.openExtensionPage('options.html');
        await options.setViewportSize({ width: 1280, height: 800 });
        await options.waitForSelector('[data-state=signed-out]');
        expect(await options.textContent('h2')).toBe(locale === 'zh-CN' ? '登录' : 'Sign in');
        await shot(options, `options-signed-out-${locale}`);
        await signInOnOptionsPage(options, { server: server.url, ...org.staff });
        expect(await overflow(options)).toEqual({ by: 0, past: [] });
        await shot(options, `options-signed-in-${locale}`);

        const popup = await browser.openExtensionPage('popup.html');
        await popup.setViewportSize({ width: 1280, height: 800 });
        await popup.waitForSelector('main[data-state=signed-in]');
        // The browser sizes the popup to its content, at most 800 px wide.
        const popupWidth = await popup.evaluate(() => document.querySelector('main')!.getBoundingClientRect().width);
        expect(popupWidth).toBeLessThanOrEqual(400);
        await shot(popup, `popup-${locale}`, 'main');

        const dashboard = await openDashboard(browser.context, server.url, org.staff, locale);
        await dashboard.waitForSelector('[data-testid=person-credited]');
        await dashboard.waitForTimeout(500);
        expect(await dashboard.textContent('[data-testid=person-credited]')).toBe(locale === 'zh-CN' ? '7.5分钟' : '7.5 min');
        // The tables name their unit too: the two resources' 5 and 2.5 minutes, not "0.1" and "0.0" hours.
        const byResource = dashboard.locator('section.panel', { has: dashboard.getByRole('heading', { name: locale === 'zh-CN' ? '按学习资源' : 'By resource' }) });
        expect(await byResource.locator('td.num').allTextContents()).toEqual(locale === 'zh-CN' ? ['5分钟', '2.5分钟'] : ['5 min', '2.5 min']);
        expect(await overflow(dashboard)).toEqual({ by: 0, past: [] });
        await shot(dashboard, `my-learning-${locale}`);
        // The full-page capture resizes the window, and the charts with it: still within the width.
        await dashboard.waitForTimeout(500);
        expect(await overflow(dashboard)).toEqual({ by: 0, past: [] });
      } finally {
        await browser.close();
      }
    });
  }
});
