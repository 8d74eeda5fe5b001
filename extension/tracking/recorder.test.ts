// The recorder persists each transition together with the segments it closed, in wire form.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { segmentSchema } from '../../shared/schemas/sync.ts';
import { dailyTotalItem, outboxItem, trackerItem } from '../storage/items.ts';
import { createRecorder } from './recorder.ts';
import type { TrackingRules } from '../storage/tracker-state.ts';

const RULES: TrackingRules = {
  resources: [{ id: 'res-a', patterns: ['https://learn.example.org/*'] }],
  idleSeconds: 60,
  mediaPresenceSeconds: 1800,
};
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
    expect(Object.values((await dailyTotalItem.getValue()) ?? {})).toEqual([100]);
    expect((await trackerItem.getValue()).open).toBeNull();
    // Written with their versions: a restarted worker must not take them for v1 and "migrate" them.
    expect(await fakeBrowser.storage.local.get(['dailyTotal$', 'tracker$'])).toEqual({ dailyTotal$: { v: 2 }, tracker$: { v: 2 } });
  });

  it('compacts a segment that continues the previous one, and reports every step', async () => {
    let now = T0;
    const onStep = vi.fn();
    const recorder = createRecorder({ now: () => now, onSegmentsClosed: vi.fn(), onStep });
    const look = (idle: 'active' | 'idle') => ({
      type: 'observed' as const,
      world: { focusedWindowId: 1, activeTab: { tabId: 5, windowId: 1, url: 'https://learn.example.org/x', title: 'X' }, idle },
    });
    await recorder.dispatch(() => ({ type: 'policyChanged', rules: RULES }));
    await recorder.dispatch(() => look('active'));
    now = T0 + 20_000;
    // The policy moves the page to another resource and back: two segments that continue each other.
    await recorder.dispatch(() => ({ type: 'policyChanged', rules: { ...RULES, resources: [{ id: 'res-b', patterns: ['https://learn.example.org/*'] }] } }));
    now = T0 + 20_000;
    await recorder.dispatch(() => ({ type: 'policyChanged', rules: RULES }));
    await recorder.dispatch(() => look('active'));
    now = T0 + 40_000;
    await recorder.dispatch(() => ({ type: 'pauseChanged', paused: true }));
    const outbox = await outboxItem.getValue();
    // [0 s, 20 s) and [20 s, 40 s) of the same page and mode: one segment in the outbox.
    expect(outbox.map((s) => [s.resourceId, s.startedAt, s.endedAt])).toEqual([
      ['res-a', new Date(T0).toISOString(), new Date(T0 + 40_000).toISOString()],
    ]);
    expect(onStep).toHaveBeenCalledTimes(6);
    expect(onStep.mock.calls.at(-1)![0]).toMatchObject({ after: { paused: true }, nowMs: T0 + 40_000 });
  });

  it('does not record a segment under one second, in the outbox or in the day total', async () => {
    let now = T0;
    const onSegmentsClosed = vi.fn();
    const recorder = createRecorder({ now: () => now, onSegmentsClosed });
    const tab = (tabId: number, url: string) => ({ type: 'tabActivated' as const, tab: { tabId, windowId: 1, url, title: '' } });
    await recorder.dispatch(() => ({ type: 'policyChanged', rules: RULES }));
    await recorder.dispatch(() => ({ type: 'observed', world: { focusedWindowId: 1, activeTab: null, idle: 'active' } }));
    await recorder.dispatch(() => tab(5, 'https://learn.example.org/a'));
    now = T0 + 999; // passed through on the way to another page
    await recorder.dispatch(() => tab(6, 'https://learn.example.org/b'));
    now = T0 + 999 + 1000;
    await recorder.dispatch(() => tab(7, 'https://www.example.com/'));
    const outbox = await outboxItem.getValue();
    expect(outbox.map((s) => [s.url, s.startedAt, s.endedAt])).toEqual([
      ['https://learn.example.org/b', new Date(T0 + 999).toISOString(), new Date(T0 + 1999).toISOString()],
    ]);
    expect(onSegmentsClosed).toHaveBeenCalledTimes(1);
    expect(Object.values((await dailyTotalItem.getValue()) ?? {})).toEqual([1]);
  });

  it('ignores a producer that has nothing to report', async () => {
    const recorder = createRecorder({ now: () => T0, onSegmentsClosed: vi.fn() });
    await recorder.dispatch(() => null);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
