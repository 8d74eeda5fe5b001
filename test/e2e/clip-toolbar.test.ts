// The clip toolbar as a person uses it, in Chromium under Xvfb with the real pointer (xdotool): select a
// passage by dragging, move the hand to the toolbar in small steps across a note already highlighted
// under the selection, press 摘录; three passages in a row, and all three notes reach the server. Then a
// second clip of a highlighted passage offers its note (opened in the editor) instead of saving a twin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser.ts';
import type { StoredNote } from '../../shared/schemas/notes.ts';
import { seedOrganisation, signIn, type ApiClient, type Organisation } from './support/api-admin.ts';
import { signInOnOptionsPage } from './support/options-page.ts';
import { alongSegments, realPointer, type Point } from './support/pointer.ts';
import { shadowElement } from './support/closed-shadow.ts';

const ADMIN_PASSWORD = 'admin-password-for-tests';

/** Each passage to clip (line 1 of its paragraph) and the passage already highlighted under its end. */
const PASSAGES = [
  { id: 'c1', clip: '坚持用党的创新理论武装头脑', under: '学习成果转化为推动政协工作高质量发展的实际成效' },
  { id: 'c2', clip: '把理论学习同调查研究结合起来', under: '社区、学校、工地、市场六进活动了解真实情况' },
  { id: 'c3', clip: '要做到有摘录、有体会、有思考', under: '每季度在学习交流日上交流学习心得体会' },
] as const;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The viewport rectangle of `quote` inside paragraph `id`, one line. */
function rectOf(page: Page, id: string, quote: string): Promise<Rect> {
  return page.evaluate(
    ([pid, q]) => {
      const walker = document.createTreeWalker(document.getElementById(pid)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(q);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + q.length);
        const r = range.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }
      throw new Error(`no ${q} in #${pid}`);
    },
    [id, quote] as const,
  );
}

function painted(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((CSS.highlights.get('studytrail-yellow') as unknown as Set<Range> | undefined) ?? [])].map((r) => r.toString()));
}

/** What is drawn at a point: the in-page UI's host (the toolbar), or the page. */
function uiAt(page: Page, p: Point): Promise<boolean> {
  return page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName === 'STUDYTRAIL-UI', p);
}

