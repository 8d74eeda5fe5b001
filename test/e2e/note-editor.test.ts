// The note editor and the side panel's notes in Chromium, in zh-CN and en: the editor opens inside the
// 1280 × 800 viewport for a passage at its bottom edge and follows it when the page scrolls; a comment
// past 20,000 characters is counted, refused with a message and kept; a save that fails (signed out in
// another tab) keeps the draft and says why; the long comment folds in the side panel. Screenshots of
// each go to test/artifacts/ for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser.ts';
import type { StoredNote } from '../../shared/schemas/notes.ts';
import { NOTE_LIMITS } from '../../shared/schemas/notes.ts';
import { seedOrganisation, signIn, type ApiClient, type Organisation } from './support/api-admin.ts';
import { signInOnOptionsPage } from './support/options-page.ts';
import { shadowElement } from './support/closed-shadow.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';
const ARTIFACTS = resolve('test/artifacts');
const VIEWPORT = { width: 1280, height: 800 };
const LIMIT = NOTE_LIMITS.commentChars;

type Chrome = {
  tabs: { query(q: object): Promise<{ id: number; url?: string }[]>; sendMessage(id: number, m: object): Promise<unknown> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> } };
  i18n: { getUILanguage(): string };
};

describe('the note editor and the side panel', () => {
  let dataDir: string;
  let server: ServerProcess;
  let site: FixtureSite;
  let org: Organisation;
  let staffApi: ApiClient;
  const notesOf = () => staffApi.get<StoredNote[]>(`/api/notes?personId=${org.staff.id}`);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-editor-'));
    await mkdir(ARTIFACTS, { recursive: true });
    site = await startFixtureSite();
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    org = await seedOrganisation(admin, { patterns: ['http://127.0.0.1/learn/*'] });
    staffApi = await signIn(server.url, org.staff.username, org.staff.password);
  });

  afterAll(async () => {
    await server?.stop();
    await site?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  // Each language its own browser (its own device); each clips its own passage, so neither meets the
  // other's note as a twin.
  describe.each([
    { lang: 'zh-CN' as const, paragraph: 'c3', quote: '要做到有摘录、有体会、有思考', saveLabel: '保存' },
    { lang: 'en-US' as const, paragraph: 'c2', quote: '把理论学习同调查研究结合起来', saveLabel: 'Save' },
  ])('in $lang', ({ lang, paragraph, quote, saveLabel }) => {
    let browser: ExtensionBrowser;
    let page: Page;
    /** Runs `fn` in the extension's service worker with its `chrome` (Playwright serialises `fn`). */
    const inWorker = async <T,>(fn: (arg: string) => Promise<T> | T, arg = ''): Promise<T> => (await browser.serviceWorker()).evaluate(fn, arg);
    const view = () => page.getAttribute('studytrail-ui', 'data-view');
    const element = async (attribute: string, value: string) => {
      const found = await shadowElement(page, attribute, value);
      if (found === null) throw new Error(`no [${attribute}=${value}] in the page's note UI`);
      return found;
    };

    beforeAll(async () => {
      browser = await launchExtensionBrowser({ lang });
      const options = await browser.openExtensionPage('options.html');
      await signInOnOptionsPage(options, { server: server.url, ...org.staff });
      await options.close();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('opens the editor inside the viewport, follows the passage, refuses an over-long comment and keeps a draft whose save failed', async () => {
      expect(await inWorker(() => (globalThis as unknown as { chrome: Chrome }).chrome.i18n.getUILanguage())).toBe(lang);
      page = await browser.context.newPage();
      await page.setViewportSize(VIEWPORT);
      await page.bringToFront();
      await page.goto(`${site.origin}/learn/clips`);
      await page.waitForFunction(() => document.fonts.ready.then(() => true));

      // The passage at the bottom edge of the viewport, selected; then 摘录并评论 (the context menu's path).
      const passageTop = await page.evaluate(
        ([pid, q, height]) => {
          const node = [...document.getElementById(pid)!.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes(q)) as Text;
          // Room above the article, so the passage can be scrolled down to the viewport's bottom edge.
          const spacer = document.createElement('div');
          spacer.style.height = `${height}px`;
          document.body.prepend(spacer);
          const range = document.createRange();
          range.setStart(node, node.data.indexOf(q));
          range.setEnd(node, node.data.indexOf(q) + q.length);
          scrollTo(0, range.getBoundingClientRect().top + scrollY - (height - 70));
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return range.getBoundingClientRect().top;
        },
        [paragraph, quote, VIEWPORT.height] as const,
      );
      expect(passageTop).toBeGreaterThan(VIEWPORT.height - 100);
      await inWorker(async (url) => {
        const c = (globalThis as unknown as { chrome: Chrome }).chrome;
        const tab = (await c.tabs.query({})).find((t) => t.url === url)!;
        await c.tabs.sendMessage(tab.id, { type: 'highlights.clip', withComment: true });
      }, page.url());
      await page.waitForSelector('studytrail-ui[data-view=editor]', { state: 'attached' });

      // 保存 is inside the viewport: the editor went above the passage.
      await page.waitForTimeout(200);
      const save = await element('name', 'save');
      expect(save.text).toBe(saveLabel);
      expect(save.box.top).toBeGreaterThanOrEqual(0);
      expect(save.box.bottom).toBeLessThanOrEqual(VIEWPORT.height);
      expect(save.box.bottom).toBeLessThanOrEqual(passageTop);
      expect((await element('data-testid', 'comment-counter')).text).toBe(`0 / ${LIMIT}`);

      // Scrolling the page: the editor moves with its passage, by as much as the page moved.
      const scrollBefore = await page.evaluate(() => scrollY);
      await page.mouse.move(640, 200);
      await page.mouse.wheel(0, 120);
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrollBefore);
      await page.waitForTimeout(300);
      const scrolledBy = (await page.evaluate(() => scrollY)) - scrollBefore;
      const moved = await element('name', 'save');
      expect(moved.box.bottom).toBeLessThanOrEqual(VIEWPORT.height);
      expect(Math.abs(save.box.top - moved.box.top - scrolledBy)).toBeLessThanOrEqual(2);
      await page.screenshot({ path: join(ARTIFACTS, `note-editor-${lang}.png`) });

      // One character past the limit: counted, refused with the reason, nothing saved, nothing lost.
      const before = (await notesOf()).length;
      const comment = await element('name', 'comment');
      await page.mouse.click((comment.box.left + comment.box.right) / 2, (comment.box.top + comment.box.bottom) / 2);
      await page.keyboard.insertText('评'.repeat(LIMIT + 1));
      expect((await element('data-testid', 'comment-counter')).text).toBe(`${LIMIT + 1} / ${LIMIT}`);
      expect((await element('data-testid', 'editor-error')).text).toContain(String(LIMIT));
      const refused = await element('name', 'save');
      await page.mouse.click((refused.box.left + refused.box.right) / 2, (refused.box.top + refused.box.bottom) / 2);
      await page.waitForTimeout(1000);
      expect(await view()).toBe('editor');
      expect((await element('name', 'comment')).text).toHaveLength(LIMIT + 1);
      expect((await notesOf()).length).toBe(before);
      await page.screenshot({ path: join(ARTIFACTS, `note-editor-over-limit-${lang}.png`) });

      // Back to the limit, then a save that fails: signed out in another tab meanwhile.
      const box = (await element('name', 'comment')).box;
      await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Backspace');
      expect((await element('data-testid', 'comment-counter')).text).toBe(`${LIMIT} / ${LIMIT}`);
      expect(await shadowElement(page, 'data-testid', 'editor-error')).toBeNull();
      const session = await inWorker(async () => JSON.stringify((await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('session')).session));
      await inWorker(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.remove('session'));
      const saveButton = await element('name', 'save');
      const click = () => page.mouse.click((saveButton.box.left + saveButton.box.right) / 2, (saveButton.box.top + saveButton.box.bottom) / 2);
      await click();
      await expect.poll(async () => (await shadowElement(page, 'data-testid', 'editor-error'))?.text ?? '').not.toBe('');
      expect(await view()).toBe('editor');
      expect((await element('name', 'comment')).text).toHaveLength(LIMIT);
      await page.screenshot({ path: join(ARTIFACTS, `note-editor-save-failed-${lang}.png`) });

      // Signed in again: the same draft saves, all 20,000 characters of it.
      await inWorker((s) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ session: JSON.parse(s) }), session);
      await click();
      await expect.poll(view).not.toBe('editor');
      await expect.poll(async () => (await notesOf()).find((s) => s.note.quote === quote)?.note.comment.length, { timeout: 15_000 }).toBe(LIMIT);
    });

    it('folds the long comment in the side panel, and unfolds it on request', async () => {
      const tabId = await inWorker(async (url) => (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({})).find((t) => t.url === url)!.id, page.url());
      const panel = await browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
      await panel.setViewportSize(VIEWPORT);
      const note = (await notesOf()).find((s) => s.note.quote === quote)!;
      const item = `[data-testid=page-notes] [data-note-id="${note.note.id}"]`;
      await panel.waitForSelector(`${item} [data-collapsed=true]`, { timeout: 15_000 });
      const folded = await panel.$eval(`${item} .comment .text`, (el) => el.getBoundingClientRect().height);
      expect(folded).toBeLessThan(200);
      await panel.screenshot({ path: join(ARTIFACTS, `sidepanel-${lang}.png`) });
      await panel.click(`${item} button[name=show-more]`);
      await panel.waitForSelector(`${item} button[name=show-less]`);
      expect(await panel.$eval(`${item} .comment .text`, (el) => el.getBoundingClientRect().height)).toBeGreaterThan(folded * 10);
      await panel.click(`${item} button[name=show-less]`);
      await panel.click(`${item} button[name=edit]`);
      await panel.waitForSelector('[data-testid=comment-counter]');
      expect(await panel.textContent('[data-testid=comment-counter]')).toBe(`${LIMIT} / ${LIMIT}`);
      await panel.screenshot({ path: join(ARTIFACTS, `sidepanel-editor-${lang}.png`) });
      await panel.close();
    });
  });
});
