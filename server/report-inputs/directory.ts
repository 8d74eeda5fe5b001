// The people and units the programme's routes work over, read once per request, with the tree's parent
// map the access rules (access/access-rules.ts) walk.
import type { Role } from '../../shared/schemas/domain.ts';
import type { Membership } from '../../shared/schemas/membership.ts';
import { parentLookup, type ParentOf } from '../access/access-rules.ts';
import { expectedOn } from '../programme/roster.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { Store, UnitRecord, UserRecord } from '../store/store-contract.ts';

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
  parentOf: ParentOf;
}

/**
 * `users`: the people the request works over when the caller has read them already: every person (the
 * organisation may be 20,000 people: read once), or only those a report covers (a unit's summary) when
 * nothing it does looks anyone else up.
 */
export async function loadDirectory(store: Store, users?: readonly UserRecord[]): Promise<Directory> {
  users ??= await store.listUsers();
  const units = await store.listUnits();
  const people = users.map((u) => ({ id: u.id, name: u.name, role: u.role, unitId: u.unitId, active: u.active, memberships: u.memberships }));
  const byId = new Map(people.map((p) => [p.id, p]));
  return { people, units, person: (id) => byId.get(id), parentOf: parentLookup(units) };
}

/** In the session's units on its date (dated memberships: a later hire or move changes nothing). */
export function onRoster(session: Pick<SessionRecord, 'unitIds' | 'date'>, personId: string, directory: Directory): boolean {
  const person = directory.person(personId);
  return person !== undefined && expectedOn(person, session.unitIds, session.date, directory.parentOf);
}
