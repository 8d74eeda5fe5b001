// Union of one person's study intervals from every device and tab, with each credited instant
// attributed to exactly one resource. Overlaps are never counted twice.
//
// Rule: every instant covered by several segments is credited to the segment that started first
// (ties: the one that ends later, then the smaller resource id, then the smaller key, so the result
// never depends on input order). Touching or overlapping intervals form one run: the unioned interval that is rounded later.
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
  /** Names the interval (a segment id) so its piece can be traced back; the last tie-break. */
  key?: string;
}

export interface CreditedPiece {
  startMs: number;
  endMs: number;
  resourceId: string;
  key?: string;
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
  if (a.resourceId !== b.resourceId) return a.resourceId < b.resourceId ? -1 : 1;
  const ak = a.key ?? '';
  const bk = b.key ?? '';
  return ak < bk ? -1 : ak > bk ? 1 : 0;
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
    if (interval.key !== undefined) piece.key = interval.key;
    coveredUntil = interval.endMs;

    const run = runs.at(-1);
    if (!run || piece.startMs > run.endMs) {
      runs.push({ startMs: piece.startMs, endMs: piece.endMs, pieces: [piece] });
      continue;
    }
    run.endMs = piece.endMs;
    const last = run.pieces.at(-1)!;
    // Pieces of one resource join up, unless they are traced to different intervals.
    if (last.resourceId === piece.resourceId && last.key === piece.key && last.endMs === piece.startMs) last.endMs = piece.endMs;
    else run.pieces.push(piece);
  }
  return runs;
}
