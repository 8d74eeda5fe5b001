// The probe reports what the page shows, only when it changes, and notices clock jumps; driven here with
// a small fake window (EventTarget-based) and fake clocks instead of a DOM library.
import { describe, expect, it, vi } from 'vitest';
import { INPUT_REPORT_MS, startTrackingProbe, TICK_MS, type ProbeMessage } from './tracking-probe.ts';
import type { PresencePrompt } from './presence-prompt.ts';

class FakeMedia extends EventTarget {
  paused = true;
  ended = false;
  muted = false;
  volume = 1;
}

class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
  media: FakeMedia[] = [];
  querySelectorAll() {
    return this.media;
  }
}

class FakeWindow extends EventTarget {
  readonly document = new FakeDocument();
  readonly location = { href: 'https://learn.example.org/v/1' };
  private timers: (() => void)[] = [];
  setInterval(fn: () => void) {
    this.timers.push(fn);
    return this.timers.length;
  }
  clearInterval() {
    this.timers = [];
  }
  tick() {
    for (const fn of this.timers) fn();
  }
}

function setUp() {
  const win = new FakeWindow();
  const sent: ProbeMessage[] = [];
  const clock = { wall: 1_000_000, mono: 0 };
  let shown = false;
  const prompt: PresencePrompt = {
    show: vi.fn(() => (shown = true)),
    hide: vi.fn(() => (shown = false)),
    get shown() {
      return shown;
    },
  };
  const probe = startTrackingProbe({
    window: win as unknown as Window,
    send: (m) => sent.push(m),
    prompt,
    now: () => clock.wall,
    monotonic: () => clock.mono,
  });
  const advance = (ms: number, monoMs = ms) => {
    clock.wall += ms;
    clock.mono += monoMs;
    win.tick();
  };
  return { win, sent, clock, prompt, probe, advance };
}

const state = (over: Partial<Extract<ProbeMessage, { type: 'pageState' }>> = {}) => ({
  type: 'pageState',
  url: 'https://learn.example.org/v/1',
  visible: true,
  mediaPlaying: false,
  lastInputAt: null,
  ...over,
});

describe('tracking probe', () => {
  it('reports the page at once, then only when something changed', () => {
    const { win, sent } = setUp();
    expect(sent).toEqual([state()]);
    win.document.dispatchEvent(new Event('visibilitychange'));
    expect(sent).toHaveLength(1);
    win.document.visibilityState = 'hidden';
    win.document.dispatchEvent(new Event('visibilitychange'));
    expect(sent.at(-1)).toEqual(state({ visible: false }));
  });

  it('reports audible media playing and paused, and ignores muted media', () => {
    const { win, sent } = setUp();
    const video = new FakeMedia();
    win.document.media.push(video);
    video.paused = false;
    video.muted = true;
    win.document.dispatchEvent(new Event('play'));
    expect(sent).toHaveLength(1);
    video.muted = false;
    win.document.dispatchEvent(new Event('volumechange'));
    expect(sent.at(-1)).toEqual(state({ mediaPlaying: true }));
    video.paused = true;
    win.document.dispatchEvent(new Event('pause'));
    expect(sent.at(-1)).toEqual(state({ mediaPlaying: false }));
  });

  it('reports a click always and a key press at most every INPUT_REPORT_MS; moves and scrolling only while the presence question is shown', () => {
    const { win, sent, clock, probe } = setUp();
    expect(sent).toHaveLength(1);
    win.dispatchEvent(new Event('mousemove'));
    win.dispatchEvent(new Event('wheel'));
    expect(sent).toHaveLength(1);
    win.dispatchEvent(new Event('keydown'));
    expect(sent.at(-1)).toEqual(state({ lastInputAt: clock.wall }));
    clock.wall += INPUT_REPORT_MS - 1;
    win.dispatchEvent(new Event('keydown'));
    expect(sent).toHaveLength(2);
    clock.wall += 1;
    win.dispatchEvent(new Event('keydown'));
    expect(sent).toHaveLength(3);
    clock.wall += 10;
    win.dispatchEvent(new Event('pointerdown'));
    expect(sent).toHaveLength(4);
    expect(sent.at(-1)).toEqual(state({ lastInputAt: clock.wall }));
    probe.receive({ type: 'askPresence' });
    clock.wall += 1000;
    win.dispatchEvent(new Event('wheel'));
    expect(sent.at(-1)).toEqual(state({ lastInputAt: clock.wall }));
  });

  it('shows and hides the question when the background says so', () => {
    const { probe, prompt } = setUp();
    probe.receive({ type: 'askPresence' });
    expect(prompt.shown).toBe(true);
    probe.receive({ type: 'dismissPresence' });
    expect(prompt.shown).toBe(false);
  });

  it('reports media stopped when the page is left', () => {
    const { win, sent } = setUp();
    const video = new FakeMedia();
    video.paused = false;
    win.document.media.push(video);
    win.dispatchEvent(new Event('pagehide'));
    expect(sent.at(-1)).toEqual(state({ mediaPlaying: false }));
  });

  it('reports a clock jump seen by a visible page, but not the throttled timers of a hidden one', () => {
    const { win, sent, clock, advance } = setUp();
    advance(TICK_MS);
    const before = clock.wall;
    advance(40_000, TICK_MS); // the machine slept 35 s
    expect(sent.at(-1)).toEqual({ type: 'clockJumped', from: before, to: clock.wall });
    const count = sent.length;
    win.document.visibilityState = 'hidden';
    advance(TICK_MS);
    advance(60_000);
    expect(sent.slice(count).filter((m) => m.type === 'clockJumped')).toEqual([]);
  });

  it('reports a new address on single-page sites', () => {
    const { win, sent, advance } = setUp();
    win.location.href = 'https://learn.example.org/v/2';
    advance(TICK_MS);
    expect(sent.at(-1)).toEqual(state({ url: 'https://learn.example.org/v/2' }));
  });

  it('stops listening and ticking when stopped', () => {
    const { win, sent, probe, advance } = setUp();
    probe.stop();
    win.document.visibilityState = 'hidden';
    win.document.dispatchEvent(new Event('visibilitychange'));
    advance(100_000, 0);
    expect(sent).toHaveLength(1);
  });
});
