// When to try the server again after a failed sync: exponential backoff with jitter, so that an office
// full of browsers coming back online does not hit a recovering server in lockstep.
import type { SyncStatus } from '../storage/items.ts';

export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 30 * 60_000;

/**
 * Delay after the n-th consecutive failure (n >= 1): base·2^(n-1) capped at the maximum, of which the
 * upper half is randomised ("equal jitter"): never shorter than half the step, never longer than it.
 */
export function backoffDelayMs(failures: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return step / 2 + random() * (step / 2);
}

export function afterFailure(status: SyncStatus, nowMs: number, error: string, random?: () => number): SyncStatus {
  const failures = status.failures + 1;
  return { ...status, failures, nextAttemptAt: nowMs + backoffDelayMs(failures, random), lastError: error };
}

export function afterSuccess(status: SyncStatus, nowMs: number): SyncStatus {
  return { failures: 0, nextAttemptAt: null, lastSyncAt: nowMs, lastError: null };
}

export function isDue(status: SyncStatus, nowMs: number): boolean {
  return status.nextAttemptAt === null || nowMs >= status.nextAttemptAt;
}