describe('the clip toolbar under a real pointer', () => {
  let dataDir: string;
  let server: ServerProcess;
  let staffApi: ApiClient;
  let site: FixtureSite;
  let browser: ExtensionBrowser;
  let org: Organisation;
  const notesOf = () => staffApi.get<StoredNote[]>(`/api/notes?personId=${org.staff.id}`);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-clip-'));
    site = await startFixtureSite();
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    org = await seedOrganisation(admin, { patterns: ['http://127.0.0.1/learn/*'] });
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

  it('clips three passages in a row by moving the pointer to the toolbar across saved highlights', async () => {
    const page = await browser.context.newPage();
    await page.bringToFront();
    await page.goto(`${site.origin}/learn/clips`);
    await page.waitForFunction(() => document.fonts.ready.then(() => true));

    // The highlights already saved under each passage (clipped through the extension's own command path).
    const worker = await browser.serviceWorker();
    for (const { id, under } of PASSAGES) {
      await page.evaluate(([pid, q]) => {
        const node = [...document.getElementById(pid)!.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes(q)) as Text;
        const range = document.createRange();
        range.setStart(node, node.data.indexOf(q));
        range.setEnd(node, node.data.indexOf(q) + q.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      }, [id, under] as const);
      await worker.evaluate(async (url) => {
        type Chrome = { tabs: { query(q: object): Promise<{ id: number; url?: string }[]>; sendMessage(id: number, m: object): Promise<unknown> } };
        const chromeApi = (globalThis as unknown as { chrome: Chrome }).chrome;
        const tab = (await chromeApi.tabs.query({})).find((t) => t.url === url)!;
        await chromeApi.tabs.sendMessage(tab.id, { type: 'highlights.clip', withComment: false });
      }, page.url());
      await expect.poll(() => painted(page)).toContain(under);
    }
    await expect.poll(async () => (await notesOf()).length, { timeout: 15_000 }).toBe(3);
    await page.evaluate(() => getSelection()!.removeAllRanges());
    // Let the "clipped" notice go, so the page shows no UI of ours before the first drag.
    await page.waitForSelector('studytrail-ui[data-view=none]', { state: 'attached', timeout: 5_000 });

    const pointer = await realPointer(page);
    for (const { id, clip, under } of PASSAGES) {
      const passage = await rectOf(page, id, clip);
      const below = await rectOf(page, id, under);
      const midY = (passage.top + passage.bottom) / 2;
      // Drag from just inside the first character to just inside the last, as a reader selects.
      const start = { x: passage.left + 3, y: midY };
      const end = { x: passage.right - 3, y: midY };
      await pointer.path([start]);
      await pointer.down();
      await pointer.path(alongSegments([start, end], 20), 10);
      await pointer.up();
      await page.waitForSelector('studytrail-ui[data-view=toolbar]', { state: 'attached' });
      expect(await page.evaluate(() => getSelection()!.toString())).toBe(clip);

      // The toolbar sits under the selection's left end (capture/place-panel.ts); its first button:
      const button = { x: Math.max(8, passage.left) + 20, y: passage.bottom + 8 + 16 };
      expect(await uiAt(page, button)).toBe(true);
      // The hand goes down from the end of the selection onto the saved highlight, then left to the button.
      const onHighlight = { x: Math.min(end.x, below.right) - 12, y: (below.top + below.bottom) / 2 };
      expect(onHighlight.x).toBeGreaterThan(below.left);
      expect(await uiAt(page, onHighlight)).toBe(false);
      await pointer.path(alongSegments([end, onHighlight, button], 10), 16);
      // Resting on the button a moment, as a hand does before pressing.
      await page.waitForTimeout(150);
      expect(await page.getAttribute('studytrail-ui', 'data-view')).toBe('toolbar');
      await pointer.click();
      await expect.poll(() => painted(page)).toContain(clip);
    }

    const quotes = async () => (await notesOf()).map((s) => s.note.quote).sort();
    await expect.poll(quotes, { timeout: 15_000 }).toEqual([...PASSAGES.flatMap((p) => [p.clip, p.under])].sort());

    // The same passage once more: an offer to open its note, and no twin saved.
    const again = PASSAGES[0];
    const passage = await rectOf(page, again.id, again.clip);
    const midY = (passage.top + passage.bottom) / 2;
    await pointer.path([{ x: passage.left + 3, y: midY }]);
    await pointer.down();
    await pointer.path(alongSegments([{ x: passage.left + 3, y: midY }, { x: passage.right - 3, y: midY }], 20), 10);
    await pointer.up();
    await page.waitForSelector('studytrail-ui[data-view=toolbar]', { state: 'attached' });
    const button = { x: Math.max(8, passage.left) + 20, y: passage.bottom + 8 + 16 };
    await pointer.path(alongSegments([{ x: passage.right - 3, y: midY }, button], 10), 16);
    await pointer.click();
    await page.waitForSelector('studytrail-ui[data-view=duplicate]', { state: 'attached' });
    await mkdir(resolve('test/artifacts'), { recursive: true });
    await page.screenshot({ path: resolve('test/artifacts/duplicate-offer-en-US.png') });
    // The offer stays while the hand goes to it; 打开已有笔记 opens the existing note in the editor.
    const open = (await shadowElement(page, 'name', 'open-existing'))!;
    const target = { x: (open.box.left + open.box.right) / 2, y: (open.box.top + open.box.bottom) / 2 };
    await pointer.path(alongSegments([button, target], 10), 16);
    expect(await page.getAttribute('studytrail-ui', 'data-view')).toBe('duplicate');
    await pointer.click();
    await page.waitForSelector('studytrail-ui[data-view=editor]', { state: 'attached' });
    expect((await shadowElement(page, 'name', 'delete'))).not.toBeNull();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
    expect((await painted(page)).filter((q) => q === again.clip)).toHaveLength(1);
    expect((await notesOf()).filter((s) => s.note.quote === again.clip)).toHaveLength(1);
  });
});
