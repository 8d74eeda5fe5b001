import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber, monthEndOf, monthStartOf } from './day-numbers.ts';

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

  it("finds a day's month's first and last day, leap Februaries and Decembers included", () => {
    const month = (date: string) => [monthStartOf(dayNumber(date)), monthEndOf(dayNumber(date))].map(dateOfDay);
    expect(month('2026-03-06')).toEqual(['2026-03-01', '2026-03-31']);
    expect(month('2026-03-01')).toEqual(['2026-03-01', '2026-03-31']);
    expect(month('2024-02-29')).toEqual(['2024-02-01', '2024-02-29']);
    expect(month('2026-02-10')).toEqual(['2026-02-01', '2026-02-28']);
    expect(month('2025-12-31')).toEqual(['2025-12-01', '2025-12-31']);
    expect(month('1969-12-15')).toEqual(['1969-12-01', '1969-12-31']);
  });
});
