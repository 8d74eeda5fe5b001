// The tracking engine: a pure function from (state, signal, now) to the next state and the segments
// that closed. No browser API, no clock, no storage: adapters feed it, the recorder persists it.
//
//   signals ──► observe (where is the person looking?) ──► decide (should a segment be open?)
//
//   time ─────────────────────────────────────────────────────────────────────────────►
//   designated page, focused, active   |■■■■■■■■■■■■■■■■■■|                 |■■■■■■■
//   segment                             [started ... ended) ← page/tab/focus/idle change
//   idle detected at t                  [started ... t - idleSeconds)   (trimmed back)
//   silence longer than MAX_SILENCE_MS  [started ... lastSeenAt)  then a new one from now
import { designate, samePage } from './designation.ts';
import type { ClosedSegment, OpenSegment, Signal, TrackerState, TrackingRules, Transition } from './types.ts';

/** How often the checkpoint alarm fires (chrome.alarms will not fire more often than every 30 s). */
export const CHECKPOINT_INTERVAL_MS = 30_000;

/**
 * Longest time without any signal that still counts as continuous. Checkpoints keep the gap at about
 * CHECKPOINT_INTERVAL_MS while the browser runs; a longer gap means the browser was closed, crashed or
 * the machine slept, so the time since the last evidence is not counted.
 */
export const MAX_SILENCE_MS = CHECKPOINT_INTERVAL_MS * 2;

export const INITIAL_STATE: TrackerState = {
  rules: null,
  focusedWindowId: null,
  activeTabId: null,
  page: null,
  idle: 'active',
  open: null,
};

export function next(
  state: TrackerState,
  signal: Signal,
  nowMs: number,
  newId: () => string = () => crypto.randomUUID(),
): Transition {
  const observed = observe(state, signal);
  const wanted = isCounting(observed) ? observed.page : null;
  const segments: ClosedSegment[] = [];
  let open = state.open;

  if (open !== null) {
    // A clock that jumped backwards is treated like silence: nothing after the last evidence is trusted.
    const silent = nowMs - open.lastSeenAt > MAX_SILENCE_MS || nowMs < open.lastSeenAt;
    if (silent || !samePage(open, wanted)) {
      const closed = close(open, endOf(open, signal, observed.rules, nowMs, silent));
      if (closed !== null) segments.push(closed);
      open = null;
    }
  }

  if (wanted !== null) {
    open =
      open === null
        ? { ...wanted, id: newId(), startedAt: nowMs, lastSeenAt: nowMs }
        : // Titles settle after the URL while a page loads: keep the latest non-empty one.
          { ...open, title: wanted.title || open.title, lastSeenAt: nowMs };
  }

  return { state: { ...observed, open }, segments };
}

/** True when time is being counted in this state. */
export function isCounting(state: TrackerState): boolean {
  return state.rules !== null && state.focusedWindowId !== null && state.page !== null && state.idle === 'active';
}

/** Folds a signal into what the engine knows about the browser; never looks at the open segment. */
function observe(state: TrackerState, signal: Signal): TrackerState {
  switch (signal.type) {
    case 'observed': {
      const { focusedWindowId, activeTab, idle } = signal.world;
      const tab = focusedWindowId !== null && activeTab?.windowId === focusedWindowId ? activeTab : null;
      return {
        ...state,
        focusedWindowId,
        activeTabId: tab?.tabId ?? null,
        page: designate(state.rules, tab?.url, tab?.title),
        idle,
      };
    }
    case 'tabActivated':
    case 'tabUpdated': {
      // Adapters only report active tabs; one in a window without focus matters once that window is
      // focused, and the focus signal then brings its own look at the active tab.
      const { tab } = signal;
      if (tab.windowId !== state.focusedWindowId) return state;
      return { ...state, activeTabId: tab.tabId, page: designate(state.rules, tab.url, tab.title) };
    }
    case 'tabRemoved':
      return signal.tabId === state.activeTabId ? { ...state, activeTabId: null, page: null } : state;
    case 'windowFocusChanged': {
      const tab = signal.windowId !== null && signal.activeTab?.windowId === signal.windowId ? signal.activeTab : null;
      return {
        ...state,
        focusedWindowId: signal.windowId,
        activeTabId: tab?.tabId ?? null,
        page: designate(state.rules, tab?.url, tab?.title),
      };
    }
    case 'idleStateChanged':
      return { ...state, idle: signal.idle };
    case 'policyChanged':
      // Only designated pages are remembered, so a page that the new policy newly designates is found
      // by the 'observed' signal the adapters send after every policy change.
      return { ...state, rules: signal.rules, page: state.page && designate(signal.rules, state.page.url, state.page.title) };
    case 'checkpoint':
      return state;
    case 'signedOut':
      return { ...state, rules: null, page: null };
  }
}

/** When the open segment really ended, given why it is closing. */
function endOf(open: OpenSegment, signal: Signal, rules: TrackingRules | null, nowMs: number, silent: boolean): number {
  let end = silent ? open.lastSeenAt : nowMs;
  // The idle event fires idleSeconds after the last input: the person stopped reading back then.
  if (signal.type === 'idleStateChanged' && signal.idle === 'idle' && rules !== null) {
    end = Math.min(end, nowMs - rules.idleSeconds * 1000);
  }
  return end;
}

/** The closed segment, or null when nothing remains of it after trimming. */
function close(open: OpenSegment, endedAt: number): ClosedSegment | null {
  if (endedAt <= open.startedAt) return null;
  return {
    id: open.id,
    resourceId: open.resourceId,
    url: open.url,
    title: open.title,
    startedAt: open.startedAt,
    endedAt,
    mode: 'reading',
  };
}
