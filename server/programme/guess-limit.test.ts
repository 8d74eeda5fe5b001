import { describe, expect, it } from 'vitest';
import { GuessLimit } from './guess-limit.ts';

describe('GuessLimit', () => {
  it('allows up to max misses in the window, then refuses until the oldest falls out', () => {
    const limit = new GuessLimit(3, 1000);
    for (const t of [0, 100, 200]) {
      expect(limit.allows('p', t)).toBe(true);
      limit.recordMiss('p', t);
    }
    expect(limit.allows('p', 300)).toBe(false);
    expect(limit.allows('q', 300)).toBe(true);
    expect(limit.allows('p', 1000)).toBe(true);
  });
});
