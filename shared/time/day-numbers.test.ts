import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber } from './day-numbers.ts';

describe('day numbers', () => {
  it('counts days from 1970-01-01 and converts back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-03-06')).toBe(20518);
    expect(dateOfDay(20518)).toBe('2026-03-06');
  });

  it('round-trips across leap days and year ends', () => {
    for (const date of ['2024-02-29', '2024-03-01', '2025-12-31', '2026-01-01', '1999-12-31']) {
      expect(dateOfDay(dayNumber(date))).toBe(date);
    }
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
  });
});
