// Runs the tracking engine in the service worker: one signal at a time, each transition persisted
// together with the segments it closed (one storage write), so a stopped worker loses nothing.
import { storage } from 'wxt/utils/storage';
import type { Segment } from '../../shared/schemas/sync.ts';
import { dailyTotalItem, outboxItem, trackerItem } from '../storage/items.ts';
import { withStorageLock } from '../storage/lock.ts';
import { appendSegments } from '../sync/outbox.ts';
import { addClosed } from './daily-total.ts';
import { next } from './machine.ts';
import type { ClosedSegment, Signal, TrackerState } from './types.ts';

export interface Recorder {
  /**
   * Queues a signal. The producer runs in turn with the current state, so browser queries it makes
   * reflect the moment the signal is applied; null means there is nothing to apply.
   */
  dispatch(produce: (state: TrackerState) => Promise<Signal | null> | Signal | null): Promise<void>;
}

export function createRecorder(deps: {
  now: () => number;
  onSegmentsClosed: (segments: readonly Segment[]) => void;
}): Recorder {
  return {
    async dispatch(produce) {
      const closed = await withStorageLock(async () => {
        const state = await trackerItem.getValue();
        const signal = await produce(state);
        if (signal === null) return [];
        const now = deps.now();
        const transition = next(state, signal, now);
        const segments = transition.segments.map(toWire);
        const writes: Parameters<typeof storage.setItems>[0] = [{ item: trackerItem, value: transition.state }];
        if (segments.length > 0) {
          writes.push(
            { item: outboxItem, value: appendSegments(await outboxItem.getValue(), segments) },
            { item: dailyTotalItem, value: addClosed(await dailyTotalItem.getValue(), transition.segments, now) },
          );
        }
        await storage.setItems(writes);
        return segments;
      });
      if (closed.length > 0) deps.onSegmentsClosed(closed);
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
