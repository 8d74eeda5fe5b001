// Highlights end to end in Chromium: clip a passage with the floating toolbar on a designated page, see
// it painted with the CSS Custom Highlight API, reload and see it again with zero DOM mutations, anchor
// a passage that arrives late (as in a single-page app), open a note by clicking its highlight, then
// use the side panel (opened as a tab) to scroll, edit, delete and undo, receive another device's note
// and a leader's review, and export; finally clip on a page that is not designated with the keyboard
// command, which injects the highlighter there through activeTab. Everything is real: the server keeps the
// notes, a leader reviews through PUT /api/notes/{id}/review, and another device syncs through /api/sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { execFileSync } from 'node:child_process';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser.ts';
import type { StoredNote } from '../../shared/schemas/notes.ts';
import { seedOrganisation, signIn, type ApiClient, type Organisation } from './support/api-admin.ts';
import { signInOnOptionsPage } from './support/options-page.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';

/** Keys pressed as a person does (browser commands are not page events, so Playwright's input cannot). */
function pressKeys(keys: string): void {
  execFileSync('xdotool', ['key', '--delay', '100', keys]);
}

/** Selects `text` inside `selector` in the page and releases the mouse, as a reader does. */
async function select(page: Page, selector: string, text: string): Promise<{ left: number; top: number; bottom: number }> {
  return page.evaluate(
    ([sel, quote]) => {
      const el = document.querySelector(sel)!;
      const node = [...el.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes(quote)) as Text;
      const start = node.data.indexOf(quote);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + quote.length);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      const r = range.getBoundingClientRect();
      return { left: r.left, top: r.top, bottom: r.bottom };
    },
    [selector, text] as const,
  );
}

/** The painted ranges of one colour, read through the page's own CSS.highlights registry. */
function painted(page: Page, colour = 'yellow'): Promise<string[]> {
  return page.evaluate((c) => [...((CSS.highlights.get(`studytrail-${c}`) as unknown as Set<Range> | undefined) ?? [])].map((r) => r.toString()), colour);
}

