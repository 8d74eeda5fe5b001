import { describe, expect, it } from 'vitest';
import { dateInZone, splitByDay, startOfDate } from '../../shared/time/zoned-days.ts';
import { ZoneCalendar } from './zone-calendar.ts';

describe('ZoneCalendar', () => {
  it.each(['Asia/Shanghai', 'America/New_York', 'Asia/Kathmandu', 'America/Santiago'])('agrees with the uncached functions in %s', (zone) => {
    const calendar = new ZoneCalendar(zone);
    // Every 7 minutes 13 seconds across a year, DST changes included.
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 433_000) {
      expect(calendar.dateOf(t)).toBe(dateInZone(t, zone));
    }
    for (const date of ['2026-03-08', '2026-09-06', '2026-11-01', '2026-12-31']) {
      expect(calendar.startOf(date)).toBe(startOfDate(date, zone));
      expect(calendar.startOf(date)).toBe(startOfDate(date, zone));
    }
  });

  it('lists the dates an interval touches, as splitByDay does', () => {
    const calendar = new ZoneCalendar('America/New_York');
    const start = Date.parse('2026-10-31T12:00:00Z');
    const end = Date.parse('2026-11-03T12:00:00Z');
    expect(calendar.datesTouched(start, end)).toEqual(splitByDay(start, end, 'America/New_York').map((p) => p.date));
    expect(calendar.datesTouched(start, start)).toEqual([]);
  });
});
