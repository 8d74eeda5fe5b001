// The note editor's must-read picker (关联必读书目) in Chromium: on a designated page the editor lists the
// year's must-read books (from the person's year plan, through the background), defaults to 不关联, and
// saves the chosen book with the clip; the server then counts the note for that book. The side panel's
// editor shows the choice and changes it later, and the count follows; the dashboard names the book on
// the note. Screenshots go to test/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser.ts';
import type { StoredNote } from '../../shared/schemas/notes.ts';
import type { PlanProgress, UnitPlanDefaults } from '../../shared/schemas/programme-plans.ts';
import { seedOrganisation, signIn, type ApiClient, type Organisation } from './support/api-admin.ts';
import { signInOnOptionsPage } from './support/options-page.ts';
import { shadowElement } from './support/closed-shadow.ts';
import { openDashboard, pageProblems, screenshot } from './support/dashboard-page.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';
const ARTIFACTS = resolve('test/artifacts');
const VIEWPORT = { width: 1280, height: 800 };
const QUOTE = '要做到有摘录、有体会、有思考';
// The year the extension asks for (the browser's) and the server checks (the organisation's): the same
// except within hours of New Year.
const YEAR = new Date().getFullYear();

type Chrome = { tabs: { query(q: object): Promise<{ id: number; url?: string }[]>; sendMessage(id: number, m: object): Promise<unknown> } };

describe('the must-read picker in the note editor', () => {
  let dataDir: string;
  let server: ServerProcess;
  let site: FixtureSite;
  let org: Organisation;
  let staffApi: ApiClient;
  let browser: ExtensionBrowser;
  let page: Page;
  let books: { id: string; title: string }[];
  const inWorker = async <T,>(fn: (arg: string) => Promise<T> | T, arg = ''): Promise<T> => (await browser.serviceWorker()).evaluate(fn, arg);
  const element = async (attribute: string, value: string) => {
    const found = await shadowElement(page, attribute, value);
    if (found === null) throw new Error(`no [${attribute}=${value}] in the page's note UI`);
    return found;
  };
  const clickAt = (box: { left: number; right: number; top: number; bottom: number }) => page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
  const myNote = async () => (await staffApi.get<StoredNote[]>(`/api/notes?personId=${org.staff.id}`)).find((s) => s.note.quote === QUOTE);
  const counts = async () =>
    Object.fromEntries((await staffApi.get<PlanProgress>(`/api/people/${org.staff.id}/plans/${YEAR}/year/progress`)).reading.items.map((i) => [i.title, i.notesCount]));

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-must-read-'));
    await mkdir(ARTIFACTS, { recursive: true });
    site = await startFixtureSite();
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    org = await seedOrganisation(admin, { patterns: ['http://127.0.0.1/learn/*'] });
    const defaults = await admin.put<UnitPlanDefaults>(`/api/units/${org.unitId}/plan-defaults/${YEAR}/year`, {
      targets: { totalHours: 50, byCategory: {} },
      readingList: [{ title: '乡土中国' }, { title: '中国人民政治协商会议章程' }],
    });
    books = defaults.readingList.map((b) => ({ id: b.id, title: b.title }));
    staffApi = await signIn(server.url, org.staff.username, org.staff.password);
    browser = await launchExtensionBrowser({ lang: 'zh-CN' });
    const options = await browser.openExtensionPage('options.html');
    await signInOnOptionsPage(options, { server: server.url, ...org.staff });
    await options.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the year’s books, starts on 不关联, and saves the chosen book with the clip; the server counts it', async () => {
    page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.bringToFront();
    await page.goto(`${site.origin}/learn/clips`);
    await page.evaluate((q) => {
      const node = [...document.getElementById('c3')!.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes(q)) as Text;
      const range = document.createRange();
      range.setStart(node, node.data.indexOf(q));
      range.setEnd(node, node.data.indexOf(q) + q.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, QUOTE);
    await inWorker(async (url) => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const tab = (await c.tabs.query({})).find((t) => t.url === url)!;
      await c.tabs.sendMessage(tab.id, { type: 'highlights.clip', withComment: true });
    }, page.url());
    await page.waitForSelector('studytrail-ui[data-view=editor]', { state: 'attached' });

    // The books arrive from the server; the choice starts on 不关联 ('').
    await expect.poll(async () => (await shadowElement(page, 'data-state', 'ready'))?.text ?? null, { timeout: 15_000 }).toBe('');
    expect((await element('name', 'mustRead')).text).toBe('');

    // A comment, then Tab past the tags to the picker and down two: the second book.
    await clickAt((await element('name', 'comment')).box);
    await page.keyboard.insertText('费孝通笔下的差序格局');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await element('name', 'mustRead')).text).toBe(books[1]!.id);
    await page.screenshot({ path: join(ARTIFACTS, 'must-read-picker-zh-CN.png') });

    await clickAt((await element('name', 'save')).box);
    await expect.poll(() => page.getAttribute('studytrail-ui', 'data-view')).not.toBe('editor');
    await expect.poll(async () => (await myNote())?.note.mustRead ?? null, { timeout: 15_000 }).toEqual({ bookId: books[1]!.id });
    expect(await counts()).toEqual({ 乡土中国: 0, 中国人民政治协商会议章程: 1 });
  });

  it('shows the choice in the side panel’s editor and changes it there; the count follows', async () => {
    const tabId = await inWorker(async (url) => (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({})).find((t) => t.url === url)!.id, page.url());
    const panel = await browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.setViewportSize(VIEWPORT);
    const note = (await myNote())!;
    const item = `[data-testid=page-notes] [data-note-id="${note.note.id}"]`;
    await panel.click(`${item} button[name=edit]`, { timeout: 15_000 });
    const picker = panel.locator('select[name=mustRead]');
    await expect.poll(() => picker.locator('option').allTextContents(), { timeout: 15_000 }).toEqual(['不关联', '乡土中国', '中国人民政治协商会议章程']);
    expect(await picker.inputValue()).toBe(books[1]!.id);
    expect(await panel.textContent('.note-editor')).toContain('关联必读书目');
    await picker.selectOption(books[0]!.id);
    await panel.screenshot({ path: join(ARTIFACTS, 'must-read-picker-sidepanel-zh-CN.png') });
    await panel.click('.note-editor button[name=save]');
    await expect.poll(async () => (await myNote())?.note.mustRead ?? null, { timeout: 15_000 }).toEqual({ bookId: books[0]!.id });
    expect(await counts()).toEqual({ 乡土中国: 1, 中国人民政治协商会议章程: 0 });
    await panel.close();
  });

  it('names the linked book on the note in the dashboard', async () => {
    const dashboard = await openDashboard(browser.context, server.url, org.staff);
    const card = dashboard.locator(`[data-note-id="${(await myNote())!.note.id}"]`);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.locator('[data-testid=must-read]').innerText()).toBe('必读书目：《乡土中国》');
    await screenshot(dashboard, 'must-read-dashboard-note');
    expect(pageProblems(dashboard)).toEqual([]);
    await dashboard.close();
  });
});