describe('highlights in Chromium', () => {
  let dataDir: string;
  let server: ServerProcess;
  let staffApi: ApiClient;
  let leaderApi: ApiClient;
  let site: FixtureSite;
  let browser: ExtensionBrowser;
  let org: Organisation;
  /** The person's notes as the server keeps them (deleted ones left out). */
  const notesOf = () => staffApi.get<StoredNote[]>(`/api/notes?personId=${org.staff.id}`);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-hl-'));
    site = await startFixtureSite();
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    org = await seedOrganisation(admin, { patterns: ['http://127.0.0.1/learn/*'] });
    const leader = { username: 'wang.zhuren', password: 'lead-well-2026', name: '王主任' };
    await admin.post('/api/people', { ...leader, role: 'leader', unitId: org.unitId });
    leaderApi = await signIn(server.url, leader.username, leader.password);
    // The person's other computer: its own sign-in, its own device id.
    staffApi = await signIn(server.url, org.staff.username, org.staff.password);
    browser = await launchExtensionBrowser();
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

  it('clips, re-shows without touching the DOM, follows late content, and manages notes in the side panel', async () => {
    const page = await browser.context.newPage();
    await page.bringToFront();
    await page.goto(`${site.origin}/learn/notes`);
    await page.waitForFunction(() => CSS.highlights.has('studytrail-yellow'), undefined, { timeout: 15_000 });

    // Clip with the floating toolbar (its buttons live in a closed shadow root: clicked where they are drawn).
    const quote = '认真撰写个人读书笔记';
    const at = await select(page, '#p2', quote);
    await page.waitForSelector('studytrail-ui[data-view=toolbar]', { state: 'attached' });
    await page.mouse.click(Math.max(8, at.left) + 20, at.bottom + 8 + 16);
    await expect.poll(() => painted(page)).toEqual([quote]);
    await expect.poll(async () => (await notesOf()).map((s) => s.note.quote), { timeout: 15_000 }).toEqual([quote]);
    const [stored] = await notesOf();
    expect(stored!.note).toMatchObject({ url: `${site.origin}/learn/notes`, canonicalUrl: 'http://127.0.0.1/learn/notes', resourceId: org.resource.id, colour: 'yellow' });

    // Reload: the highlight comes back through the Highlight API and the page's DOM is never touched.
    await page.addInitScript(() => {
      const w = window as unknown as { __mutations: number; __loaded: boolean };
      w.__mutations = 0;
      w.__loaded = false;
      addEventListener('load', () => (w.__loaded = true));
      new MutationObserver((records) => {
        if (w.__loaded) w.__mutations += records.length;
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.reload();
    await expect.poll(() => painted(page), { timeout: 15_000 }).toEqual([quote]);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations)).toBe(0);
    expect(await page.evaluate(() => document.querySelector('studytrail-ui, mark'))).toBeNull();

    // Hover shows the note; a click on the highlight opens it.
    const box = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('studytrail-yellow') as unknown as Set<Range>)][0]!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.waitForSelector('studytrail-ui[data-view=card]', { state: 'attached' });
    await page.mouse.click(box.x, box.y);
    await page.waitForSelector('studytrail-ui[data-view=editor]', { state: 'attached' });
    await page.keyboard.press('Escape');

    // Late content: the passage arrives 1.5 s after load; its note anchors when it does.
    const late = await browser.context.newPage();
    await late.goto(`${site.origin}/learn/late`);
    await late.waitForSelector('#late');
    await late.waitForFunction(() => CSS.highlights.has('studytrail-yellow'));
    const lateQuote = '准确把握国内外经济、政治、文化发展的新动向';
    const lateAt = await select(late, '#late', lateQuote);
    await late.waitForSelector('studytrail-ui[data-view=toolbar]', { state: 'attached' });
    await late.mouse.click(Math.max(8, lateAt.left) + 20, lateAt.bottom + 8 + 16);
    await expect.poll(() => painted(late)).toEqual([lateQuote]);
    await late.reload();
    await late.waitForFunction(() => CSS.highlights.has('studytrail-yellow'));
    expect(await painted(late)).toEqual([]);
    await expect.poll(() => painted(late), { timeout: 10_000 }).toEqual([lateQuote]);
    await late.close();

    // Another device's note and a leader's review arrive through the sync cursor.
    await leaderApi.put(`/api/notes/${stored!.note.id}/review`, { comment: '体会深刻' });
    const remoteId = '6f1c2a9e-8c7b-4d3e-9f10-2a3b4c5d6e7f';
    await staffApi.post('/api/sync', {
      deviceId: 'other-computer',
      segments: [],
      notes: [{
        id: remoteId, url: null, canonicalUrl: null, title: '《论语》', resourceId: null, selectors: [], quote: '学而时习之',
        comment: '在另一台电脑上写的', tags: ['经典'], colour: 'green',
        createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), deletedAt: null,
      }],
      cursor: null,
    });

    // The side panel, opened as a tab for the article's tab.
    const tabId = await (await browser.serviceWorker()).evaluate(async (url) => {
      const chromeApi = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }).chrome;
      return (await chromeApi.tabs.query({})).find((t) => t.url?.startsWith(url))!.id;
    }, `${site.origin}/learn/notes`);
    const panel = await browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.waitForSelector(`[data-testid=page-notes] [data-note-id="${stored!.note.id}"][data-anchored=true]`, { timeout: 15_000 });
    // (The browser's UI language decides the wording around the review; its content is the leader's.)
    await panel.waitForSelector('.review:has-text("王主任"):has-text("体会深刻")', { timeout: 15_000 });
    await panel.click(`[data-note-id="${stored!.note.id}"] button.quote`);

    await panel.click('button[name=tab-all]');
    await panel.waitForSelector(`[data-note-id="${remoteId}"]`, { timeout: 15_000 });
    await panel.fill('input[name=q]', '论语');
    await panel.waitForSelector('[data-found="1"]');
    await panel.fill('input[name=q]', '');

    // Edit: comment and a suggested tag; the change reaches the server.
    await panel.click(`[data-note-id="${stored!.note.id}"] button[name=edit]`);
    await panel.fill('textarea[name=comment]', '要坚持写读书笔记');
    await panel.click('[data-testid=tag-suggestions] button');
    await panel.click('button[name=save]');
    await expect.poll(async () => (await notesOf()).find((s) => s.note.id === stored!.note.id)?.note, { timeout: 15_000 })
      .toMatchObject({ comment: '要坚持写读书笔记', tags: ['经典'] });

    // Delete with undo.
    await panel.click(`[data-note-id="${remoteId}"] button[name=delete]`);
    await panel.waitForSelector(`[data-note-id="${remoteId}"]`, { state: 'detached' });
    await panel.click('button[name=undo]');
    await panel.waitForSelector(`[data-note-id="${remoteId}"]`);

    // Export.
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.click('button[name=export-markdown]')]);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain(`> ${quote}`);
    expect(markdown).toContain('要坚持写读书笔记');

    // Outside designated pages nothing runs until the person asks: then the keyboard command (activeTab)
    // injects the highlighter into that one tab and clips the selection.
    const other = await browser.context.newPage();
    await other.bringToFront();
    await other.goto(`${site.otherOrigin}/other/page`);
    await other.waitForTimeout(500);
    expect(await other.evaluate(() => CSS.highlights.size)).toBe(0);
    const otherQuote = await other.evaluate(() => {
      const node = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent!.trim().length > 12 ? 1 : 2) }).nextNode() as Text;
      const start = node.data.search(/\S/);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 8);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      // A clip never keeps white space at its ends.
      return range.toString().trim();
    });
    pressKeys('alt+shift+k');
    await expect.poll(() => painted(other), { timeout: 10_000 }).toEqual([otherQuote]);
    await expect.poll(async () => (await notesOf()).find((s) => s.note.quote === otherQuote)?.note, { timeout: 15_000 })
      .toMatchObject({ url: `${site.otherOrigin}/other/page`, resourceId: null });
  });
});
