import { describe, expect, it } from 'vitest';
import { FailureWindow, TokenBucket } from './rate-limit.ts';

describe('FailureWindow', () => {
  it('allows up to the limit of failures within the window, then says how long to wait', () => {
    let now = 0;
    const w = new FailureWindow(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(w.retryAfterMs('k')).toBe(0);
      w.fail('k');
      now += 1000;
    }
    expect(w.retryAfterMs('k')).toBe(60_000 - 3000);
    expect(w.retryAfterMs('other')).toBe(0);
    now = 60_001;
    expect(w.retryAfterMs('k')).toBe(0);
  });

  it('forgets a key on clear (a successful sign-in)', () => {
    const w = new FailureWindow(1, 60_000, () => 0);
    w.fail('k');
    expect(w.retryAfterMs('k')).toBeGreaterThan(0);
    w.clear('k');
    expect(w.retryAfterMs('k')).toBe(0);
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
