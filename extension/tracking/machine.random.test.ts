// Random browsing sessions, simulated the way the adapters report them, checked against a reference
// model that knows nothing of segments: it follows the simulated browser and counts time as plain
// intervals per page and mode, then clips what an unanswered presence question takes back.
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SILENCE_MS, PRESENCE_ANSWER_MS, next } from './machine.ts';
import { designate } from './designation.ts';
import type { Signal, TabView } from './types.ts';
import { matchesAny } from '../../shared/url/match-pattern.ts';
import { normalisePageUrl } from '../../shared/url/normalise-page-url.ts';
import { INITIAL_STATE, type ClosedSegment, type IdleState, type TrackerState, type TrackingRules } from '../storage/tracker-state.ts';

const FULL_RULES: TrackingRules = {
  resources: [
    { id: 'res-a', patterns: ['https://learn.example.org/a/*'] },
    { id: 'res-b', patterns: ['https://*.example.net/b/*'] },
  ],
  idleSeconds: 60,
  // Short, so that sessions of a few hundred events meet the question often.
  mediaPresenceSeconds: 120,
};
const ONLY_A: TrackingRules = { ...FULL_RULES, resources: [FULL_RULES.resources[0]!] };
const PRIVATE = 'https://private.example.com/diary';
const PRIVATE_TITLE = 'My private diary';
const URLS = [
  'https://learn.example.org/a/1',
  'https://learn.example.org/a/1#notes',
  'https://learn.example.org/a/1?utm_source=newsletter',
  'https://learn.example.org/a/2',
  'https://www.example.net/b/1',
  PRIVATE,
  undefined, // a site without host permission: the browser hides the URL
];
const TABS = [10, 11, 20, 21] as const;
type TabId = (typeof TABS)[number];

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

interface SimReport {
  url: string;
  visible: boolean;
  media: boolean;
}

/** The simulated browser and person. */
interface Sim {
  focused: 1 | 2 | null;
  active: Record<1 | 2, TabId>;
  urls: Record<TabId, string | undefined>;
  reports: Partial<Record<TabId, SimReport>>;
  idle: IdleState;
  /** The person's last input while idle or locked. */
  idleSince: number | null;
  paused: boolean;
  rules: TrackingRules;
}

const windowOf = (tabId: TabId): 1 | 2 => (tabId < 20 ? 1 : 2);

function view(b: Sim, tabId: TabId): TabView {
  const url = b.urls[tabId];
  return { tabId, windowId: windowOf(tabId), url, title: url === PRIVATE ? PRIVATE_TITLE : `title of ${url}` };
}

function activeView(b: Sim, windowId: 1 | 2 | null): TabView | null {
  return windowId === null ? null : view(b, b.active[windowId]);
}

function designatedKey(rules: TrackingRules, url: string | undefined): string | null {
  const plain = url === undefined ? null : normalisePageUrl(url);
  if (plain === null) return null;
  const resource = rules.resources.find((r) => matchesAny(r.patterns, plain));
  return resource ? `${resource.id} ${plain}` : null;
}

/** What the reference counts right now: "resource url mode", or null. */
function counted(b: Sim, away: boolean): string | null {
  if (b.paused || away || b.focused === null || b.idle === 'locked') return null;
  const tabId = b.active[b.focused];
  const page = designatedKey(b.rules, b.urls[tabId]);
  if (page === null) return null;
  const report = b.reports[tabId];
  const current = report !== undefined && normalisePageUrl(report.url) === page.split(' ')[1] ? report : null;
  if (current !== null && !current.visible) return null;
  if (current?.media) return `${page} media`;
  return b.idle === 'active' ? `${page} reading` : null;
}

/** What the adapters send for an event, and what the reference needs to know that they do not say. */
interface Step {
  signals: Signal[];
  /** The event itself shows the person at the browser. */
  seen?: boolean;
  /** Input in a page: it shows the person, which answers a presence question. */
  pageInput?: boolean;
  jump?: { from: number; to: number };
}

