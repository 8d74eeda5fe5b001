// Coverage of the six kinds of field visit (六进: 企业, 农村, 社区, 学校, 工地, 市场) per unit: how many
// visits of each kind the unit's people made in the year, and how many of the six kinds it reached.
import { VISIT_KINDS, type VisitKind } from '../../../../shared/schemas/programme-research.ts';

export interface CoverageRow {
  unitId: string | null;
  counts: Record<VisitKind, number>;
  /** How many of the six kinds have at least one visit. */
  covered: number;
}

/**
 * One row per unit that has people in the overview, in the order of `unitOrder` (units not in it, and
 * people without a unit, last); a visit counts for its person's unit.
 */
export function visitCoverage(
  visits: readonly { personId: string; kind: VisitKind }[],
  people: readonly { personId: string; unitId: string | null }[],
  unitOrder: readonly string[],
): CoverageRow[] {
  const unitOf = new Map(people.map((p) => [p.personId, p.unitId]));
  const rows = new Map<string | null, CoverageRow>();
  const row = (unitId: string | null) => {
    let r = rows.get(unitId);
    if (!r) {
      r = { unitId, counts: Object.fromEntries(VISIT_KINDS.map((k) => [k, 0])) as Record<VisitKind, number>, covered: 0 };
      rows.set(unitId, r);
    }
    return r;
  };
  for (const p of people) row(p.unitId);
  for (const v of visits) {
    if (!unitOf.has(v.personId)) continue;
    row(unitOf.get(v.personId)!).counts[v.kind] += 1;
  }
  for (const r of rows.values()) r.covered = VISIT_KINDS.filter((k) => r.counts[k] > 0).length;
  const rank = (id: string | null) => (id === null ? Infinity : unitOrder.indexOf(id) === -1 ? unitOrder.length : unitOrder.indexOf(id));
  return [...rows.values()].sort((a, b) => rank(a.unitId) - rank(b.unitId));
}
