// Every transition of the rules beyond plain reading: page reports (visibility, media), media mode,
// the presence question, pause, clock jumps and URL normalisation. Fake clock, predictable ids.
import { describe, expect, it } from 'vitest';
import { MAX_SILENCE_MS, PRESENCE_ANSWER_MS, next } from './machine.ts';
import { countingStatus } from './counting.ts';
import type { Signal, TabView } from './types.ts';
import { INITIAL_STATE, type ClosedSegment, type PageReport, type TrackerState, type TrackingRules } from '../storage/tracker-state.ts';

const RULES: TrackingRules = {
  resources: [
    { id: 'res-a', patterns: ['https://learn.example.org/a/*'] },
    { id: 'res-v', patterns: ['https://video.example.org/*'] },
  ],
  idleSeconds: 60,
  mediaPresenceSeconds: 600,
};
const A1 = 'https://learn.example.org/a/1';
const V1 = 'https://video.example.org/lecture/1';
const V2 = 'https://video.example.org/lecture/2';
const OTHER = 'https://news.example.com/private';
const T0 = Date.UTC(2026, 2, 6, 1, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;
const ASK_AFTER = RULES.mediaPresenceSeconds;
const ANSWER = PRESENCE_ANSWER_MS / 1000;

const tab = (tabId: number, windowId: number, url?: string, title = 'Title'): TabView => ({ tabId, windowId, url, title });
const report = (url: string, over: Partial<PageReport> = {}): PageReport => ({
  url,
  visible: true,
  mediaPlaying: false,
  lastInputAt: null,
  ...over,
});

class Run {
  state: TrackerState;
  readonly closed: ClosedSegment[] = [];
  private ids = 0;

  constructor(state: TrackerState = { ...INITIAL_STATE, rules: RULES }) {
    this.state = state;
  }

  send(signal: Signal, at: number): this {
    const result = next(this.state, signal, at, () => `seg-${++this.ids}`);
    this.state = result.state;
    this.closed.push(...result.segments);
    return this;
  }

  look(url: string, at: number): this {
    return this.send({ type: 'observed', world: { focusedWindowId: 1, activeTab: tab(10, 1, url), idle: 'active' } }, at);
  }

  page(over: Partial<PageReport>, at: number, url = this.state.page?.url ?? V1, tabId = 10): this {
    return this.send({ type: 'pageReported', tabId, report: report(url, over) }, at);
  }

  /** Checkpoints every 30 s from `from` to `to` (inclusive when aligned), as the alarm sends them. */
  tick(from: number, to: number): this {
    for (let t = from + 30; t <= to; t += 30) this.send({ type: 'checkpoint' }, s(t));
    return this;
  }

  spans(): [string, string, number, number][] {
    return this.closed.map((c) => [c.mode, c.url, (c.startedAt - T0) / 1000, (c.endedAt - T0) / 1000]);
  }
}

describe('page reports', () => {
  it('stops counting while the page is hidden and resumes when it is visible again', () => {
    const run = new Run().look(A1, s(0)).page({ visible: false }, s(10));
    expect(run.spans()).toEqual([['reading', A1, 0, 10]]);
    expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'page-hidden' });
    run.page({ visible: true }, s(25));
    expect(run.state.open).toMatchObject({ url: A1, startedAt: s(25), mode: 'reading' });
  });

  it('counts a page without a report as visible and silent (no content script yet)', () => {
    const run = new Run().look(A1, s(0));
    expect(countingStatus(run.state)).toEqual({ counting: true, mode: 'reading' });
  });

  it('ignores a report about an earlier page of the tab (the page navigated since)', () => {
    const run = new Run().look(A1, s(0));
    run.send({ type: 'pageReported', tabId: 10, report: report('https://learn.example.org/a/old', { visible: false }) }, s(5));
    expect(run.closed).toEqual([]);
    expect(run.state.open?.url).toBe(A1);
  });

  it('matches a report by the normalised URL', () => {
    const run = new Run().look(`${A1}?utm_source=mail#top`, s(0));
    expect(run.state.page?.url).toBe(A1);
    run.page({ visible: false }, s(7), `${A1}#other?`);
    expect(run.spans()).toEqual([['reading', A1, 0, 7]]);
  });

  it('never stores a report about a page that is not designated', () => {
    const run = new Run().look(A1, s(0)).page({ mediaPlaying: true }, s(1), OTHER, 11);
    expect(JSON.stringify(run.state)).not.toContain('news.example.com');
    expect(run.state.reports).toEqual({});
  });

  it('forgets the report of a closed tab, and a report once its page is no longer designated', () => {
    const run = new Run().look(A1, s(0)).page({}, s(1), V1, 11).page({}, s(2), A1, 10);
    expect(Object.keys(run.state.reports).sort()).toEqual(['10', '11']);
    run.send({ type: 'tabRemoved', tabId: 11 }, s(3));
    expect(Object.keys(run.state.reports)).toEqual(['10']);
    run.send({ type: 'policyChanged', rules: { ...RULES, resources: [RULES.resources[1]!] } }, s(4));
    expect(run.state.reports).toEqual({});
    run.page({}, s(5), A1, 10);
    expect(run.state.reports).toEqual({});
  });

  it('keeps at most 50 reports', () => {
    const run = new Run().look(A1, s(0));
    for (let i = 0; i < 80; i++) run.page({}, s(1), `${V1}?n=${i}`, 100 + i);
    expect(Object.keys(run.state.reports)).toHaveLength(50);
    expect(run.state.reports['179']?.url).toBe(`${V1}?n=79`);
  });
});

