// The toolbar popup as a person uses it, in real Chromium on an X display of its own, with or without
// a window manager (openbox, started before the browser): the real action popup is opened
// (chrome.action.openPopup() from the worker), read, and closed with a click in the page; the person
// keeps reading (real xdotool input). Then pause and resume from the popup with the keyboard. Then the
// worker is stopped, and the day total must survive it. Only measures; popup-tracking.test.ts judges,
// bench/tracking.bench.ts prints.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.ts';
import { signIn } from './api-admin.ts';
import { STUDY_TZ, startStudyWorld } from './study-world.ts';
import { signInOnOptionsPage } from './options-page.ts';
import { startVirtualDisplay } from './virtual-display.ts';
import { personAt } from './input.ts';
import { unionWithin, type PhaseResult } from './tracking-run.ts';
import { dateInZone } from '../../../shared/time/zoned-days.ts';
import type { LearningLog } from '../../../shared/schemas/log.ts';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PopupRunResult {
  readonly windowManager: boolean;
  readonly phases: readonly PhaseResult[];
  /**
   * The day total the extension shows (storage), before and after its worker was stopped; the seconds
   * of the segments the server holds; and its log's total (credited in whole seconds of the clock).
   */
  readonly today: { readonly beforeRestart: number; readonly afterRestart: number; readonly serverSegments: number; readonly server: number; readonly segmentCount: number };
  /**
   * What the tracker believed while the real popup was open over the designated page: a window in
   * front and a segment open (so the popup's reason line could not blame the popup's own focus).
   */
  readonly whilePopupOpen: { readonly windowInFront: boolean; readonly counting: boolean };
  /** The two minute figures for today the popup page shows (this device, the server). */
  readonly popupMinutes: { readonly device: number; readonly server: number };
}

type Chrome = {
  action: { openPopup(): Promise<void> };
  storage: { local: { get(k: string): Promise<Record<string, Record<string, number> | undefined>> } };
};

