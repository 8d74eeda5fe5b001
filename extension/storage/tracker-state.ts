// The tracking engine's state and the day totals as they are persisted (plain data, stored as they are),
// with the state a new install starts from. Declared here, below the engine, because storage/items.ts
// declares the items that hold them and storage/ builds on nothing above it; tracking/machine.ts works on them.

export type IdleState = 'active' | 'idle' | 'locked';

/** `reading`: the person reads (and gives input); `media`: audible video or audio plays on the page. */
export type SegmentMode = 'reading' | 'media';

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

/** Before the first look at the browser: nothing known, nothing counting. */
export const INITIAL_STATE: TrackerState = {
  rules: null,
  focusedWindowId: null,
  activeTabId: null,
  page: null,
  idle: 'active',
  idleSince: null,
  reports: {},
  paused: false,
  presence: null,
  open: null,
};

/** Seconds per date (YYYY-MM-DD) of the organisation's zone. */
export type DayTotals = Readonly<Record<string, number>>;
