import { describe, expect, it } from 'vitest';
import { granularityFor, trendBuckets } from './trend.ts';

describe('trend buckets', () => {
  it('uses days up to a month, weeks up to about a quarter and a half, months beyond', () => {
    expect(granularityFor('2026-03-01', '2026-03-31')).toBe('day');
    expect(granularityFor('2026-01-01', '2026-03-31')).toBe('week');
    expect(granularityFor('2026-01-01', '2026-12-31')).toBe('month');
  });

  it('cuts weeks at Mondays, clipping the first and last to the range', () => {
    const buckets = trendBuckets(
      [
        { date: '2026-03-01', seconds: 60 },
        { date: '2026-03-02', seconds: 100 },
        { date: '2026-03-08', seconds: 1 },
        { date: '2026-03-10', seconds: 5 },
      ],
      '2026-03-01',
      '2026-03-10',
      'week',
    );
    expect(buckets).toEqual([
      { start: '2026-03-01', end: '2026-03-01', seconds: 60 },
      { start: '2026-03-02', end: '2026-03-08', seconds: 101 },
      { start: '2026-03-09', end: '2026-03-10', seconds: 5 },
    ]);
  });

  it('makes twelve months of a year and ignores days outside the range', () => {
    const buckets = trendBuckets([{ date: '2027-01-01', seconds: 9 }, { date: '2026-02-28', seconds: 7 }], '2026-01-01', '2026-12-31');
    expect(buckets).toHaveLength(12);
    expect(buckets[1]).toEqual({ start: '2026-02-01', end: '2026-02-28', seconds: 7 });
    expect(buckets.reduce((s, b) => s + b.seconds, 0)).toBe(7);
  });
});
