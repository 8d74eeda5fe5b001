// Counted time per day of the organisation's zone: closed segments add up per day (split at the zone's
// midnight), the open one counts as it runs, old days are forgotten, and weeks start on Monday. The
// tests run under a browser zone other than the organisation's, so a day taken from the browser's clock
// would fail them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEPT_DAYS, addClosed, secondsCountedThisWeek, secondsCountedToday } from './daily-total.ts';
import type { ClosedSegment, OpenSegment } from '../storage/tracker-state.ts';

const ZONE = 'Asia/Shanghai';
const browserZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = browserZone;
});

// 2026-03-06 is a Friday (the study day). Times are Shanghai wall clock (+08:00).
const at = (h: number, m = 0, day = 6) => Date.parse(`2026-03-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`);
const closed = (startedAt: number, endedAt: number): ClosedSegment => ({
  id: 'x', resourceId: 'res-a', url: 'https://learn.example.org/a/1', title: '', startedAt, endedAt, mode: 'reading',
});
const open = (startedAt: number): OpenSegment => ({
  id: 'o', resourceId: 'res-a', url: 'https://learn.example.org/a/1', title: '', mode: 'reading', startedAt, lastSeenAt: startedAt,
});

describe('day totals', () => {
  it('runs under another browser zone than the organisation’s', () => {
    expect(new Date(at(9)).getHours()).not.toBe(9);
  });

  it('adds closed segments to their day', () => {
    const totals = addClosed(null, [closed(at(9), at(9, 10)), closed(at(10), at(10, 5))], at(11), ZONE);
    expect(totals).toEqual({ '2026-03-06': 15 * 60 });
    expect(addClosed(totals, [closed(at(11), at(11, 1))], at(12), ZONE)['2026-03-06']).toBe(16 * 60);
  });

  it('splits a segment at the organisation’s midnight, not the browser’s', () => {
    const totals = addClosed(null, [closed(at(23, 50, 6), at(0, 10, 7))], at(0, 10, 7), ZONE);
    expect(totals).toEqual({ '2026-03-06': 600, '2026-03-07': 600 });
    expect(secondsCountedToday(totals, null, at(0, 10, 7), ZONE)).toBe(600);
    // 09:00 in Shanghai is 20:00 the day before in New York: still the organisation's 6 March.
    expect(addClosed(null, [closed(at(9), at(9, 1))], at(9, 1), ZONE)).toEqual({ '2026-03-06': 60 });
  });

  it(`forgets days older than ${KEPT_DAYS} days`, () => {
    const old = addClosed(null, [closed(at(9, 0, 1), at(9, 1, 1))], at(10, 0, 1), ZONE);
    const later = addClosed(old, [closed(at(9, 0, 20), at(9, 1, 20))], at(10, 0, 20), ZONE);
    expect(later).toEqual({ '2026-03-20': 60 });
  });

  it('adds the running part of the open segment, and only the part of today', () => {
    const totals = { '2026-03-06': 60, '2000-01-01': 999 };
    expect(secondsCountedToday(totals, open(at(14)), at(14, 2), ZONE)).toBe(180);
    expect(secondsCountedToday(null, open(at(23, 0, 5)), at(0, 30, 6), ZONE)).toBe(1800);
    expect(secondsCountedToday(null, null, at(14), ZONE)).toBe(0);
  });

  it('sums this week from Monday, including today and the open segment', () => {
    // Monday 2026-03-02 … Friday 2026-03-06; Sunday 2026-03-01 belongs to the week before.
    const totals = { '2026-03-01': 1000, '2026-03-02': 100, '2026-03-04': 200, '2026-03-06': 300 };
    expect(secondsCountedThisWeek(totals, open(at(15)), at(15, 1), ZONE)).toBe(660);
    expect(secondsCountedThisWeek(totals, null, at(12, 0, 1), ZONE)).toBe(1000);
    // Monday 00:30 in Shanghai is still Sunday in New York: the new week has begun.
    expect(secondsCountedThisWeek(totals, null, at(0, 30, 2), ZONE)).toBe(100);
  });
});
