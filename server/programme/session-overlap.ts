// Two sessions clash when their windows overlap and someone would be expected at both: the same
// organiser, or audiences that share people (the same unit, or one unit inside the other).
import { unitsAbove } from './unit-tree.ts';

export interface ScheduledSession {
  id: string;
  startMs: number;
  endMs: number;
  organiserId: string;
  unitIds: readonly string[];
}

/** The first existing session the candidate clashes with (itself excluded, for edits), or null. */
export function findClash(
  candidate: ScheduledSession,
  existing: readonly ScheduledSession[],
  parentOf: (unitId: string) => string | null | undefined,
): ScheduledSession | null {
  const lineage = (unitIds: readonly string[]) => new Set(unitIds.flatMap((u) => unitsAbove(u, parentOf)));
  const candidateLineage = lineage(candidate.unitIds);
  for (const other of existing) {
    if (other.id === candidate.id) continue;
    // Half-open windows: one ending at 10:00 and another starting at 10:00 do not overlap.
    if (other.startMs >= candidate.endMs || candidate.startMs >= other.endMs) continue;
    if (other.organiserId === candidate.organiserId) return other;
    // Audiences share people when a unit of one is the other's unit or lies under it.
    const otherLineage = lineage(other.unitIds);
    if (candidate.unitIds.some((u) => otherLineage.has(u)) || other.unitIds.some((u) => candidateLineage.has(u))) return other;
  }
  return null;
}