describe('media mode', () => {
  it('counts audible media as media, splitting at play and pause', () => {
    const run = new Run().look(V1, s(0)).page({ mediaPlaying: true }, s(20)).page({ mediaPlaying: false }, s(80));
    expect(run.spans()).toEqual([
      ['reading', V1, 0, 20],
      ['media', V1, 20, 80],
    ]);
    expect(run.state.open).toMatchObject({ mode: 'reading', startedAt: s(80) });
  });

  it('keeps counting media while the person is idle, and stops at once when the media pauses', () => {
    const run = new Run().look(V1, s(0)).page({ mediaPlaying: true }, s(0)).tick(0, 90);
    run.send({ type: 'idleStateChanged', idle: 'idle' }, s(100));
    expect(run.closed).toEqual([]);
    expect(countingStatus(run.state)).toEqual({ counting: true, mode: 'media' });
    run.tick(100, 200).page({ mediaPlaying: false }, s(215));
    expect(run.spans()).toEqual([['media', V1, 0, 215]]);
    expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'idle' });
  });

  it('trims back to the last input when idleness is reported after the media paused', () => {
    const run = new Run().look(V1, s(0)).page({ mediaPlaying: true }, s(0)).page({ mediaPlaying: false }, s(50));
    run.send({ type: 'idleStateChanged', idle: 'idle' }, s(100));
    // The last input was at 40 s, before the pause: the reading segment after the pause is empty.
    expect(run.spans()).toEqual([['media', V1, 0, 50]]);
  });

  it('does not count media on a tab that is not active, and counts it as soon as the tab is', () => {
    const run = new Run().look(A1, s(0)).page({ mediaPlaying: true }, s(5), V1, 11);
    expect(run.state.open?.mode).toBe('reading');
    run.send({ type: 'tabActivated', tab: tab(11, 1, V1) }, s(30));
    expect(run.spans()).toEqual([['reading', A1, 0, 30]]);
    expect(run.state.open).toMatchObject({ url: V1, mode: 'media', startedAt: s(30) });
  });

  it('does not count media when the window loses focus, the page is hidden or the screen locks', () => {
    const base = () => new Run().look(V1, s(0)).page({ mediaPlaying: true }, s(0));
    expect(base().send({ type: 'windowFocusChanged', windowId: null, activeTab: null }, s(9)).spans()).toEqual([['media', V1, 0, 9]]);
    expect(base().page({ mediaPlaying: true, visible: false }, s(8)).spans()).toEqual([['media', V1, 0, 8]]);
    const locked = base().send({ type: 'idleStateChanged', idle: 'locked' }, s(7));
    expect(locked.spans()).toEqual([['media', V1, 0, 7]]);
    expect(countingStatus(locked.state)).toEqual({ counting: false, reason: 'locked' });
  });

  it('starts counting media that plays while the person is already idle', () => {
    const run = new Run().look(V1, s(0)).tick(0, 60);
    run.send({ type: 'idleStateChanged', idle: 'idle' }, s(70));
    run.page({ mediaPlaying: true }, s(100));
    expect(run.spans()).toEqual([['reading', V1, 0, 10]]);
    expect(run.state.open).toMatchObject({ mode: 'media', startedAt: s(100) });
  });
});

