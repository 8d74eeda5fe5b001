// What the tracking engine observes: signals, and the look at the browser they carry. What it remembers
// (the state) and produces (closed segments) is persisted as it is, so it is declared in
// storage/tracker-state.ts.
import type { ClosedSegment, IdleState, PageReport, TrackerState, TrackingRules } from '../storage/tracker-state.ts';

/** What the browser lets us see of a tab; url and title are undefined without host permission. */
export interface TabView {
  readonly tabId: number;
  readonly windowId: number;
  readonly url?: string | undefined;
  readonly title?: string | undefined;
}

/** A fresh look at the browser, taken when the worker starts or visibility rules change. */
export interface World {
  readonly focusedWindowId: number | null;
  /** The active tab of the focused window. */
  readonly activeTab: TabView | null;
  readonly idle: IdleState;
}

export type Signal =
  | { readonly type: 'observed'; readonly world: World }
  | { readonly type: 'tabActivated'; readonly tab: TabView }
  | { readonly type: 'tabUpdated'; readonly tab: TabView }
  | { readonly type: 'tabRemoved'; readonly tabId: number }
  | { readonly type: 'windowFocusChanged'; readonly windowId: number | null; readonly activeTab: TabView | null }
  /**
   * A fresh look at the window in front of the person, taken whenever evidence arrives (page input,
   * tab activation, navigation, the checkpoint, the popup opening or closing). Focus events alone are
   * not trusted: Chrome reports "no window" when its own popup opens and nothing when it closes. It
   * restores or removes focus; another window than the one last focused is left to the focus events.
   */
  | { readonly type: 'focusChecked'; readonly windowId: number | null; readonly activeTab: TabView | null }
  | { readonly type: 'idleStateChanged'; readonly idle: IdleState }
  /** The content script of a tab reports its page (raw URL; the engine normalises and designates it). */
  | { readonly type: 'pageReported'; readonly tabId: number; readonly report: PageReport }
  | { readonly type: 'pauseChanged'; readonly paused: boolean }
  /** The person answered the presence question (in the page). */
  | { readonly type: 'presenceConfirmed' }
  /** The machine slept (or the clock was set forward): nothing between these instants counts. */
  | { readonly type: 'clockJumped'; readonly from: number; readonly to: number }
  | { readonly type: 'policyChanged'; readonly rules: TrackingRules | null }
  | { readonly type: 'checkpoint' }
  | { readonly type: 'signedOut' };

export interface Transition {
  readonly state: TrackerState;
  readonly segments: readonly ClosedSegment[];
}
