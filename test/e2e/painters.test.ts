// The two painters on a real page in Chromium (no extension needed: the highlighter's code is bundled
// into the page, test/support/highlighter-page.ts). The Highlight API painter never touches the DOM;
// the wrapping fallback, for browsers without the API, changes the DOM but never the text, and
// clearing it gives the page back as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from './support/extension-browser.ts';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<p>坚持机关<b>周五学习日</b>制度，同时将每月第一周的周五作为机关学习交流日。</p>
<p>Members agreed that <i>reading notes</i> should be checked every month.</p></body></html>`;

describe('painters in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let script: string;

  beforeAll(async () => {
    const bundled = await build({
      entryPoints: [fileURLToPath(new URL('../support/highlighter-page.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    script = bundled.outputFiles[0]!.text;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.route('http://painters.local/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<unknown[][]> {
    await page.goto('http://painters.local/');
    await page.addScriptTag({ content: script });
    return page.evaluate(() => {
      const text = document.body.textContent!;
      const span = (q: string) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length });
      return (window as any).studytrailBench.describe([span('机关周五学习日制度'), span('that reading notes should')]);
    });
  }

  it('paints with the Highlight API without a single DOM mutation', async () => {
    const selectors = await open();
    const result = await page.evaluate(async (list) => {
      let mutations = 0;
      new MutationObserver((r) => (mutations += r.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const r = await (window as any).studytrailBench.reshow(list);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const painted = ['yellow', 'green'].flatMap((c) => [...((CSS.highlights.get(`studytrail-${c}`) as unknown as Set<Range>) ?? [])].map((x) => x.toString()));
      return { ...r, mutations, painted };
    }, selectors);
    expect(result).toMatchObject({ mode: 'highlight-api', anchored: 2, mutations: 0 });
    expect(result.painted).toEqual(['机关周五学习日制度', 'that reading notes should']);
  });

  it('falls back to wrapping text, keeping the text the same and restoring the DOM when cleared', async () => {
    const selectors = await open();
    const result = await page.evaluate(async (list) => {
      const before = document.body.innerHTML;
      const text = document.body.textContent;
      const r = await (window as any).studytrailBench.reshow(list, 'wrap');
      const marks = [...document.querySelectorAll('mark[data-studytrail-note]')].map((m) => m.textContent).join('|');
      const textWhilePainted = document.body.textContent;
      (window as any).studytrailBench.clear();
      return { ...r, marks, sameText: textWhilePainted === text, restored: document.body.innerHTML === before };
    }, selectors);
    expect(result).toMatchObject({ mode: 'wrap', anchored: 2, sameText: true, restored: true });
    expect(result.marks).toBe('机关|周五学习日|制度|that |reading notes| should');
  });
});