/** One random event: changes the simulated browser and says what the adapters would send. */
function step(b: Sim, pick: <T>(xs: readonly T[]) => T, rnd: () => number, now: number, lastSignalAt: number): Step {
  const observed = (): Signal => ({
    type: 'observed',
    world: { focusedWindowId: b.focused, activeTab: activeView(b, b.focused), idle: b.idle },
  });
  switch (pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8, 9, 10, 11, 12, 13, 13] as const)) {
    case 0:
    case 1: {
      const windowId = pick([1, 2] as const);
      b.active[windowId] = pick(TABS.filter((t) => windowOf(t) === windowId));
      return { signals: [{ type: 'tabActivated', tab: view(b, b.active[windowId]) }] };
    }
    case 2:
    case 3: {
      const tabId = pick(TABS);
      b.urls[tabId] = pick(URLS);
      // The adapter reports updates of active tabs only.
      return { signals: b.active[windowOf(tabId)] === tabId ? [{ type: 'tabUpdated', tab: view(b, tabId) }] : [] };
    }
    case 4:
      b.focused = pick([1, 2, null] as const);
      return { signals: [{ type: 'windowFocusChanged', windowId: b.focused, activeTab: activeView(b, b.focused) }] };
    case 5: {
      const idle = pick(['active', 'idle', 'locked'] as const);
      const seen = b.idle !== 'active' && idle === 'active';
      if (idle === 'active') b.idleSince = null;
      else if (b.idle === 'active') b.idleSince = idle === 'idle' ? now - b.rules.idleSeconds * 1000 : now;
      b.idle = idle;
      return { signals: [{ type: 'idleStateChanged', idle }], seen };
    }
    case 6:
      b.rules = b.rules === FULL_RULES ? ONLY_A : FULL_RULES;
      // The engine forgets reports about pages the new policy does not designate.
      for (const tabId of TABS) {
        const r = b.reports[tabId];
        if (r !== undefined && designatedKey(b.rules, r.url) === null) delete b.reports[tabId];
      }
      return { signals: [{ type: 'policyChanged', rules: b.rules }, observed()] };
    case 7: // the worker restarts and looks at the browser
      return { signals: [observed()] };
    case 8: {
      // A content script reports on its page (only designated pages have one).
      const tabId = pick(TABS);
      const url = b.urls[tabId];
      if (url === undefined || designatedKey(b.rules, url) === null) return { signals: [] };
      const report = { url, visible: rnd() < 0.8, media: rnd() < 0.5 };
      b.reports[tabId] = report;
      const input = rnd() < 0.15 ? now : null;
      return {
        signals: [{ type: 'pageReported', tabId, report: { url, visible: report.visible, mediaPlaying: report.media, lastInputAt: input } }],
        pageInput: input !== null,
      };
    }
    case 9:
      b.paused = !b.paused;
      return { signals: [{ type: 'pauseChanged', paused: b.paused }], seen: true };
    case 10:
      return { signals: [{ type: 'presenceConfirmed' }], seen: true };
    case 11: {
      // The machine slept between the last signal and now.
      if (now - lastSignalAt < 3000) return { signals: [{ type: 'checkpoint' }] };
      const from = lastSignalAt + Math.floor(rnd() * 1000);
      const to = now - Math.floor(rnd() * 1000);
      return { signals: [{ type: 'clockJumped', from, to }], jump: { from, to } };
    }
    default:
      return { signals: [{ type: 'checkpoint' }] };
  }
}

interface Piece {
  key: string;
  start: number;
  end: number;
}

/** The reference: plain intervals of counted time, per "resource url mode". */
class Reference {
  readonly pieces: Piece[] = [];
  private current: Piece | null = null;
  private question: { askedAt: number } | null = null;
  away = false;

  /**
   * Time passed from `from` to `to`, then an event happened: `before` is what counted before it,
   * `sim` the browser after it.
   */
  event(e: { from: number; to: number; before: string | null; sim: Sim; seen: boolean; pageInput?: boolean; jump?: { from: number; to: number }; wentIdle: boolean }): void {
    const { to: t } = e;
    const seen = e.seen || (e.pageInput === true && (this.question !== null || this.away));
    const gap = t - e.from > MAX_SILENCE_MS;
    let closing: Piece | null = null;
    if (this.current !== null) {
      if (gap) closing = this.current; // ends where it was last extended: the last evidence
      else this.current.end = t;
      if (e.jump && e.jump.from < e.jump.to && this.current.start < e.jump.to) {
        this.current.end = Math.min(this.current.end, e.jump.from);
        closing = this.current;
      }
    }
    if (this.question !== null && t >= this.question.askedAt + PRESENCE_ANSWER_MS) {
      // Unanswered: nothing from the moment of asking counts.
      const askedAt = this.question.askedAt;
      for (const p of this.pieces) p.end = Math.min(p.end, Math.max(p.start, askedAt));
      if (this.current !== null) closing = this.current;
      this.question = null;
      this.away = true;
    }
    if (seen) {
      this.question = null;
      this.away = false;
      if (e.sim.idle === 'idle') e.sim.idleSince = t;
    }
    const after = counted(e.sim, this.away);
    if (this.current !== null && closing === null && after !== this.current.key) closing = this.current;
    if (closing !== null) {
      if (e.wentIdle && e.sim.idleSince !== null) closing.end = Math.max(closing.start, Math.min(closing.end, e.sim.idleSince));
      this.current = null;
    }
    if (after !== null && this.current === null) {
      this.current = { key: after, start: t, end: t };
      this.pieces.push(this.current);
    }
    const idleFor = e.sim.idleSince === null ? 0 : t - e.sim.idleSince;
    if (this.question === null && !this.away && after?.endsWith(' media') && e.sim.idle === 'idle' && idleFor >= e.sim.rules.mediaPresenceSeconds * 1000) {
      this.question = { askedAt: t };
    }
  }
}

