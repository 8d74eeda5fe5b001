// The tracking engine's scripted run in real Chromium, with known ground truth: a person on device A
// reads, switches tabs and windows, watches a lecture without touching anything, goes idle, has the
// extension's service worker stopped under them and loses the server for a while; then device B (a
// second browser profile on its own X display, same person) reads at the same time as A. The run only
// measures; test/e2e/tracking.test.ts judges the figures and bench/tracking.bench.ts prints them.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { startFixtureSite, type FixtureSite } from '../../support/fixture-site.ts';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.ts';
import { seedOrganisation, signIn } from './api-admin.ts';
import { signInOnOptionsPage } from './options-page.ts';
import { startVirtualDisplay, type VirtualDisplay } from './virtual-display.ts';
import { personAt, type Person } from './input.ts';
import { dateInZone } from '../../../shared/time/zoned-days.ts';
import type { LearningLog } from '../../../shared/schemas/log.ts';

const TZ = 'Asia/Shanghai';
const ADMIN_PASSWORD = 'admin-password-for-tests';
/** chrome.idle's smallest threshold: the idle scenario must wait it out, so every scenario uses it. */
const IDLE_SECONDS = 15;
const NOT_A_LEARNING_PAGE = 'Not a learning page';

export interface PhaseResult {
  readonly name: string;
  readonly device: 'A' | 'B';
  readonly truthSeconds: number;
  readonly countedSeconds: number;
  /** Of the counted seconds, those counted as media (a lecture playing). */
  readonly mediaSeconds: number;
}

export interface TrackingRunResult {
  readonly phases: readonly PhaseResult[];
  /** Device A's counted seconds outside every phase window (between scenarios): should be 0. */
  readonly countedBetweenPhases: number;
  /** Worlds of this extension found in a designated and in a non-designated page (CDP). */
  readonly probe: { readonly designated: number; readonly nonDesignated: number };
  readonly delivery: {
    /** Segments waiting in A's outbox while the server was down. */
    readonly waitingOffline: number;
    /** Of those, how many the server holds after it returned (exactly once each). */
    readonly arrivedOnce: number;
    readonly duplicateIds: number;
    /** Seconds from the server's return until A's outbox was empty. */
    readonly secondsToDeliver: number;
  };
  readonly twoDevices: { readonly truthUnionSeconds: number; readonly rawSeconds: number; readonly serverUnionSeconds: number };
  readonly log: { readonly totalSeconds: number; readonly truthSeconds: number };
  /** Places where the non-designated page left a trace (server store, extension storage). */
  readonly privacyLeaks: readonly string[];
  /** The popup's counting line while a designated page counted. */
  readonly popupWhileCounting: string;
  /** URLs of the segments the server stored (normalised by the extension). */
  readonly storedUrls: readonly string[];
}

interface Window_ {
  readonly name: string;
  readonly device: 'A' | 'B';
  readonly start: number;
  readonly end: number;
  readonly truthSeconds: number;
}

interface StoredSegment {
  id: string;
  deviceId: string;
  url: string;
  title: string;
  startedAt: string;
  endedAt: string;
  mode: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => ms / 1000;

type Chrome = {
  windows: {
    create(o: { url: string; focused: boolean }): Promise<{ id?: number }>;
    update(id: number, o: { focused: boolean }): Promise<unknown>;
    getLastFocused(): Promise<{ id?: number }>;
  };
};

/** How many JavaScript worlds of the extension run in the page: its content scripts. */
async function extensionWorldsIn(browser: ExtensionBrowser, page: Page): Promise<number> {
  const cdp = await browser.context.newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { origin: string } }) => origins.push(event.context.origin));
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return origins.filter((o) => o === `chrome-extension://${browser.extensionId}`).length;
}

async function outboxOf(browser: ExtensionBrowser): Promise<{ id: string }[]> {
  return ((await browser.readLocalStorage()).outbox as { id: string }[] | undefined) ?? [];
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await sleep(500);
  }
}

