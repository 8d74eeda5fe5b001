import { describe, expect, it } from 'vitest';
import { emptyUnit, officeMarch } from '../../../test/fixtures/dashboard/api-responses.ts';
import { bucketTargetSeconds, categoryShares, overviewModel } from './overview.ts';

describe('overviewModel', () => {
  const model = overviewModel(officeMarch);

  it('keeps the totals and compares them with the target', () => {
    expect(model.totalSeconds).toBe(officeMarch.totalSeconds);
    expect(model.targetSeconds).toBe(60_000);
    expect(model.progress).toBeCloseTo(officeMarch.totalSeconds / 60_000);
    expect(model.peopleCount).toBe(4);
    expect(model.notesCount).toBe(5);
  });

  it('keeps people and the below-target list in the server’s name order, never ranked by hours', () => {
    expect(model.people.map((p) => p.personId)).toEqual(['p-formula', 'p-wang', 'p-li', 'p-zhang']);
    expect(model.belowTarget.map((p) => [p.personId, p.gapSeconds])).toEqual([
      ['p-formula', 15_000 - 3600],
      ['p-li', 15_000 - 3 * 3600],
    ]);
  });

  it('draws a month as 31 daily bars, days without study at zero', () => {
    expect(model.granularity).toBe('day');
    expect(model.trend).toHaveLength(31);
    expect(model.trend[0]).toEqual({ start: '2026-03-01', end: '2026-03-01', seconds: 0 });
    expect(model.trend[5]!.seconds).toBe(36_000);
    expect(model.trend.reduce((s, b) => s + b.seconds, 0)).toBe(7200 + 36_000 + 57_600);
  });

  it('spreads the range’s target evenly over the trend’s buckets', () => {
    const total = model.trend.reduce((s, b) => s + bucketTargetSeconds(model, b), 0);
    expect(total).toBeCloseTo(60_000);
  });

  it('lists every category, missing ones at zero, with shares that add up to one', () => {
    expect(model.categories.map((c) => c.category)).toEqual(['political-theory', 'cppcc-theory', 'professional', 'other']);
    expect(model.categories.map((c) => c.seconds)).toEqual([20 * 3600, 0, 9 * 3600, 0]);
    expect(model.categories.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1);
  });

  it('marks a unit without people as empty, with no progress when there is no target', () => {
    const empty = overviewModel(emptyUnit);
    expect(empty.isEmpty).toBe(true);
    expect(empty.progress).toBeNull();
    expect(empty.trend).toHaveLength(7);
    expect(categoryShares({}).every((c) => c.share === 0)).toBe(true);
  });
});