export async function runPopupScenarios(windowManager: boolean, log: (line: string) => void = () => undefined): Promise<PopupRunResult> {
  const cleanup: (() => Promise<unknown>)[] = [];
  try {
    const { site, server, org } = await startStudyWorld('popup', cleanup);

    const screen = await startVirtualDisplay();
    cleanup.push(() => screen.close());
    const env = { ...process.env, DISPLAY: screen.display };
    if (windowManager) {
      const openbox: ChildProcess = spawn('openbox', [], { env, stdio: 'ignore' });
      cleanup.push(async () => void openbox.kill());
      await sleep(1_000);
    }
    const person = personAt(screen.display);
    person.stayActive();
    cleanup.push(async () => person.stopActivity());
    const browser: ExtensionBrowser = await launchExtensionBrowser({ display: screen.display });
    cleanup.push(() => browser.close());
    const options = await browser.openExtensionPage('options.html');
    await signInOnOptionsPage(options, { server: server.url, ...org.staff }, screen.display);
    const tab = await browser.context.newPage();
    await options.close();
    await tab.bringToFront();
    await tab.goto(`${site.origin}/learn/article`);

    const xdotool = (...args: string[]) => run('xdotool', args, { env });
    const openPopup = async () => {
      const worker = await browser.serviceWorker();
      await worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.openPopup());
      await sleep(1_500); // the person reads it
    };
    // A click in the page (well away from the popup in the top right): closes the popup, as people do.
    const clickInPage = () => xdotool('mousemove', '300', '500', 'click', '1');
    const pressFirstButton = () => xdotool('key', '--delay', '150', 'Tab', 'Return');

    const phases: { name: string; start: number; end: number; truthSeconds: number }[] = [];
    await sleep(3_000);

    let start = Date.now();
    await sleep(4_000);
    await openPopup();
    const tracker = (await browser.readLocalStorage()).tracker as { focusedWindowId: number | null; open: unknown };
    const whilePopupOpen = { windowInFront: tracker.focusedWindowId !== null, counting: tracker.open !== null };
    await sleep(2_000);
    await clickInPage();
    await sleep(10_000);
    phases.push({ name: 'popup opened and closed, then reading', start, end: Date.now(), truthSeconds: (Date.now() - start) / 1000 });

    start = Date.now();
    await sleep(4_000);
    await openPopup();
    await pressFirstButton(); // pause
    const pausedAt = Date.now();
    await sleep(1_000);
    await clickInPage();
    await sleep(6_000);
    await openPopup();
    await pressFirstButton(); // resume
    const resumedAt = Date.now();
    await sleep(1_000);
    await clickInPage();
    await sleep(8_000);
    const end = Date.now();
    phases.push({ name: 'paused and resumed from the popup', start, end, truthSeconds: (end - start - (resumedAt - pausedAt)) / 1000 });

    // Leave the page (closes the segment), let it reach the server, then restart the worker.
    await tab.goto(`${site.origin}/other/page`);
    const settled = async () => {
      const stored = await browser.readLocalStorage();
      return ((stored.outbox as unknown[] | undefined) ?? []).length === 0 && (stored.tracker as { open: unknown } | undefined)?.open === null;
    };
    await sleep(1_000);
    for (let i = 0; i < 120 && !(await settled()); i++) await sleep(500);
    {
      // Said, so that a shortfall on the server below can be told from a count the device never made.
      const stored = await browser.readLocalStorage();
      const waiting = ((stored.outbox as unknown[] | undefined) ?? []).length;
      const rejected = ((stored.rejected as unknown[] | undefined) ?? []).length;
      if (waiting > 0 || rejected > 0) log(`after 60 s: ${waiting} segments in the outbox, ${rejected} rejected; sync status ${JSON.stringify(stored.syncStatus ?? null)}`);
    }
    const todayOf = async () => {
      const stored = (await browser.readLocalStorage()).dailyTotal as Record<string, number> | null | undefined;
      return Object.values(stored ?? {}).reduce((a, b) => a + b, 0);
    };
    const beforeRestart = await todayOf();
    await browser.stopServiceWorker();
    await sleep(1_000);
    await tab.goto(`${site.origin}/other/page?again`); // an event that starts the worker again
    await sleep(2_000);
    const afterRestart = await todayOf();

    const staff = await signIn(server.url, org.staff.username, org.staff.password);
    const today = dateInZone(Date.now(), STUDY_TZ);
    const segments = await staff.get<{ startedAt: string; endedAt: string }[]>(`/api/people/${org.staff.id}/segments?from=${today}&to=${today}`);
    const intervals = segments.map((s) => [Date.parse(s.startedAt), Date.parse(s.endedAt)] as [number, number]);
    const learning = await staff.get<LearningLog>(`/api/people/${org.staff.id}/log?from=${today}&to=${today}`);
    // The popup page (in a tab, so that it can be read) shows both figures for today.
    const popupPage = await browser.openExtensionPage('popup.html');
    await popupPage.waitForSelector('[data-server-today-minutes]', { timeout: 15_000 });
    const minutesIn = async (attribute: string) => Number(await popupPage.getAttribute(`[${attribute}]`, attribute));
    const popupMinutes = { device: await minutesIn('data-today-minutes'), server: await minutesIn('data-server-today-minutes') };
    const results: PhaseResult[] = phases.map((p) => ({
      name: p.name,
      device: 'A',
      truthSeconds: p.truthSeconds,
      countedSeconds: unionWithin(intervals, p.start, p.end),
      mediaSeconds: 0,
    }));
    const serverSegments = intervals.reduce((sum, [a, b]) => sum + (b - a) / 1000, 0);
    log(`day total: ${beforeRestart.toFixed(2)} s before the worker restart, ${afterRestart.toFixed(2)} s after; server segments ${serverSegments.toFixed(2)} s, log ${learning.totalSeconds} s`);
    for (const p of results) log(`${windowManager ? 'openbox' : 'no window manager'}: ${p.name}: counted ${p.countedSeconds.toFixed(2)} s, truth ${p.truthSeconds.toFixed(2)} s`);
    return { windowManager, phases: results, today: { beforeRestart, afterRestart, serverSegments, server: learning.totalSeconds, segmentCount: intervals.length }, whilePopupOpen, popupMinutes };
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  }
}
