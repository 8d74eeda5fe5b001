// The tracking probe: runs in designated pages only, and tells the background what only the page can
// see: whether it is visible, when the person last gave input, whether audible media plays, and that the
// machine slept. It sends on change, never on a timer, so it costs nothing while nothing happens; a
// click or key press is news too, because it makes the background look again at which window is in front.
import type { ProbeRequest } from '../probe-protocol.ts';
import type { ProbeReportOf } from '../probe-reports.ts';
import { audibleMediaPlaying, MEDIA_EVENTS } from './media.ts';
import { detectJump, type Tick } from './clock-jump.ts';
import type { PresencePrompt } from './presence-prompt.ts';

export type ProbeMessage = ProbeReportOf<'pageState'> | ProbeReportOf<'presenceConfirmed'> | ProbeReportOf<'clockJumped'>;

export interface ProbeDeps {
  readonly window: Window; // Test seam
  readonly send: (message: ProbeMessage) => void;
  readonly prompt: PresencePrompt;
  readonly now?: () => number;
  readonly monotonic?: () => number;
}

/** How often the probe looks at the clocks and the address (a visible page's timers run on time). */
export const TICK_MS = 5_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart', 'mousemove'] as const;
/**
 * A click is always reported and a key press at most this often: they are what gives a window its
 * focus back (Chromium sends no focus event for it after its popup closed), so the background looks
 * again. Pointer moves and scrolling reach windows without focus too, so they prove nothing and stay
 * in the page.
 */
export const INPUT_REPORT_MS = 2_000;

export interface Probe {
  /** Handles a request from the background. */
  receive(request: ProbeRequest): void;
  stop(): void;
}

export function startTrackingProbe(deps: ProbeDeps): Probe {
  const win = deps.window;
  const doc = win.document;
  const now = deps.now ?? (() => Date.now());
  const monotonic = deps.monotonic ?? (() => win.performance.now());
  const listeners: [EventTarget, string, EventListener][] = [];
  let lastInputAt: number | null = null;
  let inputReportedAt = -Infinity;
  let lastSent = '';
  let url = win.location.href;
  let tick: Tick = { wallMs: now(), monoMs: monotonic() };
  let visibleAtTick = doc.visibilityState === 'visible';

  const state = (mediaPlaying = audibleMediaPlaying(doc)): ProbeReportOf<'pageState'> => ({
    type: 'pageState',
    url,
    visible: doc.visibilityState === 'visible',
    mediaPlaying,
    lastInputAt,
  });

  /** Sends the page's state if it changed (input alone is news only while the question is shown). */
  const report = (force = false) => {
    const message = state();
    const key = JSON.stringify({ ...message, lastInputAt: deps.prompt.shown ? message.lastInputAt : null });
    if (!force && key === lastSent) return;
    lastSent = key;
    deps.send(message);
  };

  const listen = (target: EventTarget, type: string, fn: EventListener) => {
    target.addEventListener(type, fn, { capture: true, passive: true });
    listeners.push([target, type, fn]);
  };

  listen(doc, 'visibilitychange', () => report());
  for (const type of MEDIA_EVENTS) listen(doc, type, () => report());
  for (const type of INPUT_EVENTS) {
    listen(win, type, () => {
      const at = now();
      lastInputAt = at;
      const focusing = type === 'pointerdown' || (type === 'keydown' && at - inputReportedAt >= INPUT_REPORT_MS);
      if (deps.prompt.shown || focusing) {
        inputReportedAt = at;
        report(true);
      }
    });
  }
  // Leaving the page stops its media; the next page reports for itself.
  listen(win, 'pagehide', () => deps.send(state(false)));

  const timer = win.setInterval(() => {
    const current: Tick = { wallMs: now(), monoMs: monotonic() };
    const visible = doc.visibilityState === 'visible';
    // Hidden pages' timers are throttled on purpose: lateness there says nothing about the machine.
    const jump = visibleAtTick && visible ? detectJump(tick, current, TICK_MS) : null;
    if (jump !== null) deps.send({ type: 'clockJumped', ...jump });
    tick = current;
    visibleAtTick = visible;
    // Single-page sites change the address without loading a page.
    if (win.location.href !== url) {
      url = win.location.href;
      report(true);
    }
  }, TICK_MS);

  report(true);

  return {
    receive(request) {
      if (request.type === 'askPresence') deps.prompt.show();
      else deps.prompt.hide();
    },
    stop() {
      win.clearInterval(timer);
      for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, { capture: true });
      deps.prompt.hide();
    },
  };
}
