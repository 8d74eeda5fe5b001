// Who may see a person's records: the person, admins, and leaders of the person's unit or of any
// unit above it.
import type { Role } from '../../shared/schemas/domain.ts';

interface Viewer {
  id: string;
  role: Role;
  unitId: string | null;
}

export function canViewPerson(
  viewer: Viewer,
  person: { id: string; unitId: string | null },
  parentOf: (unitId: string) => string | null | undefined,
): boolean {
  if (viewer.id === person.id || viewer.role === 'admin') return true;
  if (viewer.role !== 'leader' || viewer.unitId === null) return false;
  // Walk up from the person's unit; the visited set guards against a cycle in a hand-edited store.
  const visited = new Set<string>();
  for (let unit = person.unitId; unit && !visited.has(unit); unit = parentOf(unit) ?? null) {
    if (unit === viewer.unitId) return true;
    visited.add(unit);
  }
  return false;
}
