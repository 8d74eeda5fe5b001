// Credited seconds per day and resource: runs clipped to a range of days and cut at the zone's
// midnights. Rounding happens here, once: each run's stretch within one day is floored to whole
// seconds, and that total is shared among its resources by cumulative flooring, so days, resources
// and categories always add up to the same total and no per-segment rounding loss accumulates.
//
//   run           ├── r1 2.6 s ──┼── r2 2.6 s ──┤        one day, 5.2 s of union
//   cumulative    0             2.6            5.2
//   floored       0              2              5        → r1 2 s, r2 3 s, day 5 s
import { splitByDay } from '../../shared/time/zoned-days.ts';
import type { UnionRun } from './union-intervals.ts';

export interface DailyCredit {
  date: string;
  resourceId: string;
  seconds: number;
}

/** Credits within [fromMs, toMs), which must be day boundaries in the zone; zero credits are left out. */
export function dailyCredits(runs: readonly UnionRun[], timeZone: string, fromMs: number, toMs: number): DailyCredit[] {
  const totals = new Map<string, DailyCredit>();
  for (const run of runs) {
    const startMs = Math.max(run.startMs, fromMs);
    const endMs = Math.min(run.endMs, toMs);
    if (startMs >= endMs) continue;
    for (const day of splitByDay(startMs, endMs, timeZone)) {
      for (const piece of run.pieces) {
        const pieceStart = Math.max(piece.startMs, day.startMs);
        const pieceEnd = Math.min(piece.endMs, day.endMs);
        if (pieceStart >= pieceEnd) continue;
        const seconds =
          Math.floor((pieceEnd - day.startMs) / 1000) - Math.floor((pieceStart - day.startMs) / 1000);
        if (seconds === 0) continue;
        const key = `${day.date}\u0000${piece.resourceId}`;
        const credit = totals.get(key);
        if (credit) credit.seconds += seconds;
        else totals.set(key, { date: day.date, resourceId: piece.resourceId, seconds });
      }
    }
  }
  return [...totals.values()].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0,
  );
}
