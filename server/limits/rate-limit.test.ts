import { describe, expect, it } from 'vitest';
import { AttemptWindow, TokenBucket } from './rate-limit.ts';

describe('AttemptWindow', () => {
  it('allows up to the limit of failures within the window, then says how long to wait', () => {
    let now = 0;
    const w = new AttemptWindow(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(w.retryAfterMs('k')).toBe(0);
      const attempt = w.reserve('k');
      if (!('pending' in attempt)) throw new Error('refused under the limit');
      w.fail(attempt);
      now += 1000;
    }
    expect(w.retryAfterMs('k')).toBe(60_000 - 3000);
    expect(w.reserve('k')).toEqual({ retryAfterMs: 60_000 - 3000 });
    expect(w.retryAfterMs('other')).toBe(0);
    now = 60_001;
    expect(w.retryAfterMs('k')).toBe(0);
  });

  it('counts an attempt from its reservation, so simultaneous attempts stop at the limit', () => {
    const w = new AttemptWindow(5, 60_000, () => 0);
    const answers = Array.from({ length: 100 }, () => w.reserve('k'));
    expect(answers.filter((a) => 'pending' in a)).toHaveLength(5);
  });

  it('does not count a withdrawn attempt', () => {
    const w = new AttemptWindow(1, 60_000, () => 0);
    const attempt = w.reserve('k');
    if (!('pending' in attempt)) throw new Error('refused under the limit');
    expect(w.retryAfterMs('k')).toBeGreaterThan(0);
    w.withdraw(attempt);
    expect(w.retryAfterMs('k')).toBe(0);
  });

  it('forgets settled failures on clear (a successful sign-in) but keeps counting checks in flight', () => {
    const w = new AttemptWindow(2, 60_000, () => 0);
    const failed = w.reserve('k');
    const inFlight = w.reserve('k');
    if (!('pending' in failed) || !('pending' in inFlight)) throw new Error('refused under the limit');
    w.fail(failed);
    w.clear('k');
    expect(w.reserve('k')).toMatchObject({ pending: true });
    expect(w.reserve('k')).toMatchObject({ retryAfterMs: 60_000 });
  });
});

describe('TokenBucket', () => {
  it('allows a burst, then refills at the rate', () => {
    let now = 0;
    const b = new TokenBucket(3, 2, () => now);
    expect([b.take('t'), b.take('t'), b.take('t')]).toEqual([0, 0, 0]);
    expect(b.take('t')).toBe(500);
    now = 500;
    expect(b.take('t')).toBe(0);
    expect(b.take('t')).toBeGreaterThan(0);
    expect(b.take('other')).toBe(0);
  });

  it('never holds more than the burst however long it idles', () => {
    let now = 0;
    const b = new TokenBucket(2, 1, () => now);
    b.take('t');
    now = 1e9;
    expect([b.take('t'), b.take('t'), b.take('t')]).toEqual([0, 0, 1000]);
  });
});
