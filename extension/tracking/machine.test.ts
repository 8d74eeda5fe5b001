// Every transition of the tracking engine's reading rules, driven with a fake clock and predictable
// segment ids. Media, presence, pause, page reports and clock jumps: machine.media.test.ts.
import { describe, expect, it } from 'vitest';
import { MAX_SILENCE_MS, next } from './machine.ts';
import { countingMode } from './counting.ts';
import type { Signal, TabView } from './types.ts';
import { INITIAL_STATE, type ClosedSegment, type TrackerState, type TrackingRules } from '../storage/tracker-state.ts';

const RULES: TrackingRules = {
  resources: [
    { id: 'res-a', patterns: ['https://learn.example.org/a/*'] },
    { id: 'res-b', patterns: ['https://*.example.net/b/*'] },
  ],
  idleSeconds: 60,
  mediaPresenceSeconds: 1800,
};
const A1 = 'https://learn.example.org/a/1';
const A2 = 'https://learn.example.org/a/2';
const B1 = 'https://www.example.net/b/1';
const OTHER = 'https://news.example.com/private/page';
const OTHER_TITLE = 'Private reading';
const T0 = Date.UTC(2026, 2, 6, 1, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

const tab = (tabId: number, windowId: number, url?: string, title?: string): TabView => ({ tabId, windowId, url, title });

/** Feeds signals at given times and collects every closed segment. */
class Run {
  state: TrackerState;
  readonly closed: ClosedSegment[] = [];
  private ids = 0;

  constructor(state: TrackerState = { ...INITIAL_STATE, rules: RULES }) {
    this.state = state;
  }

  send(signal: Signal, at: number): readonly ClosedSegment[] {
    const result = next(this.state, signal, at, () => `seg-${++this.ids}`);
    this.state = result.state;
    this.closed.push(...result.segments);
    return result.segments;
  }

  /** Window 1 focused, active tab 10 showing `url`, person active. */
  look(url: string | undefined, at: number, title = 'Title'): this {
    this.send({ type: 'observed', world: { focusedWindowId: 1, activeTab: tab(10, 1, url, title), idle: 'active' } }, at);
    return this;
  }

  spans(): [string, string, number, number][] {
    return this.closed.map((c) => [c.resourceId, c.url, (c.startedAt - T0) / 1000, (c.endedAt - T0) / 1000]);
  }
}

describe('starting to count', () => {
  it('opens a segment when a designated page is the active tab of the focused window', () => {
    const run = new Run().look(A1, s(0), 'Lesson 1');
    expect(countingMode(run.state)).toBe('reading');
    expect(run.state.open).toEqual({
      id: 'seg-1',
      resourceId: 'res-a',
      url: A1,
      title: 'Lesson 1',
      mode: 'reading',
      startedAt: s(0),
      lastSeenAt: s(0),
    });
  });

  it('closes with the full segment shape when the page is left', () => {
    const run = new Run().look(A1 + '#section-2', s(0), 'Lesson 1');
    run.send({ type: 'tabActivated', tab: tab(11, 1, OTHER, OTHER_TITLE) }, s(42));
    expect(run.closed).toEqual([
      { id: 'seg-1', resourceId: 'res-a', url: A1, title: 'Lesson 1', startedAt: s(0), endedAt: s(42), mode: 'reading' },
    ]);
    expect(run.state.open).toBeNull();
  });

  it('counts nothing without rules (signed out or no policy yet)', () => {
    const run = new Run(INITIAL_STATE).look(A1, s(0));
    expect(run.state.open).toBeNull();
    expect(run.state.page).toBeNull();
  });

  it('counts nothing when no window has focus', () => {
    const run = new Run();
    run.send({ type: 'observed', world: { focusedWindowId: null, activeTab: null, idle: 'active' } }, s(0));
    run.send({ type: 'tabActivated', tab: tab(10, 1, A1) }, s(1));
    expect(run.state.open).toBeNull();
  });

  it('counts nothing while idle or locked at start', () => {
    const run = new Run();
    run.send({ type: 'observed', world: { focusedWindowId: 1, activeTab: tab(10, 1, A1), idle: 'locked' } }, s(0));
    expect(run.state.open).toBeNull();
    run.send({ type: 'idleStateChanged', idle: 'active' }, s(5));
    expect(run.state.open?.startedAt).toBe(s(5));
  });
});

describe('pages that are not designated', () => {
  it('records nothing at all: no segment, no URL, no title in the state', () => {
    const run = new Run().look(OTHER, s(0), OTHER_TITLE);
    run.send({ type: 'tabUpdated', tab: tab(10, 1, OTHER + '?q=2', OTHER_TITLE) }, s(10));
    run.send({ type: 'checkpoint' }, s(30));
    run.send({ type: 'tabActivated', tab: tab(11, 1, undefined, undefined) }, s(40));
    expect(run.closed).toEqual([]);
    expect(JSON.stringify(run.state)).not.toContain('news.example.com');
    expect(JSON.stringify(run.state)).not.toContain(OTHER_TITLE);
  });

  it('treats a tab whose URL the browser hides (no host permission) as not designated', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'tabUpdated', tab: tab(10, 1, undefined, undefined) }, s(12));
    expect(run.spans()).toEqual([['res-a', A1, 0, 12]]);
    expect(run.state.open).toBeNull();
  });

  it('does not count designated-looking URLs with another scheme or host', () => {
    const run = new Run().look('http://learn.example.org/a/1', s(0));
    run.send({ type: 'tabUpdated', tab: tab(10, 1, 'https://evil.example.org/a/1') }, s(1));
    expect(run.state.open).toBeNull();
  });
});

