// Union of one person's study intervals from every device and tab, with each credited instant
// attributed to exactly one resource. Overlaps are never counted twice.
//
// Rule: every instant covered by several segments is credited to the segment that started first
// (ties: the one that ends later, then the smaller resource id, so the result never depends on input
// order). Touching or overlapping intervals form one run: the unioned interval that is rounded later.
//
//   segments   A ├────────────┤                 (resource r1, 09:00-09:10)
//              B       ├─────────────┤          (resource r2, 09:04-09:14, another device)
//              C                        ├──┤    (resource r1, 09:16-09:18)
//
//   pieces     r1├────────────┤r2├─────┤   r1├──┤
//   runs         └──── run 1: 14 min ──┘   └run 2┘
export interface CreditInterval {
  startMs: number;
  endMs: number;
  resourceId: string;
}

export interface CreditedPiece {
  startMs: number;
  endMs: number;
  resourceId: string;
}

/** A maximal stretch of covered time; its pieces are contiguous, ordered and cover it exactly. */
export interface UnionRun {
  startMs: number;
  endMs: number;
  pieces: CreditedPiece[];
}

function creditOrder(a: CreditInterval, b: CreditInterval): number {
  if (a.startMs !== b.startMs) return a.startMs - b.startMs;
  if (a.endMs !== b.endMs) return b.endMs - a.endMs;
  return a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0;
}

export function unionIntervals(intervals: readonly CreditInterval[]): UnionRun[] {
  const ordered = intervals.filter((i) => i.endMs > i.startMs).sort(creditOrder);
  const runs: UnionRun[] = [];
  // Everything before coveredUntil is already credited to an earlier-starting segment.
  let coveredUntil = -Infinity;
  for (const interval of ordered) {
    const startMs = Math.max(interval.startMs, coveredUntil);
    if (startMs >= interval.endMs) continue;
    const piece: CreditedPiece = { startMs, endMs: interval.endMs, resourceId: interval.resourceId };
    coveredUntil = interval.endMs;

    const run = runs.at(-1);
    if (!run || piece.startMs > run.endMs) {
      runs.push({ startMs: piece.startMs, endMs: piece.endMs, pieces: [piece] });
      continue;
    }
    run.endMs = piece.endMs;
    const last = run.pieces.at(-1)!;
    if (last.resourceId === piece.resourceId && last.endMs === piece.startMs) last.endMs = piece.endMs;
    else run.pieces.push(piece);
  }
  return runs;
}
