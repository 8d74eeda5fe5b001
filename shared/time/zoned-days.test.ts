import { describe, expect, it } from 'vitest';
import { dateInZone, datesBetween, isValidTimeZone, nextDate, splitByDay, startOfDate } from './zoned-days.ts';

const at = (iso: string) => Date.parse(iso);

describe('dateInZone', () => {
  it('puts an instant on the calendar day of the zone, not of UTC', () => {
    expect(dateInZone(at('2026-11-26T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-27');
    expect(dateInZone(at('2026-11-26T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-26');
    expect(dateInZone(at('2026-11-27T03:00:00Z'), 'America/New_York')).toBe('2026-11-26');
  });
});

describe('startOfDate', () => {
  it('finds local midnight', () => {
    expect(startOfDate('2026-11-27', 'Asia/Shanghai')).toBe(at('2026-11-26T16:00:00Z'));
    expect(startOfDate('2026-11-27', 'UTC')).toBe(at('2026-11-27T00:00:00Z'));
  });

  it('follows daylight saving changes', () => {
    // New York: EDT (-4) until 2026-11-01 02:00, EST (-5) after.
    expect(startOfDate('2026-11-01', 'America/New_York')).toBe(at('2026-11-01T04:00:00Z'));
    expect(startOfDate('2026-11-02', 'America/New_York')).toBe(at('2026-11-02T05:00:00Z'));
  });

  it('starts a day whose midnight is skipped at its first instant', () => {
    // Santiago springs forward at 00:00 on 2026-09-06: that day begins at 01:00 local (-03).
    expect(startOfDate('2026-09-06', 'America/Santiago')).toBe(at('2026-09-06T04:00:00Z'));
  });
});

describe('calendar helpers', () => {
  it('steps across month and leap-year ends', () => {
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(datesBetween('2026-03-02', '2026-03-01')).toEqual([]);
    expect(datesBetween('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
  });

  it('knows valid zones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('splitByDay', () => {
  it('splits an interval at the zone midnight', () => {
    const pieces = splitByDay(at('2026-11-26T15:00:00Z'), at('2026-11-26T17:30:00Z'), 'Asia/Shanghai');
    expect(pieces).toEqual([
      { date: '2026-11-26', startMs: at('2026-11-26T15:00:00Z'), endMs: at('2026-11-26T16:00:00Z') },
      { date: '2026-11-27', startMs: at('2026-11-26T16:00:00Z'), endMs: at('2026-11-26T17:30:00Z') },
    ]);
  });

  it('keeps an interval within one day whole and returns nothing for an empty one', () => {
    expect(splitByDay(at('2026-11-27T01:00:00Z'), at('2026-11-27T02:00:00Z'), 'Asia/Shanghai')).toHaveLength(1);
    expect(splitByDay(at('2026-11-27T01:00:00Z'), at('2026-11-27T01:00:00Z'), 'Asia/Shanghai')).toEqual([]);
  });

  it('covers several days with pieces that add up to the whole', () => {
    const start = at('2026-10-31T12:00:00Z');
    const end = at('2026-11-03T12:00:00Z');
    const pieces = splitByDay(start, end, 'America/New_York');
    expect(pieces.map((p) => p.date)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03']);
    expect(pieces.reduce((s, p) => s + (p.endMs - p.startMs), 0)).toBe(end - start);
    // The day daylight saving ends has 25 hours.
    expect(pieces[1]!.endMs - pieces[1]!.startMs).toBe(25 * 3600_000);
  });
});
