// Random browsing sessions, simulated the way the adapters report them, checked against a reference
// model that knows nothing of segments: it follows the browser and counts time in plain intervals.
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, MAX_SILENCE_MS, next } from './machine.ts';
import { designate } from './designation.ts';
import type { ClosedSegment, IdleState, Signal, TabView, TrackerState, TrackingRules } from './types.ts';
import { matchesAny } from '../../shared/url/match-pattern.ts';

const FULL_RULES: TrackingRules = {
  resources: [
    { id: 'res-a', patterns: ['https://learn.example.org/a/*'] },
    { id: 'res-b', patterns: ['https://*.example.net/b/*'] },
  ],
  idleSeconds: 60,
};
const ONLY_A: TrackingRules = { ...FULL_RULES, resources: [FULL_RULES.resources[0]!] };
const PRIVATE = 'https://private.example.com/diary';
const PRIVATE_TITLE = 'My private diary';
const URLS = [
  'https://learn.example.org/a/1',
  'https://learn.example.org/a/1#notes',
  'https://learn.example.org/a/2',
  'https://www.example.net/b/1',
  PRIVATE,
  undefined, // a site without host permission: the browser hides the URL
];
const WINDOWS = { 1: [10, 11], 2: [20, 21] } as const;

/** Small seeded generator (mulberry32) so a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Browser {
  focused: 1 | 2 | null;
  active: Record<1 | 2, number>;
  urls: Record<number, string | undefined>;
  idle: IdleState;
  rules: TrackingRules;
}

function view(b: Browser, tabId: number): TabView {
  const windowId = tabId < 20 ? 1 : 2;
  const url = b.urls[tabId];
  return { tabId, windowId, url, title: url === PRIVATE ? PRIVATE_TITLE : `title of ${url}` };
}

function activeView(b: Browser, windowId: 1 | 2 | null): TabView | null {
  return windowId === null ? null : view(b, b.active[windowId]);
}

/** The page the person sees as the reference model judges it: resource and URL without fragment. */
function seen(b: Browser): string | null {
  if (b.focused === null || b.idle !== 'active') return null;
  const url = b.urls[b.active[b.focused]];
  if (url === undefined) return null;
  const plain = url.split('#')[0]!;
  const resource = b.rules.resources.find((r) => matchesAny(r.patterns, plain));
  return resource ? `${resource.id} ${plain}` : null;
}

/** One random browser event: changes the simulated browser and returns what the adapters would send. */
function step(b: Browser, pick: <T>(xs: readonly T[]) => T): Signal[] {
  const roll = pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const);
  switch (roll) {
    case 0:
    case 1: {
      const windowId = pick([1, 2] as const);
      b.active[windowId] = pick(WINDOWS[windowId]);
      return [{ type: 'tabActivated', tab: view(b, b.active[windowId]) }];
    }
    case 2:
    case 3: {
      const tabId = pick([10, 11, 20, 21]);
      b.urls[tabId] = pick(URLS);
      const windowId = tabId < 20 ? 1 : 2;
      // The adapter reports updates of active tabs only.
      return b.active[windowId] === tabId ? [{ type: 'tabUpdated', tab: view(b, tabId) }] : [];
    }
    case 4: {
      b.focused = pick([1, 2, null] as const);
      return [{ type: 'windowFocusChanged', windowId: b.focused, activeTab: activeView(b, b.focused) }];
    }
    case 5: {
      b.idle = pick(['active', 'idle', 'locked'] as const);
      return [{ type: 'idleStateChanged', idle: b.idle }];
    }
    case 6: {
      b.rules = b.rules === FULL_RULES ? ONLY_A : FULL_RULES;
      return [
        { type: 'policyChanged', rules: b.rules },
        { type: 'observed', world: { focusedWindowId: b.focused, activeTab: activeView(b, b.focused), idle: b.idle } },
      ];
    }
    case 7: // the worker restarts and looks at the browser
      return [{ type: 'observed', world: { focusedWindowId: b.focused, activeTab: activeView(b, b.focused), idle: b.idle } }];
    default:
      return [{ type: 'checkpoint' }];
  }
}

