import { describe, expect, it } from 'vitest';
import { liWeekLog, resources } from '../../../test/fixtures/dashboard/api-responses.ts';
import { personLogModel } from './person.ts';

describe('personLogModel', () => {
  const model = personLogModel(liWeekLog, resources);

  it('shows raw against credited with every discount reason that took time', () => {
    expect(model.totalSeconds).toBe(5400);
    expect(model.rawSeconds).toBe(7200);
    expect(model.discounts).toEqual([
      { reason: 'overlap', seconds: 1200 },
      { reason: 'daily_cap', seconds: 600 },
    ]);
  });

  it('names resources, most hours first, and keeps unknown ones with a null name', () => {
    expect(model.resources).toEqual([
      { resourceId: 'r-theory', name: '理论学习 Theory', category: 'political-theory', seconds: 3600 },
      { resourceId: 'r-gone', name: null, category: null, seconds: 1800 },
    ]);
  });

  it('lists only days with something sent, oldest first', () => {
    expect(model.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('is empty only when nothing at all was sent', () => {
    expect(model.isEmpty).toBe(false);
    const none = personLogModel({ ...liWeekLog, totalSeconds: 0, rawSeconds: 0, discounts: { overlap: 0, daily_cap: 0, outside_allowlist: 0, invalid: 0 }, days: [], byResource: [], byCategory: { 'political-theory': 0, 'cppcc-theory': 0, professional: 0, other: 0 } }, resources);
    expect(none.isEmpty).toBe(true);
    expect(none.trend).toHaveLength(7);
  });
});