describe('switching tabs and windows', () => {
  it('closes and reopens when switching between two designated tabs', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'tabActivated', tab: tab(11, 1, B1, 'B') }, s(20));
    run.send({ type: 'tabActivated', tab: tab(10, 1, A1, 'A') }, s(35));
    expect(run.spans()).toEqual([
      ['res-a', A1, 0, 20],
      ['res-b', B1, 20, 35],
    ]);
    expect(run.state.open?.startedAt).toBe(s(35));
  });

  it('closes when focus moves to another browser window showing another page', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'windowFocusChanged', windowId: 2, activeTab: tab(20, 2, OTHER) }, s(15));
    expect(run.spans()).toEqual([['res-a', A1, 0, 15]]);
    run.send({ type: 'windowFocusChanged', windowId: 1, activeTab: tab(10, 1, A1) }, s(25));
    expect(run.state.open?.startedAt).toBe(s(25));
  });

  it('keeps counting when focus moves to another window showing the same designated page', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'windowFocusChanged', windowId: 2, activeTab: tab(20, 2, A1) }, s(15));
    expect(run.closed).toEqual([]);
    expect(run.state.open?.lastSeenAt).toBe(s(15));
  });

  it('closes when focus goes to another application (WINDOW_ID_NONE)', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'windowFocusChanged', windowId: null, activeTab: null }, s(30));
    expect(run.spans()).toEqual([['res-a', A1, 0, 30]]);
    // Tab activity in a window without focus does not count.
    run.send({ type: 'tabActivated', tab: tab(10, 1, A1) }, s(40));
    run.send({ type: 'tabUpdated', tab: tab(10, 1, A2) }, s(45));
    expect(run.state.open).toBeNull();
  });

  it('ignores tab events of windows without focus', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'tabActivated', tab: tab(20, 2, OTHER) }, s(5));
    run.send({ type: 'tabUpdated', tab: tab(20, 2, B1) }, s(6));
    expect(run.closed).toEqual([]);
    expect(run.state.open?.url).toBe(A1);
  });

  it('ignores a focus signal whose tab belongs to another window', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'windowFocusChanged', windowId: 2, activeTab: tab(10, 1, A1) }, s(5));
    expect(run.spans()).toEqual([['res-a', A1, 0, 5]]);
    expect(run.state.activeTabId).toBeNull();
  });

  it('closes when the active tab is closed, and ignores other tabs closing', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'tabRemoved', tabId: 99 }, s(3));
    expect(run.state.open).not.toBeNull();
    run.send({ type: 'tabRemoved', tabId: 10 }, s(8));
    expect(run.spans()).toEqual([['res-a', A1, 0, 8]]);
  });
});

