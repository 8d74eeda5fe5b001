// Retry timing after failed syncs: grows exponentially, is capped, is jittered, resets on success.
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../storage/items.ts';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, afterFailure, afterSuccess, backoffDelayMs, isDue } from './backoff.ts';

const fresh: SyncStatus = { failures: 0, nextAttemptAt: null, lastSyncAt: null, lastError: null };

describe('backoff', () => {
  it('doubles the step with every consecutive failure', () => {
    const top = () => 1; // the longest delay of each step
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, top))).toEqual([
      BACKOFF_BASE_MS,
      BACKOFF_BASE_MS * 2,
      BACKOFF_BASE_MS * 4,
      BACKOFF_BASE_MS * 8,
    ]);
  });

  it('never exceeds the cap, however many failures', () => {
    expect(backoffDelayMs(50, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelayMs(1000, () => 0.999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
  });

  it('randomises the upper half of each step', () => {
    expect(backoffDelayMs(3, () => 0)).toBe((BACKOFF_BASE_MS * 4) / 2);
    expect(backoffDelayMs(3, () => 0.5)).toBe((BACKOFF_BASE_MS * 4 * 3) / 4);
    const samples = new Set(Array.from({ length: 20 }, () => backoffDelayMs(3)));
    expect(samples.size).toBeGreaterThan(1);
  });

  it('schedules the next attempt after a failure and waits for it', () => {
    const failed = afterFailure(fresh, 1_000_000, 'offline', () => 1);
    expect(failed).toEqual({ failures: 1, nextAttemptAt: 1_000_000 + BACKOFF_BASE_MS, lastSyncAt: null, lastError: 'offline' });
    expect(isDue(failed, 1_000_000 + BACKOFF_BASE_MS - 1)).toBe(false);
    expect(isDue(failed, 1_000_000 + BACKOFF_BASE_MS)).toBe(true);
    expect(afterFailure(failed, 2_000_000, 'offline', () => 1).failures).toBe(2);
  });

  it('clears failures and records the time on success', () => {
    const failed = afterFailure(afterFailure(fresh, 1, 'x'), 2, 'y');
    expect(afterSuccess(failed, 5_000)).toEqual({ failures: 0, nextAttemptAt: null, lastSyncAt: 5_000, lastError: null });
    expect(isDue(fresh, 0)).toBe(true);
  });
});
