import { describe, expect, it } from 'vitest';
import { sessionTariffHours, tariffShortfall } from './tariff.ts';

const DEFAULT = { halfDayHours: 4, dayHours: 8 };
const H = 3_600_000;

describe('sessionTariffHours', () => {
  it('credits a half day 4 and a day 8 by default, whatever the window', () => {
    expect(sessionTariffHours('half-day', 3 * H, DEFAULT)).toBe(4);
    expect(sessionTariffHours('day', 6.5 * H, DEFAULT)).toBe(8);
  });

  it('follows a configured tariff', () => {
    expect(sessionTariffHours('half-day', 3 * H, { halfDayHours: 3.5, dayHours: 7 })).toBe(3.5);
    expect(sessionTariffHours('day', 3 * H, { halfDayHours: 3.5, dayHours: 7 })).toBe(7);
  });

  it('credits an actual session by its length, down to the half hour', () => {
    expect(sessionTariffHours('actual', 90 * 60_000, DEFAULT)).toBe(1.5);
    expect(sessionTariffHours('actual', 89 * 60_000, DEFAULT)).toBe(1);
    expect(sessionTariffHours('actual', 29 * 60_000, DEFAULT)).toBe(0);
    expect(sessionTariffHours('actual', -5, DEFAULT)).toBe(0);
  });
});

describe('tariffShortfall', () => {
  it('never holds back the actual length', () => {
    expect(tariffShortfall('actual', 15 * 60_000, DEFAULT, '')).toBeNull();
  });

  it('refuses a half or whole day for a shorter session without a reason', () => {
    expect(tariffShortfall('half-day', 1 * H, DEFAULT, '')).toEqual({ neededHours: 4 });
    expect(tariffShortfall('half-day', 4 * H - 1, DEFAULT, '  ')).toEqual({ neededHours: 4 });
    expect(tariffShortfall('day', 6 * H, DEFAULT, '')).toEqual({ neededHours: 8 });
  });

  it('allows it for a session at least that long, or with a stated reason', () => {
    expect(tariffShortfall('half-day', 4 * H, DEFAULT, '')).toBeNull();
    expect(tariffShortfall('day', 8 * H, DEFAULT, '')).toBeNull();
    expect(tariffShortfall('day', 3 * H, DEFAULT, '上级规定按全天计')).toBeNull();
  });

  it('follows a configured tariff', () => {
    expect(tariffShortfall('half-day', 3.5 * H, { halfDayHours: 3.5, dayHours: 7 }, '')).toBeNull();
    expect(tariffShortfall('day', 6.5 * H, { halfDayHours: 3.5, dayHours: 7 }, '')).toEqual({ neededHours: 7 });
  });
});
