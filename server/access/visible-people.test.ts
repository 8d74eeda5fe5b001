// visiblePeople asks the store for exactly the people canViewPerson lets the viewer see, in the
// store's order, for every kind of viewer.
import { describe, expect, it } from 'vitest';
import type { UnitRecord, UserRecord } from '../store/store-contract.ts';
import { userMatcher, type UserQuery } from '../store/user-query.ts';
import { canViewPerson } from './can-view-person.ts';
import { visiblePeople } from './visible-people.ts';
import { parentLookup } from './visibility.ts';

// office ─┬─ research ── research-sub
//         └─ culture          (and 'orphan', whose parent is gone)
const unit = (id: string, parentId: string | null): UnitRecord => ({ id, name: id, parentId, createdAt: '2026-01-01T00:00:00.000Z' });
const units = [unit('office', null), unit('research', 'office'), unit('research-sub', 'research'), unit('culture', 'office'), unit('orphan', 'gone')];
const user = (id: string, role: UserRecord['role'], unitId: string | null): UserRecord => ({
  id,
  username: id,
  name: id,
  role,
  unitId,
  passwordHash: 'h',
  active: id !== 'former',
  createdAt: '2026-01-01T00:00:00.000Z',
  memberships: [],
});
const people = [
  user('admin', 'admin', null),
  user('head', 'leader', 'office'),
  user('r-lead', 'leader', 'research'),
  user('r-staff', 'staff', 'research'),
  user('sub-staff', 'staff', 'research-sub'),
  user('c-lead', 'leader', 'culture'),
  user('c-staff', 'staff', 'culture'),
  user('loose-lead', 'leader', null),
  user('loose-staff', 'staff', null),
  user('orphan-staff', 'staff', 'orphan'),
  user('former', 'staff', 'research'),
];
const queries: UserQuery[] = [];
const store = {
  listUsers: async (query?: UserQuery) => {
    if (query !== undefined) queries.push(query);
    return query === undefined ? people : people.filter(userMatcher(query));
  },
};
const ids = (list: readonly UserRecord[]) => list.map((p) => p.id);

describe('visiblePeople', () => {
  it('gives each viewer the people canViewPerson allows, in the store order', async () => {
    const parentOf = parentLookup(units);
    for (const viewer of people) {
      const expected = people.filter((p) => canViewPerson(viewer, p, parentOf));
      expect(ids(await visiblePeople(store, viewer, units)), viewer.id).toEqual(ids(expected));
    }
  });

  it('asks a leader’s people by unit and anyone else’s by their own id, never for everyone', async () => {
    queries.length = 0;
    await visiblePeople(store, people[2]!, units);
    await visiblePeople(store, people[3]!, units);
    await visiblePeople(store, people[7]!, units);
    expect(queries).toEqual([{ unitIds: ['research', 'research-sub'] }, { ids: ['r-staff'] }, { ids: ['loose-lead'] }]);
  });
});
