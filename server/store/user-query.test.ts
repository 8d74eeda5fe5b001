// The filters' one meaning on a read of people. Both engines answering them (in creation order, counts
// too, the same after reopening) is part of the store contract: test/store/core-contract.test.ts.
import { describe, expect, it } from 'vitest';
import { userMatcher, userQuerySchema } from './user-query.ts';
import type { UserRecord } from './store-contract.ts';

const user = (id: string, unitId: string | null, memberships: UserRecord['memberships'] = []) => ({ id, unitId, memberships }) as UserRecord;
const period = (unitId: string | null, from: string, to: string | null) => ({ unitId, from, to, role: 'staff' as const });

describe('user query', () => {
  it('refuses unknown filters and ids that are no identifiers', () => {
    for (const bad of [{ unitId: 'u1' }, { ids: ['has space'] }, { unitIds: [''] }, { ids: 'p1' }]) {
      expect(userQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('matches by current unit and by id, both when both are given; nobody without a unit is in a unit', () => {
    const matches = userMatcher({ unitIds: ['a', 'b'], ids: ['p1', 'p3'] });
    expect([user('p1', 'a'), user('p2', 'a'), user('p3', null), user('p4', 'c')].filter(matches).map((u) => u.id)).toEqual(['p1']);
    expect([user('p1', null), user('p2', 'a')].filter(userMatcher({})).map((u) => u.id)).toEqual(['p1', 'p2']);
    expect([user('p1', 'a')].filter(userMatcher({ unitIds: [] }))).toEqual([]);
  });

  it('matches who belonged to the units on some day of the range by history, and without history by the current unit', () => {
    const people = [
      user('moved', 'b', [period('a', '2026-01-01', '2026-03-05'), period('b', '2026-03-06', null)]),
      user('left', null, [period('a', '2026-01-01', '2026-01-31')]),
      user('legacy', 'a'),
      user('legacy-elsewhere', 'c'),
      user('nowhere', null),
    ];
    const matched = (unitIds: string[], from: string, to: string) => people.filter(userMatcher({ belongedTo: { unitIds, from, to } })).map((u) => u.id);
    expect(matched(['a'], '2026-01-31', '2026-01-31')).toEqual(['moved', 'left', 'legacy']);
    expect(matched(['a'], '2026-02-01', '2026-03-05')).toEqual(['moved', 'legacy']);
    expect(matched(['a'], '2026-03-06', '2026-12-31')).toEqual(['legacy']);
    expect(matched(['b'], '2026-01-01', '2026-03-05')).toEqual([]);
    expect(matched(['b', 'c'], '2026-03-06', '2026-03-06')).toEqual(['moved', 'legacy-elsewhere']);
    expect(matched([], '2000-01-01', '2099-12-31')).toEqual([]);
    for (const bad of [{ unitIds: ['a'], from: '2026-01-01' }, { unitIds: ['a'], from: '2026-01-01', to: 'tomorrow' }, { unitIds: ['a'], from: '2026-01-01', to: '2026-12-31', extra: 1 }]) {
      expect(userQuerySchema.safeParse({ belongedTo: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
