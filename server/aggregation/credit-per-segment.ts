// How much of each segment is credited, by the same rule as union-intervals.ts: an instant covered
// by several segments belongs to the one that started first (then the one ending later, then the
// smaller resource id, then the smaller segment id). Summing the results never counts a second twice.
//
//   A ├──────────┤          → A credited 10 min
//   B      ├──────────┤     → B credited only its part after A ends
//   C         ├──┤          → C credited 0 (inside A and B)

export interface CreditableSegment {
  id: string;
  resourceId: string;
  startMs: number;
  endMs: number;
}

function creditOrder(a: CreditableSegment, b: CreditableSegment): number {
  if (a.startMs !== b.startMs) return a.startMs - b.startMs;
  if (a.endMs !== b.endMs) return b.endMs - a.endMs;
  if (a.resourceId !== b.resourceId) return a.resourceId < b.resourceId ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Credited milliseconds per segment id. */
export function creditPerSegment(segments: readonly CreditableSegment[]): Map<string, number> {
  const credited = new Map<string, number>();
  // In credit order every earlier segment starts no later, so what they cover is one interval ending
  // at `coveredUntil` as far as any later segment can overlap it.
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (const s of [...segments].sort(creditOrder)) {
    const from = Math.max(s.startMs, coveredUntil);
    credited.set(s.id, (credited.get(s.id) ?? 0) + Math.max(0, s.endMs - from));
    coveredUntil = Math.max(coveredUntil, s.endMs);
  }
  return credited;
}
