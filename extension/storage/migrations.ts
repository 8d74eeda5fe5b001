// How values stored by earlier versions of the extension are brought up to date (see items.ts).
import { DEFAULT_MEDIA_PRESENCE_SECONDS } from '../../shared/schemas/policy.ts';
import { type DayTotals, INITIAL_STATE, type TrackerState, type TrackingRules } from './tracker-state.ts';

interface TrackerStateV1 {
  readonly rules: { readonly resources: TrackingRules['resources']; readonly idleSeconds: number } | null;
  readonly focusedWindowId: number | null;
  readonly activeTabId: number | null;
  readonly page: TrackerState['page'];
  readonly idle: TrackerState['idle'];
  readonly open: { readonly id: string; readonly resourceId: string; readonly url: string; readonly title: string; readonly startedAt: number; readonly lastSeenAt: number } | null;
}

/**
 * v1 knew reading only: every open segment was reading, and no policy had a presence interval.
 * Earlier builds wrote v2 states without their version: those (they have `reports`) are kept as they are.
 */
export function migrateTrackerV1(old: TrackerStateV1 | TrackerState | null): TrackerState {
  if (old === null) return INITIAL_STATE;
  if ('reports' in old) return old;
  return {
    ...INITIAL_STATE,
    rules: old.rules && { ...old.rules, mediaPresenceSeconds: DEFAULT_MEDIA_PRESENCE_SECONDS },
    focusedWindowId: old.focusedWindowId,
    activeTabId: old.activeTabId,
    page: old.page,
    idle: old.idle,
    open: old.open && { ...old.open, mode: 'reading' },
  };
}

/**
 * v1 kept one day: { day, seconds }. Earlier builds wrote v2 totals (seconds per day) without their
 * version, so a value that is not v1's shape is such a total and is kept as it is.
 */
export function migrateDailyTotalV1(old: { readonly day: string; readonly seconds: number } | DayTotals | null): DayTotals | null {
  if (old === null) return null;
  const { day, seconds } = old as { day?: unknown; seconds?: unknown };
  if (typeof day === 'string' && typeof seconds === 'number') return { [day]: seconds };
  return old as DayTotals;
}