interface Stretch {
  page: string;
  start: number;
  end: number;
}

/**
 * The reference: time between two consecutive events counts when the person saw a designated page
 * (focused, active) and the events were close enough together; the stretch of one page is cut back by
 * idleSeconds when the browser reports idleness.
 */
class Reference {
  readonly stretches: Stretch[] = [];
  private current: Stretch | null = null;

  advance(before: string | null, from: number, to: number): boolean {
    const gap = to - from > MAX_SILENCE_MS;
    if (this.current !== null && before === this.current.page && !gap) this.current.end = to;
    return gap;
  }

  after(page: string | null, at: number, gap: boolean, idleReported: boolean, idleSeconds: number): void {
    if (this.current !== null && idleReported) {
      this.current.end = Math.max(this.current.start, Math.min(this.current.end, at - idleSeconds * 1000));
    }
    if (this.current !== null && (gap || page !== this.current.page)) this.current = null;
    if (page !== null && this.current === null) {
      this.current = { page, start: at, end: at };
      this.stretches.push(this.current);
    }
  }
}

describe('tracking engine against a reference model', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('agrees on random session #%i', (seed) => {
    const rnd = random(seed);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const b: Browser = {
      focused: 1,
      active: { 1: 10, 2: 20 },
      urls: { 10: URLS[0], 11: URLS[3], 20: PRIVATE, 21: undefined },
      idle: 'active',
      rules: FULL_RULES,
    };
    let state: TrackerState = { ...INITIAL_STATE, rules: FULL_RULES };
    let ids = 0;
    const segments: ClosedSegment[] = [];
    const reference = new Reference();
    let now = Date.UTC(2026, 0, 5, 0, 0, 0);
    const apply = (signal: Signal) => {
      const result = next(state, signal, now, () => `seg-${++ids}`);
      state = result.state;
      segments.push(...result.segments);
      // Privacy: the page that is never designated leaves no trace in what is persisted.
      expect(JSON.stringify(state)).not.toContain('private.example.com');
      expect(JSON.stringify(state)).not.toContain(PRIVATE_TITLE);
    };

    apply({ type: 'observed', world: { focusedWindowId: 1, activeTab: activeView(b, 1), idle: 'active' } });
    reference.after(seen(b), now, false, false, b.rules.idleSeconds);
    let lastSignalAt = now;
    for (let i = 0; i < 400; i++) {
      // Mostly short steps, sometimes a long silence (the browser closed or the machine slept).
      now += rnd() < 0.05 ? 61_000 + Math.floor(rnd() * 600_000) : 1 + Math.floor(rnd() * 25_000);
      const before = seen(b);
      const signals = step(b, pick);
      // An event the adapters do not report (a background tab loading) is no evidence of anything.
      if (signals.length === 0) continue;
      const gap = reference.advance(before, lastSignalAt, now);
      lastSignalAt = now;
      for (const signal of signals) apply(signal);
      const idleReported = signals.some((x) => x.type === 'idleStateChanged' && x.idle === 'idle');
      reference.after(seen(b), now, gap, idleReported, b.rules.idleSeconds);
    }
    const gap = reference.advance(seen(b), lastSignalAt, now);
    apply({ type: 'signedOut' });
    reference.after(null, now, gap, false, b.rules.idleSeconds);

    const expected = reference.stretches
      .filter((x) => x.end > x.start)
      .map((x) => [x.page, x.start, x.end]);
    expect(segments.map((x) => [`${x.resourceId} ${x.url}`, x.startedAt, x.endedAt])).toEqual(expected);

    for (const [i, segment] of segments.entries()) {
      expect(segment.endedAt).toBeGreaterThan(segment.startedAt);
      if (i > 0) expect(segment.startedAt).toBeGreaterThanOrEqual(segments[i - 1]!.endedAt);
      expect(designate(FULL_RULES, segment.url, segment.title)?.resourceId).toBe(segment.resourceId);
    }
    expect(new Set(segments.map((x) => x.id)).size).toBe(segments.length);
  });
});
