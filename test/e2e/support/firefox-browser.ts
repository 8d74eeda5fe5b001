// Launches Debian's firefox-esr with the Firefox build installed (puppeteer-core over WebDriver BiDi, no
// browser download), headed under Xvfb like the Chromium tests, and gives tests the handles they need.
// BiDi refuses to navigate to moz-extension:// pages, so extension pages are reached from the tab the
// extension opened itself (its first-run notice), which may navigate within the extension.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxExtensionBrowser {
  readonly browser: Browser;
  /** `moz-extension://<uuid>` (Node's URL gives such an origin as 'null', so it is cut from the string). */
  readonly extensionBase: string;
  /** The extension's own tab, moved to `path` (e.g. `options.html`). */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The tab showing an extension page; puppeteer lists it as about:blank, so each tab is asked itself. */
async function findExtensionTab(browser: Browser, timeoutMs: number): Promise<{ page: Page; href: string }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://')) return { page, href };
    }
    if (Date.now() > until) throw new Error('Firefox did not open the extension\'s notice page on install');
    await sleep(200);
  }
}

export async function launchFirefoxExtensionBrowser(): Promise<FirefoxExtensionBrowser> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npx wxt build -b firefox\` first (npm test does).`);
  }
  if (!process.env.DISPLAY) {
    throw new Error('Browser tests run headed under Xvfb: start them with `npm test` (xvfb-run) or set DISPLAY.');
  }
  const profile = await mkdtemp(join(tmpdir(), 'studytrail-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: false,
    userDataDir: profile,
    // The window's own size, so page coordinates and the screen agree (real input lands where drawn).
    defaultViewport: null,
    args: ['--width=1280', '--height=800'],
    extraPrefsFirefox: {
      // Optional host permissions asked for inside a click are granted without the doorhanger (browser
      // UI no page API reaches); a request outside a click is still refused, as for a person.
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    const notice = await findExtensionTab(browser, 15_000);
    const extensionBase = notice.href.slice(0, notice.href.indexOf('/', 'moz-extension://'.length));
    return {
      browser,
      extensionBase,
      async openExtensionPage(path) {
        const { page } = await findExtensionTab(browser, 5_000);
        const target = `${extensionBase}/${path}`;
        await page.evaluate((url) => void (location.href = url), target);
        const until = Date.now() + 10_000;
        while ((await page.evaluate(() => location.href).catch(() => '')) !== target) {
          if (Date.now() > until) throw new Error(`the extension's tab did not reach ${target}`);
          await sleep(100);
        }
        await page.bringToFront();
        return page;
      },
      async close() {
        await browser.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
