// Every access rule, asked for every viewer about every person or unit of one small organisation, held
// to tables written out by hand: a change to any rule changes a table, on purpose or not at all.
import { describe, expect, it } from 'vitest';
import type { UnitRecord, UserRecord } from '../store/store-contract.ts';
import { userMatcher, type UserQuery } from '../store/user-query.ts';
import { canSeeUnitPlan, canViewPerson, leadsUnit, oversees, parentLookup, subtreeOf, visiblePeople, visibleUnitIds } from './access-rules.ts';

// office ─┬─ research ── research-sub
//         └─ culture          (and 'orphan', whose parent is gone)
const unit = (id: string, parentId: string | null): UnitRecord => ({ id, name: id, parentId, createdAt: '2026-01-01T00:00:00.000Z' });
const units = [unit('office', null), unit('research', 'office'), unit('research-sub', 'research'), unit('culture', 'office'), unit('orphan', 'gone')];
const unitIds = units.map((u) => u.id);
const parentOf = parentLookup(units);
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
  user('sub-lead', 'leader', 'research-sub'),
  user('r-staff', 'staff', 'research'),
  user('sub-staff', 'staff', 'research-sub'),
  user('c-lead', 'leader', 'culture'),
  user('c-staff', 'staff', 'culture'),
  user('loose-lead', 'leader', null),
  user('loose-staff', 'staff', null),
  user('orphan-staff', 'staff', 'orphan'),
  user('former', 'staff', 'research'),
];

/** For each viewer, the ids the rule answers yes for, in the order asked. */
function table(ids: readonly string[], rule: (viewer: UserRecord, id: string) => boolean): Record<string, string[]> {
  return Object.fromEntries(people.map((viewer) => [viewer.id, ids.filter((id) => rule(viewer, id))]));
}
const personIds = people.map((p) => p.id);
const personById = (id: string) => people.find((p) => p.id === id)!;
const office = ['head', 'r-lead', 'sub-lead', 'r-staff', 'sub-staff', 'c-lead', 'c-staff', 'former'];
const research = ['r-lead', 'sub-lead', 'r-staff', 'sub-staff', 'former'];

describe('canViewPerson: who may see whose records', () => {
  it('gives themselves to everyone, everyone to admins, and to a leader the people of their unit and below', () => {
    expect(table(personIds, (viewer, id) => canViewPerson(viewer, personById(id), parentOf))).toEqual({
      admin: personIds,
      head: office,
      'r-lead': research,
      'sub-lead': ['sub-lead', 'sub-staff'],
      'r-staff': ['r-staff'],
      'sub-staff': ['sub-staff'],
      'c-lead': ['c-lead', 'c-staff'],
      'c-staff': ['c-staff'],
      'loose-lead': ['loose-lead'],
      'loose-staff': ['loose-staff'],
      'orphan-staff': ['orphan-staff'],
      former: ['former'],
    });
  });

  it('stops on a cycle of units instead of looping', () => {
    const cyclic: Record<string, string> = { a: 'b', b: 'a' };
    expect(canViewPerson({ id: 'l', role: 'leader', unitId: 'c' }, { id: 'x', unitId: 'a' }, (id) => cyclic[id])).toBe(false);
    expect(canViewPerson({ id: 'l', role: 'leader', unitId: 'b' }, { id: 'x', unitId: 'a' }, (id) => cyclic[id])).toBe(true);
  });
});

describe('oversees: who checks whose work (note reviews, remarks, grades, proposed changes)', () => {
  it('is admins and leaders over the person, never oneself, never staff', () => {
    expect(table(personIds, (viewer, id) => oversees(viewer, personById(id), parentOf))).toEqual({
      admin: personIds.filter((id) => id !== 'admin'),
      head: office.filter((id) => id !== 'head'),
      'r-lead': research.filter((id) => id !== 'r-lead'),
      'sub-lead': ['sub-staff'],
      'r-staff': [],
      'sub-staff': [],
      'c-lead': ['c-staff'],
      'c-staff': [],
      'loose-lead': [],
      'loose-staff': [],
      'orphan-staff': [],
      former: [],
    });
  });
});

