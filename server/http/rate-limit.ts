// In-memory rate limiters with an injected clock: a failure window (sign-in) and a token bucket
// (sync). Both forget idle keys, so a flood of distinct keys cannot grow memory without bound.

const SWEEP_EVERY = 1000;

/** Counts failures per key within a sliding window. */
export class FailureWindow {
  private readonly failures = new Map<string, number[]>();
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
    return recent.length < this.limit ? 0 : recent[recent.length - this.limit]! + this.windowMs - now;
  }

  fail(key: string): void {
    const now = this.clock();
    this.failures.set(key, [...this.recent(key, now), now]);
    if (++this.calls % SWEEP_EVERY === 0) {
      for (const k of [...this.failures.keys()]) if (this.recent(k, now).length === 0) this.failures.delete(k);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
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
