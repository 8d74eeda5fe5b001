// A day of study in Firefox (the Firefox build in Debian's firefox-esr, headed under Xvfb, real input
// through xdotool): sign in on the options page and allow the designated sites, read a designated page
// for a known time, select a passage with the mouse and clip it with the keyboard command. The run only
// measures; test/e2e/firefox.test.ts judges the figures and bench/tracking.bench.ts prints the reading row.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'puppeteer-core';
import { launchFirefoxExtensionBrowser } from './firefox-browser.ts';
import { signIn } from './api-admin.ts';
import { STUDY_TZ, startStudyWorld } from './study-world.ts';
import { personAt } from './input.ts';
import { ARTIFACTS_DIR } from './dashboard-page.ts';
import { dateInZone } from '../../../shared/time/zoned-days.ts';
import type { LearningLog } from '../../../shared/schemas/log.ts';
import type { StoredNote } from '../../../shared/schemas/notes.ts';

const READING_MS = 12_000;
export const FIREFOX_QUOTE = '认真撰写个人读书笔记';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FirefoxRunResult {
  /** The options page's phases seen from the click on 登录 until it settled. */
  readonly signInPhases: readonly string[];
  /** Sites still missing once the person allowed access (0 when the grant worked). */
  readonly missingAfterAllowing: number;
  readonly reading: {
    readonly truthSeconds: number;
    /** The seconds of the segments the server stored for the day. */
    readonly countedSeconds: number;
    /** The day's total in the person's learning log. */
    readonly logSeconds: number;
  };
  /** Quotes of the person's notes as the server keeps them. */
  readonly notesOnServer: readonly string[];
}

interface StoredSegment {
  readonly startedAt: string;
  readonly endedAt: string;
}

async function waitUntil<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await sleep(250);
  }
}

const stateOf = (page: Page) => page.evaluate(() => document.querySelector('[data-state]')?.getAttribute('data-state') ?? '');

/** Drags the mouse over `quote` inside `selector` through the X server, as a reader selects text. */
async function selectWithMouse(page: Page, selector: string, quote: string): Promise<void> {
  const box = await page.evaluate(
    ([sel, text]) => {
      const node = [...document.querySelector(sel)!.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes(text)) as Text;
      const start = node.data.indexOf(text);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      const rects = range.getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      // Firefox's own offset of the page's viewport on the screen: page coordinates become X ones.
      const w = window as unknown as { mozInnerScreenX: number; mozInnerScreenY: number };
      return { x0: w.mozInnerScreenX + first.left + 1, y0: w.mozInnerScreenY + (first.top + first.bottom) / 2, x1: w.mozInnerScreenX + last.right - 1, y1: w.mozInnerScreenY + (last.top + last.bottom) / 2 };
    },
    [selector, quote] as const,
  );
  const at = (x: number, y: number) => [String(Math.round(x)), String(Math.round(y))];
  await run('xdotool', ['mousemove', ...at(box.x0, box.y0), 'mousedown', '1']);
  await run('xdotool', ['mousemove', ...at((box.x0 + box.x1) / 2, box.y1), 'sleep', '0.1', 'mousemove', ...at(box.x1, box.y1), 'sleep', '0.1', 'mouseup', '1']);
}

export async function runFirefoxDay(log: (line: string) => void = () => undefined): Promise<FirefoxRunResult> {
  const cleanup: (() => Promise<unknown>)[] = [];
  try {
    const { site, server, org } = await startStudyWorld('firefox', cleanup);

    const person = personAt(process.env.DISPLAY);
    const firefox = await launchFirefoxExtensionBrowser();
    cleanup.push(() => firefox.close());
    log(`Firefox started with the extension at ${firefox.extensionBase}`);

    // Sign in as a person does; every phase the page passes through is recorded.
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('input[name=server]');
    await options.type('input[name=server]', server.url);
    await options.type('input[name=username]', org.staff.username);
    await options.type('input[name=password]', org.staff.password);
    await options.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __phases: string[] }).__phases = seen;
      new MutationObserver(() => {
        const phase = document.querySelector('[data-state]')?.getAttribute('data-state');
        if (phase && seen[seen.length - 1] !== phase) seen.push(phase);
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
    });
    await options.click('button[type=submit]');
    await waitUntil('the sign-in settled', async () => (['needs-permission', 'signed-in', 'signed-out'].includes(await stateOf(options)) ? true : null), 30_000);
    if ((await stateOf(options)) === 'needs-permission') {
      // The page's own step (kept for review beside the other screenshots): its click asks Firefox
      // before anything else happens.
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      await options.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-options-access-step.png') });
      await options.click('button[name=grant-access]');
    }
    await waitUntil('signed in', async () => ((await stateOf(options)) === 'signed-in' ? true : null), 15_000);
    const signInPhases = await options.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
    const missingAfterAllowing = await options.evaluate(() => Number(document.querySelector('[data-missing-origins]')?.getAttribute('data-missing-origins') ?? 0));
    log(`sign-in phases: ${signInPhases.join(' → ')}; sites still missing: ${missingAfterAllowing}`);

    // Study: the designated page in the front tab, input from the X server every few seconds.
    const page = await firefox.browser.newPage();
    await page.bringToFront();
    person.stayActive();
    cleanup.push(async () => person.stopActivity());
    // The truth: from asking for the page until asking for the next one.
    const startedAt = Date.now();
    await page.goto(`${site.origin}/learn/notes`);
    await sleep(READING_MS);
    await selectWithMouse(page, '#p2', FIREFOX_QUOTE);
    await waitUntil('the passage is selected', async () => ((await page.evaluate(() => getSelection()?.toString() ?? '')) === FIREFOX_QUOTE ? true : null), 5_000);
    await run('xdotool', ['key', '--delay', '100', 'alt+shift+k']);
    await sleep(2_000);
    const truthSeconds = (Date.now() - startedAt) / 1000;
    await page.goto(`${site.otherOrigin}/other/page`);
    person.stopActivity();

    const staff = await signIn(server.url, org.staff.username, org.staff.password);
    const today = dateInZone(Date.now(), STUDY_TZ);
    // The stored segments to the millisecond (the log rounds to whole seconds); waits for the last one.
    const countedIn = async () => {
      const segments = await staff.get<StoredSegment[]>(`/api/people/${org.staff.id}/segments?from=${today}&to=${today}`);
      return segments.reduce((sum, s) => sum + (Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 1000, 0);
    };
    const countedSeconds = await waitUntil(
      'the reading arrived on the server',
      async () => {
        const counted = await countedIn();
        return counted >= truthSeconds - 1 ? counted : null;
      },
      60_000,
    ).catch(countedIn);
    const learning = await staff.get<LearningLog>(`/api/people/${org.staff.id}/log?from=${today}&to=${today}`);
    const notesOnServer = await waitUntil(
      'the note arrived on the server',
      async () => {
        const notes = await staff.get<StoredNote[]>(`/api/notes?personId=${org.staff.id}`);
        return notes.length > 0 ? notes.map((n) => n.note.quote) : null;
      },
      30_000,
    ).catch(() => [] as string[]);
    log(`reading: counted ${countedSeconds.toFixed(2)} s, truth ${truthSeconds.toFixed(2)} s; notes on the server: ${JSON.stringify(notesOnServer)}`);
    return { signInPhases, missingAfterAllowing, reading: { truthSeconds, countedSeconds, logSeconds: learning.totalSeconds }, notesOnServer };
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  }
}