describe('leadsUnit: whose unit reports, plans and sessions', () => {
  it('is every unit for admins, a leader’s unit and those under it, and nothing for staff', () => {
    expect(table(unitIds, (viewer, id) => leadsUnit(viewer, id, parentOf))).toEqual({
      admin: unitIds,
      head: ['office', 'research', 'research-sub', 'culture'],
      'r-lead': ['research', 'research-sub'],
      'sub-lead': ['research-sub'],
      'r-staff': [],
      'sub-staff': [],
      'c-lead': ['culture'],
      'c-staff': [],
      'loose-lead': [],
      'loose-staff': [],
      'orphan-staff': [],
      former: [],
    });
  });

  it('stops on a cycle of units instead of looping', () => {
    const cyclic: Record<string, string> = { a: 'b', b: 'a' };
    expect(leadsUnit({ id: 'l', role: 'leader', unitId: 'c' }, 'a', (id) => cyclic[id])).toBe(false);
    expect(leadsUnit({ id: 'l', role: 'leader', unitId: 'a' }, 'b', (id) => cyclic[id])).toBe(true);
  });
});

describe('canSeeUnitPlan: whose default plan one reads', () => {
  it('is the units one leads plus one’s own unit and those above it', () => {
    expect(table(unitIds, (viewer, id) => canSeeUnitPlan(viewer, id, parentOf))).toEqual({
      admin: unitIds,
      head: ['office', 'research', 'research-sub', 'culture'],
      'r-lead': ['office', 'research', 'research-sub'],
      'sub-lead': ['office', 'research', 'research-sub'],
      'r-staff': ['office', 'research'],
      'sub-staff': ['office', 'research', 'research-sub'],
      'c-lead': ['office', 'culture'],
      'c-staff': ['office', 'culture'],
      'loose-lead': [],
      'loose-staff': [],
      'orphan-staff': ['orphan'],
      former: ['office', 'research'],
    });
  });
});

describe('visibleUnitIds: the units listed', () => {
  it('lists all units to admins, a subtree to leaders, their own unit to staff, none without a unit', () => {
    expect(table(unitIds, (viewer, id) => visibleUnitIds(viewer, units).has(id))).toEqual({
      admin: unitIds,
      head: ['office', 'research', 'research-sub', 'culture'],
      'r-lead': ['research', 'research-sub'],
      'sub-lead': ['research-sub'],
      'r-staff': ['research'],
      'sub-staff': ['research-sub'],
      'c-lead': ['culture'],
      'c-staff': ['culture'],
      'loose-lead': [],
      'loose-staff': [],
      'orphan-staff': ['orphan'],
      former: ['research'],
    });
  });
});

describe('subtreeOf', () => {
  it('finds a unit and everything below it, guarding against cycles', () => {
    expect([...subtreeOf('research', units)].sort()).toEqual(['research', 'research-sub']);
    expect([...subtreeOf('a', [unit('a', 'b'), unit('b', 'a')])].sort()).toEqual(['a', 'b']);
  });
});

describe('visiblePeople: canViewPerson as a read of the store', () => {
  const queries: UserQuery[] = [];
  const store = {
    listUsers: async (query?: UserQuery) => {
      if (query !== undefined) queries.push(query);
      return query === undefined ? people : people.filter(userMatcher(query));
    },
  };
  const ids = (list: readonly UserRecord[]) => list.map((p) => p.id);

  it('gives each viewer the people canViewPerson allows, in the store order', async () => {
    for (const viewer of people) {
      const expected = people.filter((p) => canViewPerson(viewer, p, parentOf));
      expect(ids(await visiblePeople(store, viewer, units)), viewer.id).toEqual(ids(expected));
    }
  });

  it('asks a leader’s people by unit and anyone else’s by their own id, never for everyone', async () => {
    queries.length = 0;
    await visiblePeople(store, personById('r-lead'), units);
    await visiblePeople(store, personById('r-staff'), units);
    await visiblePeople(store, personById('loose-lead'), units);
    expect(queries).toEqual([{ unitIds: ['research', 'research-sub'] }, { ids: ['r-staff'] }, { ids: ['loose-lead'] }]);
  });
});