describe('navigation within a tab', () => {
  it('starts a new segment when the URL changes', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'tabUpdated', tab: tab(10, 1, A2, 'Lesson 2') }, s(50));
    expect(run.spans()).toEqual([['res-a', A1, 0, 50]]);
    expect(run.state.open).toMatchObject({ url: A2, title: 'Lesson 2', startedAt: s(50) });
  });

  it('keeps the segment when only the #fragment changes', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'tabUpdated', tab: tab(10, 1, A1 + '#part-3', 'Title') }, s(10));
    expect(run.closed).toEqual([]);
  });

  it('keeps the segment and takes the settled title when only the title changes', () => {
    const run = new Run().look(A1, s(0), '');
    run.send({ type: 'tabUpdated', tab: tab(10, 1, A1, 'Lesson 1') }, s(1));
    run.send({ type: 'tabUpdated', tab: tab(10, 1, A1, '') }, s(2));
    expect(run.closed).toEqual([]);
    expect(run.state.open).toMatchObject({ id: 'seg-1', title: 'Lesson 1', lastSeenAt: s(2) });
  });
});

describe('idle and locked', () => {
  it('trims the segment back to when idleness began, and resumes on activity', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'checkpoint' }, s(30));
    run.send({ type: 'checkpoint' }, s(60));
    run.send({ type: 'checkpoint' }, s(90));
    run.send({ type: 'idleStateChanged', idle: 'idle' }, s(100));
    expect(run.spans()).toEqual([['res-a', A1, 0, 40]]);
    run.send({ type: 'checkpoint' }, s(130));
    expect(run.state.open).toBeNull();
    run.send({ type: 'idleStateChanged', idle: 'active' }, s(140));
    expect(run.state.open).toMatchObject({ id: 'seg-2', url: A1, startedAt: s(140) });
  });

  it('drops a segment that idleness trims away entirely', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'tabActivated', tab: tab(11, 1, A2) }, s(30));
    run.send({ type: 'idleStateChanged', idle: 'idle' }, s(70));
    // The first segment is kept whole; the second started after the person was already idle.
    expect(run.spans()).toEqual([['res-a', A1, 0, 30]]);
  });

  it('closes at the moment of locking', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'idleStateChanged', idle: 'locked' }, s(25));
    expect(run.spans()).toEqual([['res-a', A1, 0, 25]]);
    run.send({ type: 'idleStateChanged', idle: 'idle' }, s(100));
    expect(run.closed).toHaveLength(1);
  });

  it('does not open a segment while idle, whatever the page', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'idleStateChanged', idle: 'idle' }, s(90));
    run.send({ type: 'tabActivated', tab: tab(11, 1, B1) }, s(95));
    expect(run.state.open).toBeNull();
    run.send({ type: 'idleStateChanged', idle: 'active' }, s(96));
    expect(run.state.open).toMatchObject({ resourceId: 'res-b', startedAt: s(96) });
  });
});

