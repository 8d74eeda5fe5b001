// The unit tree (委室) from the flat list the API returns: roots are units whose parent the caller
// cannot see, children sorted by name, so a leader's tree starts at their own unit.
import type { Unit } from '../../../shared/schemas/organisation.ts';

export interface UnitNode {
  unit: Unit;
  depth: number;
  children: UnitNode[];
}

export function buildUnitTree(units: readonly Unit[], locale: string): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const collator = new Intl.Collator(locale);
  const visited = new Set<string>();
  const grow = (parent: string | null, depth: number): UnitNode[] =>
    (byParent.get(parent) ?? [])
      .filter((u) => !visited.has(u.id))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((unit) => {
        visited.add(unit.id);
        return { unit, depth, children: grow(unit.id, depth + 1) };
      });
  return grow(null, 0);
}

/** Depth-first order, for rendering the tree as a list. */
export function flattenTree(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The unit the overview opens on: the one asked for if visible, else the viewer's own, else the first root. */
export function pickUnit(units: readonly Unit[], wanted: string | null, own: string | null, locale: string): Unit | null {
  const find = (id: string | null) => (id === null ? undefined : units.find((u) => u.id === id));
  return find(wanted) ?? find(own) ?? buildUnitTree(units, locale)[0]?.unit ?? null;
}

/** "Office / Research": the unit's path from the top of what the caller sees. */
export function unitPath(units: readonly Unit[], unitId: string | null): string {
  const byId = new Map(units.map((u) => [u.id, u]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let u = unitId === null ? undefined : byId.get(unitId); u && !seen.has(u.id); u = u.parentId === null ? undefined : byId.get(u.parentId)) {
    seen.add(u.id);
    names.unshift(u.name);
  }
  return names.join(' / ');
}