/** Seconds of the intervals' union that fall inside [from, to). */
export function unionWithin(intervals: readonly [number, number][], from: number, to: number): number {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return seconds(total);
}

export async function runTrackingScenarios(log: (line: string) => void = () => undefined): Promise<TrackingRunResult> {
  const cleanup: (() => Promise<unknown>)[] = [];
  try {
    const dataDir = await mkdtemp(join(tmpdir(), 'studytrail-tracking-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const site: FixtureSite = await startFixtureSite();
    cleanup.push(() => site.close());
    const env = { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: TZ };
    let server: ServerProcess = await startServerProcess({ dataDir, env });
    cleanup.push(() => server.stop());
    const port = new URL(server.url).port;

    const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    const org = await seedOrganisation(admin, { patterns: ['http://127.0.0.1/learn/*'] });
    await admin.post('/api/resources', { name: '视频讲座', category: 'political-theory', kind: 'video', patterns: ['http://127.0.0.1/video/*'] });
    // The settings are replaced as a whole: the current ones with the idle threshold changed.
    const current = await admin.get<Record<string, unknown>>('/api/settings');
    const settings = await fetch(`${server.url}/api/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...current, idleSeconds: IDLE_SECONDS }),
    });
    if (!settings.ok) throw new Error(`setting idleSeconds failed: ${settings.status} ${await settings.text()}`);

    // Device A on the test's display, device B on a display of its own.
    const personA: Person = personAt(process.env.DISPLAY);
    personA.stayActive();
    cleanup.push(async () => personA.stopActivity());
    const a = await launchExtensionBrowser();
    cleanup.push(() => a.close());
    await signInOnOptionsPage(await a.openExtensionPage('options.html'), { server: server.url, ...org.staff });

    const displayB: VirtualDisplay = await startVirtualDisplay();
    cleanup.push(() => displayB.close());
    const personB = personAt(displayB.display);
    personB.stayActive();
    cleanup.push(async () => personB.stopActivity());
    const b = await launchExtensionBrowser({ display: displayB.display });
    cleanup.push(() => b.close());
    await signInOnOptionsPage(await b.openExtensionPage('options.html'), { server: server.url, ...org.staff }, displayB.display);
    const pageB = await b.context.newPage();
    await pageB.bringToFront();
    await pageB.goto(`${site.origin}/other/page`);

    const windows: Window_[] = [];
    const learn = (query: string) => `${site.origin}/learn/article${query}`;
    const other = `${site.origin}/other/page`;
    let mark = Date.now();
    /** Closes the current window: [mark, now) with the given truth; the next one starts now. */
    const close = (name: string, truthSeconds: number, device: 'A' | 'B' = 'A') => {
      const end = Date.now();
      windows.push({ name, device, start: mark, end, truthSeconds });
      mark = end;
    };
    const counting = (name: string) => close(name, seconds(Date.now() - mark));

    const tab = await a.context.newPage();
    await tab.bringToFront();

    mark = Date.now();
    await tab.goto(learn('?utm_source=newsletter&utm_medium=email#intro'));
    const designatedWorlds = await extensionWorldsIn(a, tab);
    await sleep(8_000);
    counting('designated page');

    await server.stop();
    await tab.goto(learn('?chapter=2'));
    await sleep(8_000);
    counting('designated page, server offline');

    const otherTab = await a.context.newPage();
    await otherTab.bringToFront();
    await otherTab.goto(other);
    const nonDesignatedWorlds = await extensionWorldsIn(a, otherTab);
    await sleep(6_000);
    close('another tab, not designated', 0);
    const waitingOffline = (await outboxOf(a)).map((s) => s.id);
    server = await startServerProcess({ dataDir, env: { ...env, PORT: port } });
    const serverBackAt = Date.now();
    mark = serverBackAt;

    await tab.bringToFront();
    await sleep(6_000);
    counting('back to the designated tab');

    const worker = await a.serviceWorker();
    const firstWindow = await worker.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.windows.getLastFocused()).id!);
    await worker.evaluate(
      async (url) => void (await (globalThis as unknown as { chrome: Chrome }).chrome.windows.create({ url, focused: true })),
      other,
    );
    await sleep(6_000);
    close('second window, not designated', 0);
    const focusFirstWindow = async () =>
      (await a.serviceWorker()).evaluate(
        (id) => (globalThis as unknown as { chrome: Chrome }).chrome.windows.update(id, { focused: true }),
        firstWindow,
      );
    await focusFirstWindow();
    await sleep(6_000);
    // The second window stays open, unfocused: Xvfb has no window manager to hand the focus back if
    // it closed, which would leave no browser window focused at all.

    // The popup, opened in a window of its own that does not take the focus: it names what counts, and
    // pausing there stops counting until resumed. Clicking in that window can move the focus to it
    // (unlike the real popup, which belongs to the browser window): the person's page is focused again
    // right after each click, so only the pause itself can keep the time from counting.
    const popupOpened = a.context.waitForEvent('page');
    await (await a.serviceWorker()).evaluate(
      (url) => void (globalThis as unknown as { chrome: Chrome }).chrome.windows.create({ url, focused: false }),
      `chrome-extension://${a.extensionId}/popup.html`,
    );
    const popup = await popupOpened;
    await popup.waitForSelector('[data-counting=true][data-mode=reading]', { timeout: 10_000 });
    const popupWhileCounting = (await popup.textContent('[data-counting]')) ?? '';
    counting('back to the first window');
    await popup.click('button[name=pause]');
    await focusFirstWindow();
    await popup.waitForSelector('[data-reason=paused]', { timeout: 10_000 });
    await sleep(5_000);
    close('paused from the popup', 0);
    await popup.click('button[name=resume]');
    await focusFirstWindow();
    await popup.waitForSelector('[data-counting=true]', { timeout: 10_000 });
    await sleep(4_000);
    counting('resumed from the popup');
    await popup.close();

    await tab.goto(learn('?chapter=3'));
    await sleep(4_000);
    await a.stopServiceWorker();
    await sleep(6_000);
    counting('service worker stopped mid-segment');

    // The lecture: no input at all from the start, so chrome.idle goes idle after 15 s and only the
    // playing media keeps the time counting.
    personA.stopActivity();
    await tab.goto(`${site.origin}/video/lecture`);
    await tab.click('#play');
    await sleep(22_000);
    await tab.click('#pause');
    counting('lecture playing, no input');

    // Reading with input, then none: counted until the last input, not until idleness was detected.
    await tab.goto(learn('?chapter=4'));
    await personA.nudge();
    const arrived = Date.now();
    await sleep(3_000);
    await personA.nudge();
    const lastInput = Date.now();
    await sleep((IDLE_SECONDS + 5) * 1000);
    await personA.nudge();
    const back = Date.now();
    await sleep(4_000);
    close('idle, trimmed to the last input', seconds(lastInput - arrived + Date.now() - back));
    personA.stayActive();

    await tab.goto(other);
    await sleep(1_000);
    close('settling between scenarios', 0);

    // Two devices of the same person, overlapping: the server counts the overlap once.
    const a0 = Date.now();
    await tab.goto(learn('?chapter=5'));
    await sleep(4_000);
    const b0 = Date.now();
    await pageB.goto(learn('?chapter=5'));
    await sleep(6_000);
    const a1 = Date.now();
    await tab.goto(other);
    close('two devices: A', seconds(a1 - a0));
    await sleep(4_000);
    const b1 = Date.now();
    await pageB.goto(other);
    windows.push({ name: 'two devices: B', device: 'B', start: b0, end: Date.now(), truthSeconds: seconds(b1 - b0) });
    mark = Date.now();

    await waitUntil('device A has delivered everything', async () => (await outboxOf(a)).length === 0, 150_000);
    const secondsToDeliver = seconds(Date.now() - serverBackAt);
    await waitUntil('device B has delivered everything', async () => (await outboxOf(b)).length === 0, 60_000);
    personA.stopActivity();
    personB.stopActivity();

    // What the server holds, as its segments report gives it (the store's files are its own business).
    const staff = await signIn(server.url, org.staff.username, org.staff.password);
    const today = dateInZone(Date.now(), TZ);
    const store = { segments: await staff.get<StoredSegment[]>(`/api/people/${org.staff.id}/segments?from=${today}&to=${today}`) };
    const deviceOf = async (browser: ExtensionBrowser) => (await browser.readLocalStorage()).deviceId as string;
    const devices = { A: await deviceOf(a), B: await deviceOf(b) };
    const intervalsOf = (device: 'A' | 'B', mode?: string): [number, number][] =>
      store.segments
        .filter((s) => s.deviceId === devices[device] && (mode === undefined || s.mode === mode))
        .map((s) => [Date.parse(s.startedAt), Date.parse(s.endedAt)]);

    const phases: PhaseResult[] = windows.map((w) => ({
      name: w.name,
      device: w.device,
      truthSeconds: w.truthSeconds,
      countedSeconds: unionWithin(intervalsOf(w.device), w.start, w.end),
      mediaSeconds: unionWithin(intervalsOf(w.device, 'media'), w.start, w.end),
    }));
    for (const p of phases) {
      log(`${p.name}: counted ${p.countedSeconds.toFixed(1)} s, truth ${p.truthSeconds.toFixed(1)} s`);
    }
    const first = windows[0]!.start;
    const insideA = windows.filter((w) => w.device === 'A').reduce((sum, w) => sum + unionWithin(intervalsOf('A'), w.start, w.end), 0);
    const countedBetweenPhases = unionWithin(intervalsOf('A'), first - 60_000, Date.now()) - insideA;

    const ids = store.segments.map((s) => s.id);
    const arrivedOnce = waitingOffline.filter((id) => ids.filter((x) => x === id).length === 1).length;

    const learning = await staff.get<LearningLog>(`/api/people/${org.staff.id}/log?from=${today}&to=${today}`);
    const both = [...intervalsOf('A'), ...intervalsOf('B')];
    const twoB = windows.find((w) => w.name === 'two devices: B')!;

    const privacyLeaks: string[] = [];
    // On disk: the snapshot and the journal of changes since.
    const storeText = (await Promise.all(['studytrail.json', 'studytrail.journal'].map((name) => readFile(join(dataDir, name), 'utf8').catch(() => '')))).join('');
    if (storeText.includes('/other/page') || storeText.includes(NOT_A_LEARNING_PAGE)) privacyLeaks.push('server store');
    for (const [name, browser] of [['A', a], ['B', b]] as const) {
      const text = JSON.stringify(await browser.readLocalStorage());
      if (text.includes('/other/page') || text.includes(NOT_A_LEARNING_PAGE)) privacyLeaks.push(`extension storage on ${name}`);
    }

    return {
      phases,
      countedBetweenPhases,
      probe: { designated: designatedWorlds, nonDesignated: nonDesignatedWorlds },
      delivery: {
        waitingOffline: waitingOffline.length,
        arrivedOnce,
        duplicateIds: ids.length - new Set(ids).size,
        secondsToDeliver,
      },
      twoDevices: {
        truthUnionSeconds: seconds(b1 - a0),
        rawSeconds: seconds(a1 - a0 + b1 - b0),
        serverUnionSeconds: unionWithin(both, a0 - 1000, twoB.end + 1000),
      },
      log: {
        totalSeconds: learning.totalSeconds,
        // A's scenarios, plus B's time after A left (B's first part overlaps A's and counts once).
        truthSeconds: windows.filter((w) => w.device === 'A').reduce((sum, w) => sum + w.truthSeconds, 0) + seconds(b1 - a1),
      },
      privacyLeaks,
      popupWhileCounting,
      storedUrls: [...new Set(store.segments.map((s) => s.url))].sort(),
    };
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  }
}