describe('policy changes and sign-out', () => {
  it('closes the segment when the new policy no longer designates the page', () => {
    const run = new Run().look(A1, s(0));
    const withoutA: TrackingRules = { ...RULES, resources: RULES.resources.filter((r) => r.id !== 'res-a') };
    run.send({ type: 'policyChanged', rules: withoutA }, s(33));
    expect(run.spans()).toEqual([['res-a', A1, 0, 33]]);
    expect(run.state.page).toBeNull();
  });

  it('keeps the segment when the page stays designated by the same resource', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'policyChanged', rules: { ...RULES, idleSeconds: 300 } }, s(10));
    expect(run.closed).toEqual([]);
    expect(run.state.rules?.idleSeconds).toBe(300);
  });

  it('splits the segment when the page now belongs to another resource', () => {
    const run = new Run().look(A1, s(0));
    const moved: TrackingRules = { ...RULES, resources: [{ id: 'res-c', patterns: ['https://learn.example.org/*'] }] };
    run.send({ type: 'policyChanged', rules: moved }, s(10));
    expect(run.spans()).toEqual([['res-a', A1, 0, 10]]);
    expect(run.state.open).toMatchObject({ resourceId: 'res-c', startedAt: s(10) });
  });

  it('starts counting a page the new policy designates once the browser is looked at again', () => {
    const run = new Run().look(OTHER, s(0), OTHER_TITLE);
    const more: TrackingRules = { ...RULES, resources: [...RULES.resources, { id: 'res-n', patterns: ['https://news.example.com/*'] }] };
    run.send({ type: 'policyChanged', rules: more }, s(5));
    expect(run.state.open).toBeNull();
    run.look(OTHER, s(5), OTHER_TITLE);
    expect(run.state.open).toMatchObject({ resourceId: 'res-n', startedAt: s(5) });
  });

  it('closes on sign-out and records nothing afterwards', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'signedOut' }, s(12));
    run.look(A1, s(20));
    run.send({ type: 'checkpoint' }, s(50));
    expect(run.spans()).toEqual([['res-a', A1, 0, 12]]);
    expect(run.state.rules).toBeNull();
    expect(run.state.open).toBeNull();
  });
});

describe('checkpoints, restarts and gaps', () => {
  it('a checkpoint records progress and closes nothing', () => {
    const run = new Run().look(A1, s(0));
    expect(run.send({ type: 'checkpoint' }, s(30))).toEqual([]);
    expect(run.state.open).toMatchObject({ startedAt: s(0), lastSeenAt: s(30) });
  });

  it('a restarted worker continues the same segment when nothing changed (0 s lost)', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'checkpoint' }, s(30));
    const persisted = JSON.parse(JSON.stringify(run.state)) as TrackerState;
    const restarted = new Run(persisted).look(A1, s(50));
    expect(restarted.closed).toEqual([]);
    restarted.send({ type: 'tabActivated', tab: tab(11, 1, OTHER) }, s(70));
    expect(restarted.closed.map((c) => [c.id, (c.startedAt - T0) / 1000, (c.endedAt - T0) / 1000])).toEqual([
      ['seg-1', 0, 70],
    ]);
  });

  it('after a gap (browser closed, machine asleep) closes at the last checkpoint, not counting the gap', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'checkpoint' }, s(30));
    run.look(A1, s(30 + 600));
    expect(run.spans()).toEqual([['res-a', A1, 0, 30]]);
    expect(run.state.open).toMatchObject({ startedAt: s(630), lastSeenAt: s(630) });
  });

  it('treats a silence just over the limit as a gap and one at the limit as continuous', () => {
    const atLimit = new Run().look(A1, s(0));
    atLimit.send({ type: 'checkpoint' }, s(0) + MAX_SILENCE_MS);
    expect(atLimit.closed).toEqual([]);
    const over = new Run().look(A1, s(0));
    over.send({ type: 'checkpoint' }, s(0) + MAX_SILENCE_MS + 1);
    expect(over.spans()).toEqual([]); // [0, 0) is empty: nothing is counted, nothing is sent
    expect(over.state.open?.startedAt).toBe(s(0) + MAX_SILENCE_MS + 1);
  });

  it('closes at the earlier of last evidence and idle start when idleness arrives after a gap', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'checkpoint' }, s(30));
    run.send({ type: 'idleStateChanged', idle: 'idle' }, s(80)); // silence 50 s: continuous
    expect(run.spans()).toEqual([['res-a', A1, 0, 20]]);
    const late = new Run().look(A1, s(0));
    late.send({ type: 'checkpoint' }, s(30));
    late.send({ type: 'idleStateChanged', idle: 'idle' }, s(300)); // silence 270 s: a gap
    expect(late.spans()).toEqual([['res-a', A1, 0, 30]]);
  });

  it('does not trust time after the clock jumped backwards', () => {
    const run = new Run().look(A1, s(100));
    run.send({ type: 'checkpoint' }, s(130));
    run.send({ type: 'checkpoint' }, s(10));
    expect(run.spans()).toEqual([['res-a', A1, 100, 130]]);
    expect(run.state.open?.startedAt).toBe(s(10));
  });
});
