// In-memory rate limiters with an injected clock: an attempt window (sign-in) and a token bucket
// (sync). Both forget idle keys, so a flood of distinct keys cannot grow memory without bound.

const SWEEP_EVERY = 1000;

/** One attempt counted against a key: pending while its password is being checked, then failed or withdrawn. */
export interface Attempt {
  readonly key: string;
  readonly atMs: number;
  pending: boolean;
}

/**
 * Counts attempts per key within a sliding window. An attempt is reserved before its password is
 * checked and counts from then on, so guesses sent at the same moment cannot all slip in before the
 * first failure is recorded: at most `limit` are ever checked per key in any window.
 */
export class AttemptWindow {
  private readonly attempts = new Map<string, Attempt[]>();
  private calls = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => number,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may now. */
  retryAfterMs(key: string): number {
    const now = this.clock();
    const recent = this.recent(key, now);
    return recent.length < this.limit ? 0 : recent[recent.length - this.limit]!.atMs + this.windowMs - now;
  }

  /** Counts an attempt now, or answers how long to wait (and counts nothing) when the key is at its limit. */
  reserve(key: string): Attempt | { retryAfterMs: number } {
    const now = this.clock();
    const recent = this.recent(key, now);
    if (recent.length >= this.limit) return { retryAfterMs: recent[recent.length - this.limit]!.atMs + this.windowMs - now };
    const attempt: Attempt = { key, atMs: now, pending: true };
    this.attempts.set(key, [...recent, attempt]);
    if (++this.calls % SWEEP_EVERY === 0) {
      for (const k of [...this.attempts.keys()]) if (this.recent(k, now).length === 0) this.attempts.delete(k);
    }
    return attempt;
  }

  /** The attempt was checked and wrong: it keeps counting until it leaves the window. */
  fail(attempt: Attempt): void {
    attempt.pending = false;
  }

  /** The attempt does not count (it was right, or it was never checked). */
  withdraw(attempt: Attempt): void {
    const list = this.attempts.get(attempt.key);
    if (list) this.attempts.set(attempt.key, list.filter((a) => a !== attempt));
  }

  /** Forgets the key's settled failures (a successful sign-in); checks still in flight keep counting. */
  clear(key: string): void {
    const pending = (this.attempts.get(key) ?? []).filter((a) => a.pending);
    if (pending.length === 0) this.attempts.delete(key);
    else this.attempts.set(key, pending);
  }

  private recent(key: string, now: number): Attempt[] {
    return (this.attempts.get(key) ?? []).filter((a) => a.atMs > now - this.windowMs);
  }
}

/** A token bucket per key: `burst` requests at once, refilled at `perSecond`. */
export class TokenBucket {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();
  private calls = 0;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly clock: () => number,
  ) {}

  /** Takes one token: 0 when allowed, else milliseconds until one is available. */
  take(key: string): number {
    const now = this.clock();
    const bucket = this.refilled(key, now);
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      return 0;
    }
    this.buckets.set(key, bucket);
    return Math.ceil(((1 - bucket.tokens) / this.perSecond) * 1000);
  }

  private refilled(key: string, now: number): { tokens: number; atMs: number } {
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.burst, atMs: now };
    return { tokens: Math.min(this.burst, b.tokens + (Math.max(0, now - b.atMs) / 1000) * this.perSecond), atMs: now };
  }

  private sweep(now: number): void {
    for (const [key] of this.buckets) if (this.refilled(key, now).tokens >= this.burst) this.buckets.delete(key);
  }
}
