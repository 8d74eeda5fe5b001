import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { dateInZone, nextDate, splitByDay, startOfDate } from '../../shared/time/zoned-days.ts';
import { ZoneCalendar } from './zone-calendar.ts';

describe('ZoneCalendar', () => {
  it.each(['Asia/Shanghai', 'America/New_York', 'Asia/Kathmandu', 'America/Santiago'])('agrees with the uncached functions in %s', (zone) => {
    const calendar = new ZoneCalendar(zone);
    const agreesAt = (t: number) => {
      expect(calendar.dateOf(t)).toBe(dateInZone(t, zone));
      expect(calendar.dayOf(t)).toBe(dayNumber(dateInZone(t, zone)));
    };
    // Every 50 minutes 31 seconds across a year (an odd step, so every minute of the hour comes up), and
    // every 7 minutes 13 seconds over the days either side of each DST change. Sparse enough that the
    // test stays quick on a loaded machine: Intl is slow.
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_031_000) agreesAt(t);
    for (const change of ['2026-03-08', '2026-04-05', '2026-09-06', '2026-11-01']) {
      const from = Date.parse(`${change}T00:00:00Z`) - 86_400_000;
      for (let t = from; t < from + 3 * 86_400_000; t += 433_000) agreesAt(t);
    }
    for (const date of ['2026-03-08', '2026-09-06', '2026-11-01', '2026-12-31']) {
      expect(calendar.startOf(date)).toBe(startOfDate(date, zone));
      expect(calendar.startOf(date)).toBe(startOfDate(date, zone));
      expect(calendar.startOfDay(dayNumber(date))).toBe(startOfDate(date, zone));
      expect(calendar.startOfDay(dayNumber(date) + 1)).toBe(startOfDate(nextDate(date), zone));
    }
  });

  it('visits the day numbers an interval touches, ending exactly at a midnight or just after', () => {
    const calendar = new ZoneCalendar('America/New_York');
    const days = (startMs: number, endMs: number) => {
      const out: number[] = [];
      calendar.forEachDayTouched(startMs, endMs, (day) => out.push(day));
      return out;
    };
    const start = Date.parse('2026-10-31T12:00:00Z');
    const end = Date.parse('2026-11-03T12:00:00Z');
    expect(days(start, end)).toEqual(splitByDay(start, end, 'America/New_York').map((p) => dayNumber(p.date)));
    const midnight = startOfDate('2026-11-02', 'America/New_York');
    expect(days(midnight - 60_000, midnight)).toEqual([dayNumber('2026-11-01')]);
    expect(days(midnight - 60_000, midnight + 1)).toEqual([dayNumber('2026-11-01'), dayNumber('2026-11-02')]);
    expect(days(start, start)).toEqual([]);
  });
});
