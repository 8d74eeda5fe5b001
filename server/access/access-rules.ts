// Who may see and change whom: the one place every route asks. People see themselves; a leader sees
// the people of their unit and of every unit below it; admins see everyone. Checking someone else's
// work (reviewing a note, writing remarks, deciding a grade or a proposed change) is for admins and
// the leaders over them, never for oneself. Units: a leader leads their unit and everything under it.
//
//   office ─┬─ research ── research-sub      leader of office: sees and leads all four
//           └─ culture                       leader of research: research, research-sub
//
// Every rule walks the tree up from the unit asked about, with a visited set: a cycle in a hand-edited
// store stops the walk instead of hanging the request.
import type { Role } from '../../shared/schemas/domain.ts';
import type { Store, UnitRecord, UserRecord } from '../store/store-contract.ts';

export type ParentOf = (unitId: string) => string | null | undefined;

/** Who is asking: the signed-in user, or any record with their role and unit. */
export interface Viewer {
  id: string;
  role: Role;
  unitId: string | null;
}

/** Whom they ask about: a person placed in a unit (or in none). */
export interface Placed {
  id: string;
  unitId: string | null;
}

/** The one parent map of the unit tree, built once per request from the units read. */
export function parentLookup(units: readonly UnitRecord[]): ParentOf {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  return (unitId) => parents.get(unitId);
}

/** True when `unitId` is `ancestorId` or lies somewhere under it. */
function within(unitId: string | null, ancestorId: string | null, parentOf: ParentOf): boolean {
  if (unitId === null || ancestorId === null) return false;
  const visited = new Set<string>();
  for (let unit: string | null = unitId; unit && !visited.has(unit); unit = parentOf(unit) ?? null) {
    if (unit === ancestorId) return true;
    visited.add(unit);
  }
  return false;
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

/** May the viewer see this person's records (and record research for them)? Themselves, admins, leaders over them. */
export function canViewPerson(viewer: Viewer, person: Placed, parentOf: ParentOf): boolean {
  if (viewer.id === person.id || viewer.role === 'admin') return true;
  return viewer.role === 'leader' && within(person.unitId, viewer.unitId, parentOf);
}

/**
 * May the viewer check this person's work: review their notes, write their remarks, decide their grade
 * or a change they proposed? Admins and leaders over them; never oneself.
 */
export function oversees(viewer: Viewer, person: Placed, parentOf: ParentOf): boolean {
  if (viewer.id === person.id) return false;
  return viewer.role === 'admin' || (viewer.role === 'leader' && canViewPerson(viewer, person, parentOf));
}

/**
 * Does the viewer lead this unit: read its reports (summary, xAPI, bulletin), set its default plan,
 * schedule and change its sessions? Admins lead every unit; a leader their own and every unit under it.
 */
export function leadsUnit(viewer: Viewer, unitId: string, parentOf: ParentOf): boolean {
  return viewer.role === 'admin' || (viewer.role === 'leader' && within(unitId, viewer.unitId, parentOf));
}

/** A unit's default plan is read by those who lead it and by its members (and members of units under it). */
export function canSeeUnitPlan(viewer: Viewer, unitId: string, parentOf: ParentOf): boolean {
  return leadsUnit(viewer, unitId, parentOf) || within(viewer.unitId, unitId, parentOf);
}

/** Units listed to the viewer: all for admins, a leader's subtree, a staff member's own unit. */
export function visibleUnitIds(viewer: Viewer, units: readonly UnitRecord[]): Set<string> {
  if (viewer.role === 'admin') return new Set(units.map((u) => u.id));
  if (viewer.unitId === null) return new Set();
  if (viewer.role === 'leader') return subtreeOf(viewer.unitId, units);
  return new Set([viewer.unitId]);
}

/**
 * canViewPerson's rule as a read of the store: a leader sees the people whose unit is in their subtree,
 * so only those are asked for; admins everyone; anyone else themselves. In the store's order.
 */
export async function visiblePeople(store: Pick<Store, 'listUsers'>, viewer: UserRecord, units: readonly UnitRecord[]): Promise<UserRecord[]> {
  if (viewer.role === 'admin') return store.listUsers();
  // The leader's own unit is the subtree's root, so they are among its people.
  if (viewer.role === 'leader' && viewer.unitId !== null) return store.listUsers({ unitIds: [...subtreeOf(viewer.unitId, units)] });
  return store.listUsers({ ids: [viewer.id] });
}
