// Counted time per local day: closed segments add up per day (split at midnight), the open one counts
// as it runs, old days are forgotten, and weeks start on Monday.
import { describe, expect, it } from 'vitest';
import { KEPT_DAYS, addClosed, localDay, secondsCountedThisWeek, secondsCountedToday } from './daily-total.ts';
import type { ClosedSegment, OpenSegment } from './types.ts';

// 2026-03-06 is a Friday (the study day).
const at = (h: number, m = 0, day = 6) => new Date(2026, 2, day, h, m).getTime();
const closed = (startedAt: number, endedAt: number): ClosedSegment => ({
  id: 'x', resourceId: 'res-a', url: 'https://learn.example.org/a/1', title: '', startedAt, endedAt, mode: 'reading',
});
const open = (startedAt: number): OpenSegment => ({
  id: 'o', resourceId: 'res-a', url: 'https://learn.example.org/a/1', title: '', mode: 'reading', startedAt, lastSeenAt: startedAt,
});

describe('day totals', () => {
  it('adds closed segments to their day', () => {
    const totals = addClosed(null, [closed(at(9), at(9, 10)), closed(at(10), at(10, 5))], at(11));
    expect(totals).toEqual({ '2026-03-06': 15 * 60 });
    expect(addClosed(totals, [closed(at(11), at(11, 1))], at(12))['2026-03-06']).toBe(16 * 60);
  });

  it('splits a segment at local midnight', () => {
    const totals = addClosed(null, [closed(at(23, 50, 6), at(0, 10, 7))], at(0, 10, 7));
    expect(totals).toEqual({ '2026-03-06': 600, '2026-03-07': 600 });
    expect(secondsCountedToday(totals, null, at(0, 10, 7))).toBe(600);
  });

  it(`forgets days older than ${KEPT_DAYS} days`, () => {
    const old = addClosed(null, [closed(at(9, 0, 1), at(9, 1, 1))], at(10, 0, 1));
    const later = addClosed(old, [closed(at(9, 0, 20), at(9, 1, 20))], at(10, 0, 20));
    expect(later).toEqual({ '2026-03-20': 60 });
  });

  it('adds the running part of the open segment, and only the part of today', () => {
    const totals = { [localDay(at(14))]: 60, '2000-01-01': 999 };
    expect(secondsCountedToday(totals, open(at(14)), at(14, 2))).toBe(180);
    expect(secondsCountedToday(null, open(at(23, 0, 5)), at(0, 30, 6))).toBe(1800);
    expect(secondsCountedToday(null, null, at(14))).toBe(0);
  });

  it('sums this week from Monday, including today and the open segment', () => {
    // Monday 2026-03-02 … Friday 2026-03-06; Sunday 2026-03-01 belongs to the week before.
    const totals = { '2026-03-01': 1000, '2026-03-02': 100, '2026-03-04': 200, '2026-03-06': 300 };
    expect(secondsCountedThisWeek(totals, open(at(15)), at(15, 1))).toBe(660);
    expect(secondsCountedThisWeek(totals, null, new Date(2026, 2, 1, 12).getTime())).toBe(1000);
  });
});
