// The tracking engine: a pure function from (state, signal, now) to the next state and the segments
// that closed. No browser API, no clock, no storage: adapters feed it, the recorder persists it.
//
//   signal ──► observe (what does the browser show?) ──► settle the presence question
//          ──► decide (which page, which mode, if any, counts now?) ──► close / open / ask
//
//   time ──────────────────────────────────────────────────────────────────────────────────►
//   designated page, focused, visible, active    |■■■■■■■■■■■■|           |■■■■■■■■■■■
//   segment (reading)                             [started ... ended) ← page/tab/focus/mode change
//   idle reported at t                            [started ... t − idleSeconds)      (trimmed back)
//   silence > MAX_SILENCE_MS, or a clock jump     [started ... last evidence)  then a new one from now
//   audible media, no input (media)               [started ............ asked)[asked ... held ...)
//   presence question unanswered after PRESENCE_ANSWER_MS           the held part is dropped
import { designate, samePage } from './designation.ts';
import { countingMode } from './counting.ts';
import type { Signal, Transition } from './types.ts';
import type { ClosedSegment, IdleState, OpenSegment, PageReport, TrackerState } from '../storage/tracker-state.ts';

/** How often the checkpoint alarm fires (chrome.alarms will not fire more often than every 30 s). */
export const CHECKPOINT_INTERVAL_MS = 30_000;

/**
 * Longest time without any signal that still counts as continuous. Checkpoints keep the gap at about
 * CHECKPOINT_INTERVAL_MS while the browser runs; a longer gap means the browser was closed, crashed or
 * the machine slept, so the time since the last evidence is not counted.
 */
export const MAX_SILENCE_MS = CHECKPOINT_INTERVAL_MS * 2;

/** How long the presence question waits for an answer ("a few minutes"). */
export const PRESENCE_ANSWER_MS = 3 * 60_000;

/** Reports kept for tabs other than the active one, so switching to a playing video counts at once. */
const MAX_REPORTS = 50;

