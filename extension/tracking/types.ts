// The vocabulary of the tracking engine: what it observes (signals), what it remembers (state) and what
// it produces (closed segments). Plain data only, so the state can be persisted as it is.

export type IdleState = 'active' | 'idle' | 'locked';

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
}

/** A page of a designated resource. Pages that are not designated are never represented at all. */
export interface DesignatedPage {
  readonly resourceId: string;
  /** Without the #fragment. */
  readonly url: string;
  readonly title: string;
}

export interface OpenSegment extends DesignatedPage {
  readonly id: string;
  readonly startedAt: number;
  /** Last moment (epoch ms) the engine had evidence the browser was alive and counting. */
  readonly lastSeenAt: number;
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
  | { readonly type: 'idleStateChanged'; readonly idle: IdleState }
  | { readonly type: 'policyChanged'; readonly rules: TrackingRules | null }
  | { readonly type: 'checkpoint' }
  | { readonly type: 'signedOut' };

/** A finished interval of counted time, in epoch milliseconds (turned into wire form by the recorder). */
export interface ClosedSegment extends DesignatedPage {
  readonly id: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly mode: 'reading';
}

export interface Transition {
  readonly state: TrackerState;
  readonly segments: readonly ClosedSegment[];
}
