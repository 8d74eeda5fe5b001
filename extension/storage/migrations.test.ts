// Values stored by the first version of the extension still load, with the meaning they had.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dailyTotalItem, trackerItem, writeItems } from './items.ts';
import { INITIAL_STATE } from './tracker-state.ts';

describe('storage migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('brings a v1 tracker state to v2: the open segment was reading, the presence interval the default', async () => {
    const open = { id: 'seg', resourceId: 'res-a', url: 'https://learn.example.org/a', title: 'A', startedAt: 1, lastSeenAt: 2 };
    await fakeBrowser.storage.local.set({
      tracker: {
        rules: { resources: [{ id: 'res-a', patterns: ['https://learn.example.org/*'] }], idleSeconds: 90 },
        focusedWindowId: 1,
        activeTabId: 5,
        page: { resourceId: 'res-a', url: 'https://learn.example.org/a', title: 'A' },
        idle: 'active',
        open,
      },
      tracker$: { v: 1 },
    });
    // The worker migrates when it starts (the items are defined); here the items exist already.
    await trackerItem.migrate();
    expect(await trackerItem.getValue()).toEqual({
      ...INITIAL_STATE,
      rules: { resources: [{ id: 'res-a', patterns: ['https://learn.example.org/*'] }], idleSeconds: 90, mediaPresenceSeconds: 1800 },
      focusedWindowId: 1,
      activeTabId: 5,
      page: { resourceId: 'res-a', url: 'https://learn.example.org/a', title: 'A' },
      open: { ...open, mode: 'reading' },
    });
  });

  it('turns the v1 single-day total into a per-day map', async () => {
    await fakeBrowser.storage.local.set({ dailyTotal: { day: '2026-03-06', seconds: 120 }, dailyTotal$: { v: 1 } });
    await dailyTotalItem.migrate();
    expect(await dailyTotalItem.getValue()).toEqual({ '2026-03-06': 120 });
  });

  it('keeps v2 values that earlier builds wrote without their version', async () => {
    const state = { ...INITIAL_STATE, paused: true, reports: { '5': { url: 'https://learn.example.org/a', visible: true, mediaPlaying: false, lastInputAt: 1 } } };
    await fakeBrowser.storage.local.set({ dailyTotal: { '2026-03-06': 36, '2026-03-05': 600 }, tracker: state });
    await dailyTotalItem.migrate();
    await trackerItem.migrate();
    expect(await dailyTotalItem.getValue()).toEqual({ '2026-03-06': 36, '2026-03-05': 600 });
    expect(await trackerItem.getValue()).toEqual(state);
  });

  it('writes each value with its version, so the next start migrates nothing', async () => {
    await writeItems([
      { item: dailyTotalItem, value: { '2026-03-06': 36 } },
      { item: trackerItem, value: { ...INITIAL_STATE, paused: true } },
    ]);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored).toMatchObject({ dailyTotal$: { v: 2 }, tracker$: { v: 2 } });
    await dailyTotalItem.migrate();
    expect(await dailyTotalItem.getValue()).toEqual({ '2026-03-06': 36 });
  });
});