export function next(
  state: TrackerState,
  signal: Signal,
  nowMs: number,
  newId: () => string = () => crypto.randomUUID(),
): Transition {
  const observed = observe(state, signal, nowMs);
  const seen = personSeen(state, observed, signal);
  const segments: ClosedSegment[] = [];

  // The presence question: an answer window that passed drops what it held (even if the answer
  // arrives with this very signal: it came too late); an answer in time releases it.
  let presence = state.presence;
  let cutAt: number | null = null;
  if (presence !== null && !presence.unanswered && nowMs >= presence.askedAt + PRESENCE_ANSWER_MS) {
    cutAt = presence.askedAt;
    presence = { ...presence, held: [], unanswered: true };
  }
  if (presence !== null && seen) {
    segments.push(...presence.held);
    presence = null;
  }
  const idleSince = seen && observed.idle === 'idle' ? nowMs : observed.idleSince;
  const settled: TrackerState = { ...observed, idleSince, presence };

  const mode = countingMode(settled);
  const wanted = mode === null || settled.page === null ? null : { ...settled.page, mode };
  let open = state.open;

  if (open !== null) {
    // A clock that jumped backwards is treated like silence: nothing after the last evidence is trusted.
    const silent = nowMs - open.lastSeenAt > MAX_SILENCE_MS || nowMs < open.lastSeenAt;
    const jumped = signal.type === 'clockJumped' && signal.from < signal.to && open.startedAt < signal.to;
    if (silent || jumped || cutAt !== null || wanted === null || !samePage(open, wanted) || open.mode !== wanted.mode) {
      let end = silent ? open.lastSeenAt : nowMs;
      if (jumped) end = Math.min(end, signal.from);
      if (cutAt !== null) end = Math.min(end, cutAt);
      // Idleness is reported idleSeconds after the last input: the person stopped reading back then.
      if (state.idle === 'active' && observed.idle === 'idle' && observed.idleSince !== null) {
        end = Math.min(end, observed.idleSince);
      }
      const closed = close(open, end);
      if (closed !== null) {
        if (presence !== null && !presence.unanswered) presence = { ...presence, held: [...presence.held, closed] };
        else segments.push(closed);
      }
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

  // Media has played for the presence interval without the person being seen: ask. What was counted
  // until now is closed and safe; the rest waits for the answer.
  if (presence === null && open !== null && open.mode === 'media' && shouldAsk(settled, nowMs)) {
    const before = close(open, nowMs);
    if (before !== null) segments.push(before);
    open = { ...open, id: newId(), startedAt: nowMs, lastSeenAt: nowMs };
    presence = { askedAt: nowMs, tabId: settled.activeTabId!, held: [], unanswered: false };
  }

  return { state: { ...settled, presence, open }, segments };
}

function shouldAsk(state: TrackerState, nowMs: number): boolean {
  if (state.rules === null || state.idle !== 'idle' || state.idleSince === null || state.activeTabId === null) return false;
  return nowMs - state.idleSince >= state.rules.mediaPresenceSeconds * 1000;
}

/** Whether the signal is evidence that the person is at the browser right now. */
function personSeen(before: TrackerState, after: TrackerState, signal: Signal): boolean {
  switch (signal.type) {
    case 'presenceConfirmed':
    case 'pauseChanged': // a click in the popup
    case 'signedOut': // a click on the options page
      return true;
    case 'pageReported': {
      const input = signal.report.lastInputAt;
      return before.presence !== null && input !== null && input > before.presence.askedAt;
    }
    default:
      return before.idle !== 'active' && after.idle === 'active';
  }
}

/** Folds a signal into what the engine knows about the browser; never looks at the open segment. */
function observe(state: TrackerState, signal: Signal, nowMs: number): TrackerState {
  switch (signal.type) {
    case 'observed': {
      const { focusedWindowId, activeTab, idle } = signal.world;
      const tab = focusedWindowId !== null && activeTab?.windowId === focusedWindowId ? activeTab : null;
      return {
        ...withIdle(state, idle, nowMs),
        focusedWindowId,
        activeTabId: tab?.tabId ?? null,
        page: designate(state.rules, tab?.url, tab?.title),
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
    case 'tabRemoved': {
      const reports = withoutReport(state.reports, signal.tabId);
      return signal.tabId === state.activeTabId ? { ...state, reports, activeTabId: null, page: null } : { ...state, reports };
    }
    case 'focusChecked': {
      // A look can lag behind the focus events (Chromium answers with the previous window for a moment
      // after another one was focused): it restores focus when none is believed, or takes it away when
      // the browser says none is focused, but does not overrule an event that named another window.
      const { windowId } = signal;
      if (windowId !== null && state.focusedWindowId !== null && windowId !== state.focusedWindowId) return state;
      const tab = windowId !== null && signal.activeTab?.windowId === windowId ? signal.activeTab : null;
      return { ...state, focusedWindowId: windowId, activeTabId: tab?.tabId ?? null, page: designate(state.rules, tab?.url, tab?.title) };
    }
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
      return withIdle(state, signal.idle, nowMs);
    case 'pageReported': {
      // Only designated pages are remembered, under their normalised URL.
      const page = designate(state.rules, signal.report.url, undefined);
      const others = withoutReport(state.reports, signal.tabId);
      if (page === null) return { ...state, reports: others };
      const kept = Object.entries(others).slice(-(MAX_REPORTS - 1));
      return { ...state, reports: { ...Object.fromEntries(kept), [signal.tabId]: { ...signal.report, url: page.url } } };
    }
    case 'pauseChanged':
      return { ...state, paused: signal.paused };
    case 'policyChanged': {
      // Only designated pages are remembered, so a page that the new policy newly designates is found
      // by the 'observed' signal the adapters send after every policy change.
      const reports = Object.entries(state.reports).filter(([, r]) => designate(signal.rules, r.url, undefined) !== null);
      return {
        ...state,
        rules: signal.rules,
        page: state.page && designate(signal.rules, state.page.url, state.page.title),
        reports: Object.fromEntries(reports),
      };
    }
    case 'presenceConfirmed':
    case 'clockJumped':
    case 'checkpoint':
      return state;
    case 'signedOut':
      return { ...state, rules: null, page: null, reports: {}, paused: false };
  }
}

/** The new idle state, and when the person was last seen if they are idle or locked. */
function withIdle(state: TrackerState, idle: IdleState, nowMs: number): TrackerState {
  if (idle === 'active') return { ...state, idle, idleSince: null };
  if (state.idle !== 'active') return { ...state, idle, idleSince: state.idleSince ?? nowMs };
  // The idle event fires idleSeconds after the last input; locking happens at once.
  const since = idle === 'idle' && state.rules !== null ? nowMs - state.rules.idleSeconds * 1000 : nowMs;
  return { ...state, idle, idleSince: since };
}

function withoutReport(reports: Readonly<Record<string, PageReport>>, tabId: number): Record<string, PageReport> {
  const { [String(tabId)]: _dropped, ...rest } = reports;
  return rest;
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
    mode: open.mode,
  };
}
