// Runs the tracking engine in the service worker: one signal at a time, each transition persisted
// together with the segments it closed (one storage write), so a stopped worker loses nothing.
import { MIN_SEGMENT_MS, type Segment } from '../../shared/schemas/sync.ts';
import { organisationZone } from '../storage/organisation-zone.ts';
import { dailyTotalItem, offeredItem, outboxItem, policyItem, trackerItem, writeItems, type ItemWrite } from '../storage/items.ts';
import { withStorageLock } from '../storage/lock.ts';
import { appendSegments } from '../sync/outbox.ts';
import { compact, withinBudget } from '../sync/compaction.ts';
import { addClosed } from './daily-total.ts';
import { next } from './machine.ts';
import type { Signal } from './types.ts';
import type { DayTotals, ClosedSegment, TrackerState } from '../storage/tracker-state.ts';

export interface Recorder {
  /**
   * Queues a signal. The producer runs in turn with the current state, so browser queries it makes
   * reflect the moment the signal is applied; null means there is nothing to apply.
   */
  dispatch(produce: (state: TrackerState) => Promise<Signal | null> | Signal | null): Promise<void>;
}

/** What changed in one persisted step, for the adapters that show it (badge, presence prompt). */
export interface Step {
  readonly before: TrackerState;
  readonly after: TrackerState;
  readonly totals: DayTotals | null;
  readonly nowMs: number;
  /** The organisation's zone, whose days the totals are. */
  readonly timeZone: string;
}

export function createRecorder(deps: {
  now: () => number;
  onSegmentsClosed: (segments: readonly Segment[]) => void;
  onStep?: (step: Step) => void;
}): Recorder {
  return {
    async dispatch(produce) {
      const result = await withStorageLock(async () => {
        const state = await trackerItem.getValue();
        const signal = await produce(state);
        if (signal === null) return null;
        const now = deps.now();
        const transition = next(state, signal, now);
        // A focus flicker or a page passed through is not study: such segments are not recorded.
        const closed = transition.segments.filter((s) => s.endedAt - s.startedAt >= MIN_SEGMENT_MS);
        const segments = closed.map(toWire);
        const writes: ItemWrite[] = [{ item: trackerItem, value: transition.state }];
        let totals = await dailyTotalItem.getValue();
        const timeZone = organisationZone(await policyItem.getValue());
        if (segments.length > 0) {
          const offered = new Set(await offeredItem.getValue());
          const { kept, dropped } = withinBudget(compact(appendSegments(await outboxItem.getValue(), segments), offered));
          if (dropped > 0) console.warn(`[studytrail] outbox over its storage budget: ${dropped} oldest segments given up`);
          totals = addClosed(totals, closed, now, timeZone);
          writes.push({ item: outboxItem, value: kept }, { item: dailyTotalItem, value: totals });
        }
        await writeItems(writes);
        return { segments, step: { before: state, after: transition.state, totals, nowMs: now, timeZone } };
      });
      if (result === null) return;
      if (result.segments.length > 0) deps.onSegmentsClosed(result.segments);
      deps.onStep?.(result.step);
    },
  };
}

function toWire(segment: ClosedSegment): Segment {
  return {
    id: segment.id,
    resourceId: segment.resourceId,
    url: segment.url,
    title: segment.title,
    startedAt: new Date(segment.startedAt).toISOString(),
    endedAt: new Date(segment.endedAt).toISOString(),
    mode: segment.mode,
  };
}
