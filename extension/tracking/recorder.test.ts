// The recorder persists each transition together with the segments it closed, in wire form.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { segmentSchema } from '../../shared/schemas/sync.ts';
import { dailyTotalItem, outboxItem, trackerItem } from '../storage/items.ts';
import { createRecorder } from './recorder.ts';
import type { TrackingRules } from './types.ts';

const RULES: TrackingRules = { resources: [{ id: 'res-a', patterns: ['https://learn.example.org/*'] }], idleSeconds: 60 };
const T0 = new Date(2026, 2, 6, 10, 0, 0).getTime();

describe('recorder', () => {
  beforeEach(() => fakeBrowser.reset());

  it('persists every transition and moves closed segments to the outbox and the daily total', async () => {
    let now = T0;
    const onSegmentsClosed = vi.fn();
    const recorder = createRecorder({ now: () => now, onSegmentsClosed });
    await recorder.dispatch(() => ({ type: 'policyChanged', rules: RULES }));
    await recorder.dispatch(() => ({
      type: 'observed',
      world: { focusedWindowId: 1, activeTab: { tabId: 5, windowId: 1, url: 'https://learn.example.org/x#top', title: 'X' }, idle: 'active' },
    }));
    expect((await trackerItem.getValue()).open).toMatchObject({ url: 'https://learn.example.org/x', startedAt: T0 });
    expect(onSegmentsClosed).not.toHaveBeenCalled();

    now = T0 + 50_000;
    await recorder.dispatch(() => ({ type: 'checkpoint' }));
    now = T0 + 100_000;
    await recorder.dispatch(() => ({ type: 'tabRemoved', tabId: 5 }));

    const outbox = await outboxItem.getValue();
    expect(outbox).toHaveLength(1);
    expect(segmentSchema.parse(outbox[0])).toMatchObject({
      resourceId: 'res-a',
      url: 'https://learn.example.org/x',
      title: 'X',
      startedAt: new Date(T0).toISOString(),
      endedAt: new Date(T0 + 100_000).toISOString(),
      mode: 'reading',
    });
    expect(onSegmentsClosed).toHaveBeenCalledWith(outbox);
    expect((await dailyTotalItem.getValue())?.seconds).toBe(100);
    expect((await trackerItem.getValue()).open).toBeNull();
  });

  it('ignores a producer that has nothing to report', async () => {
    const recorder = createRecorder({ now: () => T0, onSegmentsClosed: vi.fn() });
    await recorder.dispatch(() => null);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