describe('the presence question', () => {
  /** Media playing from 0 s, the person idle since 0 s (reported at 60 s). */
  const watching = () =>
    new Run()
      .look(V1, s(0))
      .page({ mediaPlaying: true }, s(0))
      .tick(0, 30)
      .send({ type: 'idleStateChanged', idle: 'idle' }, s(60))
      .tick(60, ASK_AFTER - 30);

  it('is asked at the first signal after the presence interval of media without the person, splitting the segment', () => {
    const run = watching();
    expect(run.state.presence).toBeNull();
    run.send({ type: 'checkpoint' }, s(ASK_AFTER));
    expect(run.state.presence).toEqual({ askedAt: s(ASK_AFTER), tabId: 10, held: [], unanswered: false });
    expect(run.spans()).toEqual([['media', V1, 0, ASK_AFTER]]);
    expect(run.state.open).toMatchObject({ id: 'seg-3', mode: 'media', startedAt: s(ASK_AFTER) });
    expect(countingStatus(run.state)).toEqual({ counting: true, mode: 'media' });
  });

  it('is not asked while the person gives input, nor for reading', () => {
    const active = new Run().look(V1, s(0)).page({ mediaPlaying: true }, s(0)).tick(0, ASK_AFTER * 2);
    expect(active.state.presence).toBeNull();
    const reading = new Run().look(A1, s(0)).tick(0, 30).send({ type: 'idleStateChanged', idle: 'idle' }, s(60));
    reading.tick(60, ASK_AFTER * 2);
    expect(reading.state.presence).toBeNull();
  });

  it('counts on when answered in time: input via chrome.idle releases what was held', () => {
    const run = watching().send({ type: 'checkpoint' }, s(ASK_AFTER));
    run.send({ type: 'tabActivated', tab: tab(10, 1, V2) }, s(ASK_AFTER + 20)); // autoplay moves to the next lecture
    expect(run.spans()).toEqual([['media', V1, 0, ASK_AFTER]]);
    expect(run.state.presence?.held).toHaveLength(1);
    run.page({ mediaPlaying: true }, s(ASK_AFTER + 21), V2);
    run.send({ type: 'idleStateChanged', idle: 'active' }, s(ASK_AFTER + 60));
    expect(run.state.presence).toBeNull();
    expect(run.spans()).toEqual([
      ['media', V1, 0, ASK_AFTER],
      ['media', V1, ASK_AFTER, ASK_AFTER + 20],
    ]); // nothing between 620 s and 621 s: the person was idle and V2 not yet playing
    expect(run.state.open).toMatchObject({ url: V2, mode: 'media', startedAt: s(ASK_AFTER + 21) });
  });

  it('counts on when answered in the page, and does not ask again at once', () => {
    const run = watching().send({ type: 'checkpoint' }, s(ASK_AFTER));
    run.send({ type: 'presenceConfirmed' }, s(ASK_AFTER + 90));
    expect(run.state.presence).toBeNull();
    expect(run.state.idleSince).toBe(s(ASK_AFTER + 90));
    run.tick(ASK_AFTER + 90, ASK_AFTER + 90 + ASK_AFTER - 30);
    expect(run.state.presence).toBeNull();
    run.send({ type: 'checkpoint' }, s(2 * ASK_AFTER + 90));
    expect(run.state.presence?.askedAt).toBe(s(2 * ASK_AFTER + 90));
  });

  it('counts input in the page after the question as an answer, but not input from before it', () => {
    const run = watching().send({ type: 'checkpoint' }, s(ASK_AFTER));
    run.page({ mediaPlaying: true, lastInputAt: s(ASK_AFTER - 1) }, s(ASK_AFTER + 5));
    expect(run.state.presence).not.toBeNull();
    run.page({ mediaPlaying: true, lastInputAt: s(ASK_AFTER + 6) }, s(ASK_AFTER + 7));
    expect(run.state.presence).toBeNull();
  });

  it('unanswered, stops counting from the moment it was asked and drops what it held', () => {
    const run = watching().send({ type: 'checkpoint' }, s(ASK_AFTER));
    run.page({ mediaPlaying: false }, s(ASK_AFTER + 40)); // the lecture ends during the question
    run.page({ mediaPlaying: true }, s(ASK_AFTER + 50)); // and the next one starts
    run.tick(ASK_AFTER + 150, ASK_AFTER + ANSWER - 30);
    expect(run.state.presence?.unanswered).toBe(false);
    run.send({ type: 'checkpoint' }, s(ASK_AFTER + ANSWER));
    expect(run.spans()).toEqual([['media', V1, 0, ASK_AFTER]]);
    expect(run.state.open).toBeNull();
    expect(run.state.presence).toEqual({ askedAt: s(ASK_AFTER), tabId: 10, held: [], unanswered: true });
    expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'away' });
    run.tick(ASK_AFTER + ANSWER, ASK_AFTER + ANSWER + 300);
    expect(run.spans()).toHaveLength(1);
  });

  it('after going unanswered, counts again from the moment the person is seen', () => {
    const run = watching().send({ type: 'checkpoint' }, s(ASK_AFTER)).tick(ASK_AFTER, ASK_AFTER + ANSWER);
    run.send({ type: 'idleStateChanged', idle: 'active' }, s(ASK_AFTER + ANSWER + 100));
    expect(run.state.presence).toBeNull();
    expect(run.state.open).toMatchObject({ mode: 'media', startedAt: s(ASK_AFTER + ANSWER + 100) });
  });

  it('an answer that arrives after the window has passed comes too late for the held time', () => {
    const run = watching().send({ type: 'checkpoint' }, s(ASK_AFTER));
    // The browser was closed during the question and the answer comes with the first signal after.
    run.send({ type: 'idleStateChanged', idle: 'active' }, s(ASK_AFTER + ANSWER + 5));
    expect(run.spans()).toEqual([['media', V1, 0, ASK_AFTER]]);
    expect(run.state.presence).toBeNull();
    expect(run.state.open).toMatchObject({ startedAt: s(ASK_AFTER + ANSWER + 5) });
  });

  it('a pause from the popup or a sign-out is an answer', () => {
    const paused = watching().send({ type: 'checkpoint' }, s(ASK_AFTER)).send({ type: 'pauseChanged', paused: true }, s(ASK_AFTER + 10));
    expect(paused.spans()).toEqual([
      ['media', V1, 0, ASK_AFTER],
      ['media', V1, ASK_AFTER, ASK_AFTER + 10],
    ]);
    const out = watching().send({ type: 'checkpoint' }, s(ASK_AFTER)).send({ type: 'signedOut' }, s(ASK_AFTER + 10));
    expect(out.spans()).toEqual(paused.spans());
    expect(out.state.presence).toBeNull();
  });
});

