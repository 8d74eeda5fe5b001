// Who is expected at a session: the active people of its units and their sub-units, ordered by name
// (the roster is a list to tick, never a ranking).
import { isUnder } from './unit-tree.ts';

export interface RosterPerson {
  id: string;
  name: string;
  unitId: string | null;
  active: boolean;
}

export function rosterFor<P extends RosterPerson>(
  unitIds: readonly string[],
  people: readonly P[],
  parentOf: (unitId: string) => string | null | undefined,
): P[] {
  return people.filter((p) => p.active && isUnder(p.unitId, unitIds, parentOf)).sort(byName);
}

export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