/** Intervals per key, sorted and with touching intervals merged: two ways of cutting the same time compare equal. */
function byKey(pieces: readonly Piece[]): Record<string, [number, number][]> {
  const out: Record<string, [number, number][]> = {};
  for (const p of [...pieces].filter((x) => x.end > x.start).sort((a, b) => a.start - b.start)) {
    const list = (out[p.key] ??= []);
    const last = list[list.length - 1];
    if (last !== undefined && last[1] === p.start) last[1] = p.end;
    else list.push([p.start, p.end]);
  }
  return out;
}

describe('tracking engine against a reference model', () => {
  const coverage = { sessions: 0, questions: 0, unanswered: 0, media: 0 };

  // The sessions must exercise the rare rules too, or agreeing would prove little.
  afterAll(() => {
    expect(coverage.sessions).toBe(80);
    expect(coverage.questions).toBeGreaterThan(40);
    expect(coverage.unanswered).toBeGreaterThan(5);
    expect(coverage.media).toBeGreaterThan(200);
  });

  it.each(Array.from({ length: 80 }, (_, i) => i + 1))('agrees on random session #%i', (seed) => {
    const rnd = random(seed);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const b: Sim = {
      focused: 1,
      active: { 1: 10, 2: 20 },
      urls: { 10: URLS[0], 11: URLS[4], 20: PRIVATE, 21: undefined },
      reports: {},
      idle: 'active',
      idleSince: null,
      paused: false,
      rules: FULL_RULES,
    };
    let state: TrackerState = { ...INITIAL_STATE, rules: FULL_RULES };
    let ids = 0;
    const segments: ClosedSegment[] = [];
    const reference = new Reference();
    let now = Date.UTC(2026, 0, 5, 0, 0, 0);
    let questions = 0;
    let unanswered = 0;
    const apply = (signal: Signal) => {
      const asked = state.presence;
      const result = next(state, signal, now, () => `seg-${++ids}`);
      state = result.state;
      if (asked === null && state.presence !== null) questions++;
      if (asked?.unanswered === false && state.presence?.unanswered) unanswered++;
      segments.push(...result.segments);
      // Privacy: the page that is never designated leaves no trace in what is persisted.
      expect(JSON.stringify(state)).not.toContain('private.example.com');
      expect(JSON.stringify(state)).not.toContain(PRIVATE_TITLE);
    };

    apply({ type: 'observed', world: { focusedWindowId: 1, activeTab: activeView(b, 1), idle: 'active' } });
    reference.event({ from: now, to: now, before: null, sim: b, seen: false, wentIdle: false });
    let lastSignalAt = now;
    for (let i = 0; i < 500; i++) {
      // Mostly short steps, sometimes a long silence (the browser closed or the machine slept).
      now += rnd() < 0.04 ? 61_000 + Math.floor(rnd() * 600_000) : 1 + Math.floor(rnd() * 25_000);
      const before = counted(b, reference.away);
      const idleBefore = b.idle;
      const { signals, seen = false, pageInput, jump } = step(b, pick, rnd, now, lastSignalAt);
      // An event the adapters do not report (a background tab loading) is no evidence of anything.
      if (signals.length === 0) continue;
      for (const signal of signals) apply(signal);
      const wentIdle = idleBefore === 'active' && b.idle === 'idle';
      reference.event({ from: lastSignalAt, to: now, before, sim: b, seen, pageInput, jump, wentIdle });
      lastSignalAt = now;
    }
    now += 1000;
    const before = counted(b, reference.away);
    apply({ type: 'signedOut' });
    b.rules = { ...b.rules, resources: [] };
    reference.event({ from: lastSignalAt, to: now, before, sim: b, seen: true, wentIdle: false });

    const engine = segments.map((x) => ({ key: `${x.resourceId} ${x.url} ${x.mode}`, start: x.startedAt, end: x.endedAt }));
    expect(byKey(engine)).toEqual(byKey(reference.pieces));

    const sorted = [...segments].sort((x, y) => x.startedAt - y.startedAt);
    for (const [i, segment] of sorted.entries()) {
      expect(segment.endedAt).toBeGreaterThan(segment.startedAt);
      // One clock per browser: no two segments overlap, whatever their page.
      if (i > 0) expect(segment.startedAt).toBeGreaterThanOrEqual(sorted[i - 1]!.endedAt);
      expect(designate(FULL_RULES, segment.url, segment.title)?.resourceId).toBe(segment.resourceId);
      expect(segment.url).toBe(normalisePageUrl(segment.url));
    }
    expect(new Set(segments.map((x) => x.id)).size).toBe(segments.length);
    coverage.sessions++;
    coverage.questions += questions;
    coverage.unanswered += unanswered;
    coverage.media += segments.filter((x) => x.mode === 'media').length;
  });
});
