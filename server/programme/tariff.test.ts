import { describe, expect, it } from 'vitest';
import { creditedHours } from './tariff.ts';

const DEFAULT = { halfDayHours: 4, dayHours: 8 };
const H = 3_600_000;

describe('creditedHours', () => {
  it('credits a half day 4 and a day 8 by default, whatever the window', () => {
    expect(creditedHours('half-day', 3 * H, DEFAULT)).toBe(4);
    expect(creditedHours('day', 6.5 * H, DEFAULT)).toBe(8);
  });

  it('follows a configured tariff', () => {
    expect(creditedHours('half-day', 3 * H, { halfDayHours: 3.5, dayHours: 7 })).toBe(3.5);
    expect(creditedHours('day', 3 * H, { halfDayHours: 3.5, dayHours: 7 })).toBe(7);
  });

  it('credits an actual session by its length, down to the half hour', () => {
    expect(creditedHours('actual', 90 * 60_000, DEFAULT)).toBe(1.5);
    expect(creditedHours('actual', 89 * 60_000, DEFAULT)).toBe(1);
    expect(creditedHours('actual', 29 * 60_000, DEFAULT)).toBe(0);
    expect(creditedHours('actual', -5, DEFAULT)).toBe(0);
  });
});
