// The tracking engine end to end in Chromium (headed under Xvfb, real input via xdotool): every scenario
// of test/e2e/support/tracking-run.ts counted within ±1 s of the truth, nothing on pages that are not
// designated, nothing lost to a stopped worker or a server outage, and two devices counted once.
import { beforeAll, describe, expect, it } from 'vitest';
import { runTrackingScenarios, type TrackingRunResult } from './support/tracking-run.ts';

describe('tracking in Chromium', () => {
  let run: TrackingRunResult;

  beforeAll(async () => {
    run = await runTrackingScenarios((line) => console.log(`[tracking e2e] ${line}`));
  }, 420_000);

  it('counts every scenario within ±1 s of the truth', () => {
    for (const phase of run.phases) {
      expect(Math.abs(phase.countedSeconds - phase.truthSeconds), `${phase.name}: ${JSON.stringify(phase)}`).toBeLessThanOrEqual(1);
    }
    expect(run.countedBetweenPhases).toBeLessThanOrEqual(1);
  });

  it('counts 0 s on pages that are not designated and keeps no trace of them', () => {
    const elsewhere = run.phases.filter((p) => p.truthSeconds === 0);
    expect(elsewhere.map((p) => p.name)).toEqual([
      'another tab, not designated',
      'second window, not designated',
      'paused from the popup',
      'settling between scenarios',
    ]);
    for (const phase of elsewhere) expect(phase.countedSeconds, phase.name).toBeLessThanOrEqual(0.5);
    expect(run.privacyLeaks).toEqual([]);
  });

  it('names in the popup what is being counted, and counts nothing while paused there', () => {
    expect(run.popupWhileCounting).toMatch(/网上政协学习专栏/);
    const paused = run.phases.find((p) => p.name === 'paused from the popup')!;
    expect(paused.countedSeconds).toBeLessThanOrEqual(0.5);
  });

  it('runs its content script on designated pages only', () => {
    expect(run.probe.designated).toBe(1);
    expect(run.probe.nonDesignated).toBe(0);
  });

  it('counts a playing lecture as media while the person gives no input', () => {
    const lecture = run.phases.find((p) => p.name === 'lecture playing, no input')!;
    // chrome.idle reports idle after 15 s: the rest of the lecture counts only because it plays.
    expect(lecture.mediaSeconds).toBeGreaterThan(lecture.truthSeconds - 2);
  });

  it('loses nothing to a stopped service worker', () => {
    const stopped = run.phases.find((p) => p.name === 'service worker stopped mid-segment')!;
    expect(stopped.countedSeconds).toBeGreaterThanOrEqual(stopped.truthSeconds - 1);
  });

  it('delivers every segment recorded offline exactly once after the server returns', () => {
    expect(run.delivery.waitingOffline).toBeGreaterThanOrEqual(1);
    expect(run.delivery.arrivedOnce).toBe(run.delivery.waitingOffline);
    expect(run.delivery.duplicateIds).toBe(0);
  });

  it('counts two devices of one person once where they overlap', () => {
    expect(run.twoDevices.rawSeconds - run.twoDevices.truthUnionSeconds).toBeGreaterThan(4);
    expect(Math.abs(run.twoDevices.serverUnionSeconds - run.twoDevices.truthUnionSeconds)).toBeLessThanOrEqual(1);
    expect(Math.abs(run.log.totalSeconds - run.log.truthSeconds)).toBeLessThanOrEqual(run.phases.length);
  });

  it('stores page URLs without fragments or tracking parameters', () => {
    expect(run.storedUrls.length).toBeGreaterThan(0);
    for (const url of run.storedUrls) {
      expect(url).not.toContain('#');
      expect(url).not.toContain('utm_');
    }
  });
});
