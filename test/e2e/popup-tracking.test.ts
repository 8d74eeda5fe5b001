// The real toolbar popup in Chromium, with a window manager and without: opening and closing it, and
// pausing and resuming there, count within ±1 s of the truth; the day total survives a worker restart
// and agrees with the server's; the popup shows both figures for today.
import { describe, expect, it } from 'vitest';
import { runPopupScenarios } from './support/popup-run.ts';

describe.each([true, false])('the toolbar popup (window manager: %s)', (windowManager) => {
  it('counts reading around the popup, and pause/resume there, within ±1 s; the day total survives a worker restart', async () => {
    const result = await runPopupScenarios(windowManager, (line) => console.log(`[popup e2e] ${line}`));
    expect(result.phases.map((p) => p.name)).toEqual(['popup opened and closed, then reading', 'paused and resumed from the popup']);
    expect(result.whilePopupOpen).toEqual({ windowInFront: true, counting: true });
    for (const phase of result.phases) {
      expect(Math.abs(phase.countedSeconds - phase.truthSeconds), JSON.stringify(phase)).toBeLessThanOrEqual(1);
    }
    expect(result.today.beforeRestart).toBeGreaterThan(20);
    expect(result.today.afterRestart).toBe(result.today.beforeRestart);
    // What the device shows is what it sent; the log credits whole clock seconds per segment.
    expect(Math.abs(result.today.afterRestart - result.today.serverSegments)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(result.today.afterRestart - result.today.server)).toBeLessThanOrEqual(result.today.segmentCount);
    // The popup shows this device's figure and the server's, each in whole minutes.
    expect(result.popupMinutes).toEqual({ device: Math.floor(result.today.afterRestart / 60), server: Math.floor(result.today.server / 60) });
  }, 240_000);
});
