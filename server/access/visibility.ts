// Who sees which units and notes, built on the one rule of can-view-person.ts: people see
// themselves, leaders their unit and everything below it, admins everything.
import type { UnitRecord, UserRecord } from '../store/store-contract.ts';
import { canViewPerson } from './can-view-person.ts';

export type ParentOf = (unitId: string) => string | null | undefined;

export function parentLookup(units: readonly UnitRecord[]): ParentOf {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  return (unitId) => parents.get(unitId);
}

/** The unit and every unit below it. */
export function subtreeOf(rootId: string, units: readonly UnitRecord[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Units listed to the viewer: all for admins, a leader's subtree, a staff member's own unit. */
export function visibleUnitIds(viewer: UserRecord, units: readonly UnitRecord[]): Set<string> {
  if (viewer.role === 'admin') return new Set(units.map((u) => u.id));
  if (viewer.unitId === null) return new Set();
  if (viewer.role === 'leader') return subtreeOf(viewer.unitId, units);
  return new Set([viewer.unitId]);
}

/** Unit reports are for admins and the leaders of the unit or a unit above it. */
export function canReportOnUnit(viewer: UserRecord, unitId: string, units: readonly UnitRecord[]): boolean {
  if (viewer.role === 'admin') return true;
  return viewer.role === 'leader' && viewer.unitId !== null && subtreeOf(viewer.unitId, units).has(unitId);
}

/** Reviewing a note is a leader's check on someone else: admins, or leaders over the author; never one's own. */
export function canReviewNoteOf(viewer: UserRecord, author: UserRecord, parentOf: ParentOf): boolean {
  if (viewer.id === author.id) return false;
  if (viewer.role === 'admin') return true;
  return viewer.role === 'leader' && canViewPerson(viewer, author, parentOf);
}