describe('pause', () => {
  it('stops counting at once, counts nothing while paused, and resumes on request', () => {
    const run = new Run().look(A1, s(0)).send({ type: 'pauseChanged', paused: true }, s(12));
    expect(run.spans()).toEqual([['reading', A1, 0, 12]]);
    expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'paused' });
    run.send({ type: 'tabActivated', tab: tab(11, 1, V1) }, s(20)).page({ mediaPlaying: true }, s(21), V1, 11).tick(21, 200);
    expect(run.state.open).toBeNull();
    run.send({ type: 'pauseChanged', paused: false }, s(300));
    expect(run.state.open).toMatchObject({ url: V1, mode: 'media', startedAt: s(300) });
  });

  it('is forgotten at sign-out', () => {
    const run = new Run().send({ type: 'pauseChanged', paused: true }, s(0)).send({ type: 'signedOut' }, s(1));
    expect(run.state.paused).toBe(false);
  });
});

describe('clock jumps (sleep, suspend, clock set forward)', () => {
  it('does not count the jump and continues from now', () => {
    const run = new Run().look(A1, s(0)).tick(0, 30);
    run.send({ type: 'checkpoint' }, s(75)); // woke at 70 s: the alarm fires, 45 s of silence looks continuous
    run.send({ type: 'clockJumped', from: s(40), to: s(70) }, s(76));
    expect(run.spans()).toEqual([['reading', A1, 0, 40]]);
    expect(run.state.open).toMatchObject({ id: 'seg-2', startedAt: s(76) });
  });

  it('leaves a segment that began after the jump alone', () => {
    const run = new Run().look(A1, s(100)).send({ type: 'clockJumped', from: s(40), to: s(70) }, s(101));
    expect(run.closed).toEqual([]);
    expect(run.state.open?.startedAt).toBe(s(100));
  });

  it('ignores a jump that is not forwards', () => {
    const run = new Run().look(A1, s(0)).send({ type: 'clockJumped', from: s(20), to: s(20) }, s(30));
    expect(run.closed).toEqual([]);
  });

  it('never lengthens a segment, whatever the instants claimed', () => {
    const run = new Run().look(A1, s(0)).send({ type: 'clockJumped', from: s(500), to: s(900) }, s(30));
    expect(run.spans()).toEqual([['reading', A1, 0, 30]]);
  });

  it('a silence longer than the limit is a gap even without a jump report', () => {
    const run = new Run().look(V1, s(0)).page({ mediaPlaying: true }, s(0));
    run.send({ type: 'checkpoint' }, s(0) + MAX_SILENCE_MS + 1000);
    expect(run.spans()).toEqual([]);
    expect(run.state.open?.startedAt).toBe(s(0) + MAX_SILENCE_MS + 1000);
  });
});

describe('why not counting', () => {
  it('names the first reason that applies', () => {
    const reason = (state: TrackerState) => countingStatus(state);
    expect(reason(INITIAL_STATE)).toEqual({ counting: false, reason: 'signed-out' });
    const run = new Run();
    expect(reason(run.state)).toEqual({ counting: false, reason: 'browser-not-focused' });
    run.look(OTHER, s(0));
    expect(reason(run.state)).toEqual({ counting: false, reason: 'not-designated' });
    run.look(A1, s(1)).send({ type: 'idleStateChanged', idle: 'idle' }, s(100));
    expect(reason(run.state)).toEqual({ counting: false, reason: 'idle' });
    run.send({ type: 'pauseChanged', paused: true }, s(101));
    expect(reason(run.state)).toEqual({ counting: false, reason: 'paused' });
  });
});
