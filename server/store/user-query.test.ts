// The filters' one meaning on a read of people. Both engines answering them (in creation order, counts
// too, the same after reopening) is part of the store contract: test/store/core-contract.test.ts.
import { describe, expect, it } from 'vitest';
import { userMatcher, userQuerySchema } from './user-query.ts';
import type { UserRecord } from './store-contract.ts';

const user = (id: string, unitId: string | null) => ({ id, unitId }) as UserRecord;

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
});
