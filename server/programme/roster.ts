// Who is expected at a session: the people who belonged to its units (or their sub-units) on its date,
// by their dated memberships, ordered by name (the roster is a list to tick, never a ranking). Someone
// hired, moved or deactivated later is never added to or taken off a past roster.
import type { Membership } from '../../shared/schemas/membership.ts';
import { membershipOn } from './membership-history.ts';
import { isUnder } from './unit-tree.ts';

export interface RosterPerson {
  id: string;
  name: string;
  memberships: readonly Membership[];
}

/** Whether the person was in one of the units (or under one) on the date. */
export function expectedOn(person: RosterPerson, unitIds: readonly string[], date: string, parentOf: (unitId: string) => string | null | undefined): boolean {
  const m = membershipOn(person.memberships, date);
  return m !== null && isUnder(m.unitId, unitIds, parentOf);
}

export function rosterFor<P extends RosterPerson>(
  unitIds: readonly string[],
  date: string,
  people: readonly P[],
  parentOf: (unitId: string) => string | null | undefined,
): P[] {
  return people.filter((p) => expectedOn(p, unitIds, date, parentOf)).sort(byName);
}

export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
