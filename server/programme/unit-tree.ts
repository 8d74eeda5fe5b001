// Walks the unit tree: a unit with every unit above it, and which people belong under a set of units.
// A visited set guards every walk against a cycle in a hand-edited store.

/** The unit itself, then its parent, and so on up to the root. */
export function unitsAbove(unitId: string, parentOf: (unitId: string) => string | null | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let u: string | null | undefined = unitId; u && !seen.has(u); u = parentOf(u)) {
    out.push(u);
    seen.add(u);
  }
  return out;
}

/** True when the unit is one of `roots` or lies under one of them. */
export function isUnder(unitId: string | null, roots: readonly string[], parentOf: (unitId: string) => string | null | undefined): boolean {
  if (unitId === null) return false;
  const wanted = new Set(roots);
  return unitsAbove(unitId, parentOf).some((u) => wanted.has(u));
}
