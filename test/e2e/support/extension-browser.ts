// Launches Debian's Chromium with the built extension loaded, headed under Xvfb (the only mode in which
// focus and idle behave as on a desktop), and gives tests the handles they need.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The first-run notice the extension opened on install, when launched with keepNotice (else closed). */
  readonly noticePage: Page | null;
  /** The extension's service worker (re-resolved after it is stopped and restarted). */
  serviceWorker(): Promise<Worker>;
  /** Opens an extension page such as `options.html` in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Stops the extension's service worker through the DevTools protocol, as Chrome does when idle. */
  stopServiceWorker(): Promise<void>;
  /** Everything the extension keeps in `storage.local`. */
  readLocalStorage(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * A fresh profile is a fresh install, so the extension opens its first-run notice (trust/notice.ts).
 * Waiting for it here means it cannot open later and take focus from a page a test is reading.
 */
async function waitForNotice(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/notice.html`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`the extension did not open ${url} on install`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface LaunchOptions {
  /** The X display to run on (a second "device"); default: the test's own DISPLAY. */
  readonly display?: string;
  /** Leave the first-run notice tab open (tests of the notice itself). */
  readonly keepNotice?: boolean;
  /** Chromium's UI language, which the extension's pages follow (chromium-l10n has zh-CN). */
  readonly locale?: 'zh-CN' | 'en';
}

export async function launchExtensionBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npx wxt build\` first (npm test does).`);
  }
  const display = options.display ?? process.env.DISPLAY;
  if (!display) {
    throw new Error('Browser tests run headed under Xvfb: start them with `npm test` (xvfb-run) or set DISPLAY.');
  }
  const profile = await mkdtemp(join(tmpdir(), 'studytrail-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    env: { ...process.env, DISPLAY: display, ...(options.locale ? { LANGUAGE: options.locale.replace('-', '_') } : {}) },
    viewport: { width: 1200, height: 760 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;
  const notice = await waitForNotice(context, extensionId);
  if (!options.keepNotice) await notice.close();

  async function serviceWorker(): Promise<Worker> {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    return live ?? context.waitForEvent('serviceworker');
  }

  return {
    context,
    extensionId,
    noticePage: options.keepNotice ? notice : null,
    serviceWorker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async readLocalStorage() {
      const worker = await serviceWorker();
      type Chrome = { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
      return worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(null));
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Answers Chromium's own "allow access?" prompt the way a person does, with the keyboard: the prompt is
 * browser UI that no page API can reach. Tab moves from "Deny" to "Allow", Return presses it.
 */
export function acceptBrowserPrompt(display?: string): void {
  execFileSync('xdotool', ['key', '--delay', '150', 'Tab', 'Return'], { env: { ...process.env, ...(display ? { DISPLAY: display } : {}) } });
}
