import { describe, expect, it } from 'vitest';
import type { Category } from '../../shared/schemas/domain.ts';
import { detailedLearningLogSchema } from '../../shared/schemas/log.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DayTotalRecord } from '../store/store-contract.ts';
import { CategorySeconds, learningLog } from './learning-log.ts';

const categories: Record<string, Category> = { theory: 'political-theory', law: 'professional' };
const day = (date: string, credited: number, byResource: (string | number)[], extra: Partial<DayTotalRecord> = {}): DayTotalRecord => ({
  personId: 'p1',
  day: dayNumber(date),
  rawSeconds: credited,
  creditedSeconds: credited,
  overlapSeconds: 0,
  dailyCapSeconds: 0,
  outsideAllowlistSeconds: 0,
  invalidSeconds: 0,
  byResource,
  ...extra,
});
const log = (days: DayTotalRecord[], from = '2026-03-05', to = '2026-03-07') =>
  detailedLearningLogSchema.parse(learningLog({ personId: 'p1', from, to, days, categoryOf: (id) => categories[id], notesCount: 2 }));

describe('learningLog', () => {
  it('lists every date in the range, zeros included, and every category and reason', () => {
    expect(log([])).toEqual({
      personId: 'p1',
      from: '2026-03-05',
      to: '2026-03-07',
      totalSeconds: 0,
      rawSeconds: 0,
      discounts: { overlap: 0, daily_cap: 0, outside_allowlist: 0, invalid: 0 },
      notesCount: 2,
      days: [
        { date: '2026-03-05', seconds: 0, rawSeconds: 0 },
        { date: '2026-03-06', seconds: 0, rawSeconds: 0 },
        { date: '2026-03-07', seconds: 0, rawSeconds: 0 },
      ],
      byCategory: { 'political-theory': 0, 'cppcc-theory': 0, professional: 0, other: 0 },
      byResource: [],
    });
  });

  it('adds up days, categories, resources and reasons consistently', () => {
    const result = log([
      day('2026-03-05', 1800, ['theory', 1800], { rawSeconds: 2400, overlapSeconds: 600 }),
      day('2026-03-06', 4200, ['law', 3600, 'theory', 600], { rawSeconds: 4500, invalidSeconds: 300 }),
      day('2026-03-07', 60, ['gone', 60]),
    ]);
    expect(result.totalSeconds).toBe(6060);
    expect(result.rawSeconds).toBe(6960);
    expect(result.discounts).toEqual({ overlap: 600, daily_cap: 0, outside_allowlist: 0, invalid: 300 });
    expect(result.days.map((d) => [d.seconds, d.rawSeconds])).toEqual([[1800, 2400], [4200, 4500], [60, 60]]);
    expect(result.byCategory).toEqual({ 'political-theory': 2400, 'cppcc-theory': 0, professional: 3600, other: 60 });
    expect(result.byResource).toEqual([
      { resourceId: 'law', seconds: 3600 },
      { resourceId: 'theory', seconds: 2400 },
      { resourceId: 'gone', seconds: 60 },
    ]);
  });

  it('ignores days outside the range', () => {
    expect(log([day('2026-03-04', 100, ['law', 100])], '2026-03-05', '2026-03-05').totalSeconds).toBe(0);
  });
});

describe('CategorySeconds', () => {
  it('adds up seconds by the category of each resource, unknown resources as other, every category present', () => {
    const asked: string[] = [];
    const sums = new CategorySeconds((id) => {
      asked.push(id);
      return categories[id];
    });
    sums.add(['theory', 60, 'law', 30]);
    sums.add(['theory', 15, 'gone', 5]);
    sums.add([]);
    expect(sums.result()).toEqual({ 'political-theory': 75, 'cppcc-theory': 0, professional: 30, other: 5 });
    // Each resource's category is asked once, however many days name it.
    expect(asked).toEqual(['theory', 'law', 'gone']);
  });
});
