import type { PageReport, SegmentMode, TrackerState } from '../storage/tracker-state.ts';
// Whether a state counts time, in which mode, and if not, why not: the one definition the engine, the
// badge and the popup share.

export type NotCountingReason =
  | 'signed-out' // no policy: nothing is designated
  | 'paused' // the person paused counting
  | 'away' // the presence question went unanswered
  | 'browser-not-focused' // another application, a minimised window, or no window
  | 'not-designated' // the active tab is not a designated resource: nothing is recorded
  | 'page-hidden' // the page reports it is not visible
  | 'locked' // the screen is locked
  | 'idle'; // no input for the policy's idle threshold, and no media playing

export type CountingStatus =
  | { readonly counting: true; readonly mode: SegmentMode }
  | { readonly counting: false; readonly reason: NotCountingReason };

/**
 * Counting needs a designated page in the active tab of the focused window, visible, screen unlocked,
 * not paused, and either input within the idle threshold (reading) or audible media playing (media).
 */
export function countingStatus(state: TrackerState): CountingStatus {
  if (state.rules === null) return { counting: false, reason: 'signed-out' };
  if (state.paused) return { counting: false, reason: 'paused' };
  if (state.presence?.unanswered) return { counting: false, reason: 'away' };
  if (state.focusedWindowId === null) return { counting: false, reason: 'browser-not-focused' };
  if (state.page === null) return { counting: false, reason: 'not-designated' };
  const report = activeReport(state);
  if (report !== null && !report.visible) return { counting: false, reason: 'page-hidden' };
  if (state.idle === 'locked') return { counting: false, reason: 'locked' };
  if (report?.mediaPlaying) return { counting: true, mode: 'media' };
  if (state.idle === 'idle') return { counting: false, reason: 'idle' };
  return { counting: true, mode: 'reading' };
}

export function countingMode(state: TrackerState): SegmentMode | null {
  const status = countingStatus(state);
  return status.counting ? status.mode : null;
}

/**
 * The content script's report on the page in the active tab. Null when there is none (the script is
 * not injected yet): the page then counts as visible and silent, as it would without a content script.
 */
export function activeReport(state: TrackerState): PageReport | null {
  if (state.activeTabId === null || state.page === null) return null;
  const report = state.reports[String(state.activeTabId)];
  return report !== undefined && report.url === state.page.url ? report : null;
}
