// Test support for the focus-sequence tests (machine.focus.test.ts for Chromium, machine.firefox-focus
// .test.ts for Firefox): one designated page read in window W, the signals the adapters
// (browser-signals.ts) send for the events a browser really fires, fed to the pure machine at given
// instants, and the spans it counted.
import { next } from './machine.ts';
import { MIN_SEGMENT_MS } from '../../shared/schemas/sync.ts';
import type { Signal, TabView } from './types.ts';
import { INITIAL_STATE, type ClosedSegment, type TrackerState, type TrackingRules } from '../storage/tracker-state.ts';

export const RULES: TrackingRules = { resources: [{ id: 'res-a', patterns: ['https://learn.example.org/a/*'] }], idleSeconds: 60, mediaPresenceSeconds: 1800 };
export const A1 = 'https://learn.example.org/a/1';
export const OTHER = 'https://news.example.com/page';
export const T0 = Date.UTC(2026, 2, 6, 1, 0, 0);
/** The instant `seconds` after T0. */
export const s = (seconds: number) => T0 + seconds * 1000;
export const W = 1;
export const page: TabView = { tabId: 10, windowId: W, url: A1, title: 'Lesson 1' };

/** windows.onFocusChanged as the adapter passes it on, with the focused window's active tab. */
export const focusEvent = (windowId: number | null, activeTab: TabView | null = page): Signal => ({
  type: 'windowFocusChanged',
  windowId,
  activeTab: windowId === null ? null : activeTab,
});
/** The adapter's re-check: the popup's window while it is open, else what windows.getLastFocused answers. */
export const focusCheck = (windowId: number | null, activeTab: TabView | null = page): Signal => ({
  type: 'focusChecked',
  windowId,
  activeTab: windowId === null ? null : activeTab,
});
/** The probe on the designated page reports input (each report is followed by a re-check). */
export const input = (at: number): Signal => ({ type: 'pageReported', tabId: 10, report: { url: A1, visible: true, mediaPlaying: false, lastInputAt: at } });

export class Run {
  state: TrackerState = { ...INITIAL_STATE, rules: RULES };
  readonly closed: ClosedSegment[] = [];
  private ids = 0;
  private lastAt = s(0);

  constructor() {
    this.send({ type: 'observed', world: { focusedWindowId: W, activeTab: page, idle: 'active' } }, s(0));
  }

  send(signal: Signal, at: number): this {
    const result = next(this.state, signal, at, () => `seg-${++this.ids}`);
    this.state = result.state;
    this.lastAt = at;
    this.closed.push(...result.segments);
    return this;
  }

  /** Closes whatever is open at `at` and returns the counted spans in seconds from T0. */
  spansUntil(at: number): [number, number][] {
    // The checkpoint alarm keeps a running browser from looking silent.
    while (at - this.lastAt > 30_000) this.send({ type: 'checkpoint' }, this.lastAt + 30_000);
    this.send({ type: 'tabRemoved', tabId: page.tabId }, at);
    return this.closed.map((c) => [(c.startedAt - T0) / 1000, (c.endedAt - T0) / 1000]);
  }
}

/** The seconds the recorder keeps of these spans: it drops any under MIN_SEGMENT_MS (a focus flicker). */
export function keptSeconds(spans: readonly [number, number][]): number {
  const kept = spans.filter(([from, to]) => (to - from) * 1000 >= MIN_SEGMENT_MS);
  return Math.round(kept.reduce((sum, [from, to]) => sum + (to - from), 0) * 1000) / 1000;
}
