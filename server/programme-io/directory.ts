// The people and units the programme's routes work over, read once per request, with the access
// questions they ask: may the viewer see this person, does a leader manage these units.
import type { Role } from '../../shared/schemas/domain.ts';
import type { Membership } from '../../shared/schemas/membership.ts';
import { canViewPerson } from '../access/can-view-person.ts';
import { byName } from '../programme/roster.ts';
import { isUnder } from '../programme/unit-tree.ts';
import type { Store, UnitRecord, UserRecord } from '../store/records.ts';

export interface DirectoryPerson {
  id: string;
  name: string;
  role: Role;
  unitId: string | null;
  active: boolean;
  memberships: readonly Membership[];
}

export interface Directory {
  people: DirectoryPerson[];
  units: UnitRecord[];
  person(id: string): DirectoryPerson | undefined;
  parentOf(unitId: string): string | null | undefined;
  canView(viewer: UserRecord, person: DirectoryPerson): boolean;
  /** Admins manage every unit; a leader their unit and everything under it; staff none. */
  manages(viewer: UserRecord, unitId: string): boolean;
  /** People the viewer may see, ordered by name. */
  visiblePeople(viewer: UserRecord): DirectoryPerson[];
}

/** `users`: every person, when the caller has read them already (the organisation may be 20,000 people: read once). */
export async function loadDirectory(store: Store, users?: readonly UserRecord[]): Promise<Directory> {
  users ??= await store.listUsers();
  const units = await store.listUnits();
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  const people = users.map((u) => ({ id: u.id, name: u.name, role: u.role, unitId: u.unitId, active: u.active, memberships: u.memberships }));
  const byId = new Map(people.map((p) => [p.id, p]));
  const parentOf = (unitId: string) => parents.get(unitId);
  const canView = (viewer: UserRecord, person: DirectoryPerson) => canViewPerson(viewer, person, parentOf);
  return {
    people,
    units,
    person: (id) => byId.get(id),
    parentOf,
    canView,
    manages: (viewer, unitId) => viewer.role === 'admin' || (viewer.role === 'leader' && viewer.unitId !== null && isUnder(unitId, [viewer.unitId], parentOf)),
    visiblePeople: (viewer) => people.filter((p) => canView(viewer, p)).sort(byName),
  };
}
