// Who may organise a session (and so see its roster, code and leave reasons): an admin, someone inside
// its units, or a leader whose unit lies above all of them. Anyone else would be handed another unit's roster.
import type { Role } from '../../shared/schemas/domain.ts';
import { isUnder } from './unit-tree.ts';

export function mayOrganise(
  person: { role: Role; unitId: string | null; active: boolean },
  unitIds: readonly string[],
  parentOf: (unitId: string) => string | null | undefined,
): boolean {
  if (!person.active) return false;
  if (person.role === 'admin') return true;
  if (person.unitId === null) return false;
  if (isUnder(person.unitId, unitIds, parentOf)) return true;
  const own = person.unitId;
  return person.role === 'leader' && unitIds.every((u) => isUnder(u, [own], parentOf));
}
