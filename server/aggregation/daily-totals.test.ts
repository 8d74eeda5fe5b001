import { describe, expect, it } from 'vitest';
import { dailyCredits } from './daily-totals.ts';
import { unionIntervals } from './union-intervals.ts';

const TZ = 'Asia/Shanghai';
const at = (local: string) => Date.parse(`${local}+08:00`);
const DAY_START = at('2026-03-05T00:00:00');
const RANGE_END = at('2026-03-08T00:00:00');

function credits(intervals: [string, string, string][], fromMs = DAY_START, toMs = RANGE_END) {
  const runs = unionIntervals(intervals.map(([s, e, resourceId]) => ({ startMs: at(s), endMs: at(e), resourceId })));
  return dailyCredits(runs, TZ, fromMs, toMs);
}

describe('dailyCredits', () => {
  it('credits whole seconds per day and resource', () => {
    expect(credits([['2026-03-05T09:00:00', '2026-03-05T09:10:00', 'r1']])).toEqual([
      { date: '2026-03-05', resourceId: 'r1', seconds: 600 },
    ]);
  });

  it('splits at midnight in the organisation time zone, not UTC', () => {
    // 23:30 to 00:45 Shanghai time is 15:30 to 16:45 UTC: one UTC day, two local days.
    expect(credits([['2026-03-05T23:30:00', '2026-03-06T00:45:00', 'r1']])).toEqual([
      { date: '2026-03-05', resourceId: 'r1', seconds: 1800 },
      { date: '2026-03-06', resourceId: 'r1', seconds: 2700 },
    ]);
  });

  it('clips to the range', () => {
    const result = credits(
      [['2026-03-04T23:00:00', '2026-03-05T01:00:00', 'r1'], ['2026-03-07T23:00:00', '2026-03-08T01:00:00', 'r1']],
    );
    expect(result).toEqual([
      { date: '2026-03-05', resourceId: 'r1', seconds: 3600 },
      { date: '2026-03-07', resourceId: 'r1', seconds: 3600 },
    ]);
  });

  it('floors the union, not each segment', () => {
    // Three touching segments of 1.5 s each: 4.5 s of union → 4 s, not 3 × 1 s.
    const result = credits([
      ['2026-03-05T09:00:00.000', '2026-03-05T09:00:01.500', 'r1'],
      ['2026-03-05T09:00:01.500', '2026-03-05T09:00:03.000', 'r1'],
      ['2026-03-05T09:00:03.000', '2026-03-05T09:00:04.500', 'r1'],
    ]);
    expect(result).toEqual([{ date: '2026-03-05', resourceId: 'r1', seconds: 4 }]);
  });

  it('shares a run among resources so the parts add up to the floored whole', () => {
    // r1 2.6 s then r2 2.6 s: the run is 5.2 s → 5 s, shared 2 + 3.
    const result = credits([
      ['2026-03-05T09:00:00.000', '2026-03-05T09:00:02.600', 'r1'],
      ['2026-03-05T09:00:02.600', '2026-03-05T09:00:05.200', 'r2'],
    ]);
    expect(result).toEqual([
      { date: '2026-03-05', resourceId: 'r1', seconds: 2 },
      { date: '2026-03-05', resourceId: 'r2', seconds: 3 },
    ]);
  });

  it('leaves out sub-second scraps', () => {
    expect(credits([['2026-03-05T09:00:00.000', '2026-03-05T09:00:00.900', 'r1']])).toEqual([]);
  });

  it('adds up a resource over several runs in a day', () => {
    expect(
      credits([
        ['2026-03-05T09:00:00', '2026-03-05T09:01:00', 'r1'],
        ['2026-03-05T10:00:00', '2026-03-05T10:02:00', 'r1'],
      ]),
    ).toEqual([{ date: '2026-03-05', resourceId: 'r1', seconds: 180 }]);
  });

  it('follows daylight saving time in zones that have it', () => {
    // Berlin, 29 March 2026: clocks jump from 02:00 to 03:00, so that day has 23 hours.
    const from = Date.parse('2026-03-29T00:00:00+01:00');
    const to = Date.parse('2026-03-30T00:00:00+02:00');
    const runs = unionIntervals([{ startMs: from, endMs: to, resourceId: 'r1' }]);
    expect(dailyCredits(runs, 'Europe/Berlin', from, to)).toEqual([{ date: '2026-03-29', resourceId: 'r1', seconds: 23 * 3600 }]);
  });
});
