import { describe, expect, it } from 'vitest';
import type { Category } from '../../shared/schemas/domain.ts';
import { learningLogSchema } from '../../shared/schemas/log.ts';
import { dateRangeMs, learningLog, type LoggedSegment } from './learning-log.ts';

const TZ = 'Asia/Shanghai';
const categories: Record<string, Category> = { theory: 'political-theory', law: 'professional' };

function log(segments: LoggedSegment[], from = '2026-03-05', to = '2026-03-07') {
  const result = learningLog({ personId: 'p1', from, to, timeZone: TZ, segments, categoryOf: (id) => categories[id] });
  learningLogSchema.parse(result);
  return result;
}

const seg = (resourceId: string, startedAt: string, endedAt: string): LoggedSegment => ({ resourceId, startedAt, endedAt });

describe('learningLog', () => {
  it('lists every date in the range, zeros included, and every category', () => {
    expect(log([])).toEqual({
      personId: 'p1',
      from: '2026-03-05',
      to: '2026-03-07',
      totalSeconds: 0,
      days: [
        { date: '2026-03-05', seconds: 0 },
        { date: '2026-03-06', seconds: 0 },
        { date: '2026-03-07', seconds: 0 },
      ],
      byCategory: { 'political-theory': 0, 'cppcc-theory': 0, professional: 0, other: 0 },
      byResource: [],
    });
  });

  it('totals days, categories and resources consistently', () => {
    const result = log([
      seg('theory', '2026-03-05T09:00:00+08:00', '2026-03-05T09:30:00+08:00'),
      seg('law', '2026-03-06T14:00:00+08:00', '2026-03-06T15:00:00+08:00'),
      seg('theory', '2026-03-06T23:50:00+08:00', '2026-03-07T00:10:00+08:00'),
    ]);
    expect(result.totalSeconds).toBe(1800 + 3600 + 1200);
    expect(result.days).toEqual([
      { date: '2026-03-05', seconds: 1800 },
      { date: '2026-03-06', seconds: 3600 + 600 },
      { date: '2026-03-07', seconds: 600 },
    ]);
    expect(result.byCategory).toEqual({ 'political-theory': 3000, 'cppcc-theory': 0, professional: 3600, other: 0 });
    expect(result.byResource).toEqual([
      { resourceId: 'law', seconds: 3600 },
      { resourceId: 'theory', seconds: 3000 },
    ]);
  });

  it('counts overlapping segments from two devices once, credited to the one that started first', () => {
    const result = log([
      seg('theory', '2026-03-05T09:00:00+08:00', '2026-03-05T10:00:00+08:00'),
      seg('law', '2026-03-05T09:30:00Z', '2026-03-05T09:30:00Z'), // empty, ignored
      seg('law', '2026-03-05T09:30:00+08:00', '2026-03-05T10:30:00+08:00'),
    ]);
    expect(result.totalSeconds).toBe(5400);
    expect(result.byResource).toEqual([
      { resourceId: 'theory', seconds: 3600 },
      { resourceId: 'law', seconds: 1800 },
    ]);
  });

  it('counts time on resources it no longer knows as "other"', () => {
    expect(log([seg('gone', '2026-03-05T09:00:00+08:00', '2026-03-05T09:01:00+08:00')]).byCategory.other).toBe(60);
  });

  it('ignores time outside the range', () => {
    const result = log([seg('theory', '2026-03-04T23:00:00+08:00', '2026-03-05T00:30:00+08:00')], '2026-03-05', '2026-03-05');
    expect(result.days).toEqual([{ date: '2026-03-05', seconds: 1800 }]);
  });

  it('reads instants written with any offset', () => {
    const result = log([seg('theory', '2026-03-05T01:00:00Z', '2026-03-05T10:00:00+08:00')], '2026-03-05', '2026-03-05');
    expect(result.totalSeconds).toBe(3600);
  });
});

describe('dateRangeMs', () => {
  it('spans from the first midnight to the midnight after the last date, in the zone', () => {
    expect(dateRangeMs('2026-03-05', '2026-03-06', TZ)).toEqual({
      fromMs: Date.parse('2026-03-04T16:00:00Z'),
      toMs: Date.parse('2026-03-06T16:00:00Z'),
    });
  });
});
