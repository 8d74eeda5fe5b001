// The vocabulary of the tracking engine: what it observes (signals), what it remembers (state) and what
// it produces (closed segments). Plain data only, so the state can be persisted as it is.

export type IdleState = 'active' | 'idle' | 'locked';

/** `reading`: the person reads (and gives input); `media`: audible video or audio plays on the page. */
export type SegmentMode = 'reading' | 'media';

/** What the browser lets us see of a tab; url and title are undefined without host permission. */
export interface TabView {
  readonly tabId: number;
  readonly windowId: number;
  readonly url?: string | undefined;
  readonly title?: string | undefined;
}

/** The part of the server's policy the engine applies. */
export interface TrackingRules {
  readonly resources: readonly { readonly id: string; readonly patterns: readonly string[] }[];
  readonly idleSeconds: number;
  /** Media-only counting this long without the person being seen raises the presence question. */
  readonly mediaPresenceSeconds: number;
}

/** A page of a designated resource. Pages that are not designated are never represented at all. */
export interface DesignatedPage {
  readonly resourceId: string;
  /** Normalised: no #fragment, no tracking parameters. */
  readonly url: string;
  readonly title: string;
}

/** What the content script on a designated page says about it (designated pages only). */
export interface PageReport {
  /** The page the report is about (normalised), so a report outlived by a navigation is ignored. */
  readonly url: string;
  readonly visible: boolean;
  /** Audible video or audio is playing. */
  readonly mediaPlaying: boolean;
  /** Last keyboard, mouse or touch input in the page (epoch ms), null when none yet. */
  readonly lastInputAt: number | null;
}

export interface OpenSegment extends DesignatedPage {
  readonly id: string;
  readonly mode: SegmentMode;
  readonly startedAt: number;
  /** Last moment (epoch ms) the engine had evidence the browser was alive and counting. */
  readonly lastSeenAt: number;
}

/** A finished interval of counted time, in epoch milliseconds (turned into wire form by the recorder). */
export interface ClosedSegment extends DesignatedPage {
  readonly id: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly mode: SegmentMode;
}

/**
 * The "are you still studying?" question. While it waits for an answer, segments that close are held
 * back; an answer releases them, silence past the answer window drops them and everything since askedAt.
 */
export interface PresenceQuestion {
  readonly askedAt: number;
  /** The tab the question is shown in. */
  readonly tabId: number;
  readonly held: readonly ClosedSegment[];
  /** True once the answer window passed: nothing counts until the person is seen again. */
  readonly unanswered: boolean;
}

export interface TrackerState {
  readonly rules: TrackingRules | null;
  /** The focused browser window, null when another application (or nothing) has focus. */
  readonly focusedWindowId: number | null;
  /** The active tab of the focused window, when known. */
  readonly activeTabId: number | null;
  /** The designated page shown in that tab; null for any other page. */
  readonly page: DesignatedPage | null;
  readonly idle: IdleState;
  /** When the current idle or locked stretch began (the last input), null while active. */
  readonly idleSince: number | null;
  /** Latest content-script report per tab id, for tabs showing designated pages only. */
  readonly reports: Readonly<Record<string, PageReport>>;
  /** The person paused counting from the popup. */
  readonly paused: boolean;
  readonly presence: PresenceQuestion | null;
  readonly open: OpenSegment | null;
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
