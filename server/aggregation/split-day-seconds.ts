// One person's one calendar day: raw seconds as sent, credited seconds, and a reason for every second
// in between. Every other report is a sum of these.
//
//   sent        A ├──────────┤                  B (other device) overlaps A
//               B       ├──────────┤            R refused (outside the allowlist)
//               R                      ├──┤
//   union         ├────────────────┤            overlap = raw(A) + raw(B) − union
//   cap                       ┆cap              daily_cap = union − credited (latest time is cut)
//   credited      ├───────────┤
//
// raw = credited + overlap + daily_cap + outside_allowlist + invalid, always. Seconds are counted on a
// grid of whole seconds from the day's start (floor of both ends), so pieces of one interval add up to
// the interval and no rounding loss accumulates.
import { unionIntervals } from './union-intervals.ts';

export interface DaySegment {
  /** The segment id: per-segment results are keyed by it. */
  key: string;
  resourceId: string;
  startMs: number;
  endMs: number;
}

export interface DayRefused {
  reason: 'outside_allowlist' | 'invalid';
  startMs: number;
  endMs: number;
}

export interface SegmentCredit {
  rawSeconds: number;
  creditedSeconds: number;
  overlapSeconds: number;
  dailyCapSeconds: number;
}

export interface DayCredit {
  rawSeconds: number;
  creditedSeconds: number;
  overlapSeconds: number;
  dailyCapSeconds: number;
  outsideAllowlistSeconds: number;
  invalidSeconds: number;
  /** Credited seconds per resource (resources with none are left out). */
  byResource: Map<string, number>;
  bySegment: Map<string, SegmentCredit>;
}

/** Applies the online-crediting rules (one count for overlapping devices, the daily cap, refusals) to one day's raw seconds. */
export function splitDaySeconds(input: {
  dayStartMs: number;
  dayEndMs: number;
  capSeconds: number;
  segments: readonly DaySegment[];
  refused: readonly DayRefused[];
}): DayCredit {
  const { dayStartMs, dayEndMs } = input;
  const secondsWithin = (startMs: number, endMs: number): number => {
    const from = Math.max(startMs, dayStartMs);
    const to = Math.min(endMs, dayEndMs);
    if (from >= to) return 0;
    return Math.floor((to - dayStartMs) / 1000) - Math.floor((from - dayStartMs) / 1000);
  };

  const result: DayCredit = {
    rawSeconds: 0,
    creditedSeconds: 0,
    overlapSeconds: 0,
    dailyCapSeconds: 0,
    outsideAllowlistSeconds: 0,
    invalidSeconds: 0,
    byResource: new Map(),
    bySegment: new Map(),
  };

  for (const s of input.segments) {
    const raw = secondsWithin(s.startMs, s.endMs);
    const known = result.bySegment.get(s.key);
    if (known) known.rawSeconds += raw;
    else result.bySegment.set(s.key, { rawSeconds: raw, creditedSeconds: 0, overlapSeconds: 0, dailyCapSeconds: 0 });
    result.rawSeconds += raw;
  }

  // Credit the union in time order until the cap is used up: the latest time of the day is cut.
  let capLeft = input.capSeconds;
  const runs = unionIntervals(input.segments.map((s) => ({ startMs: s.startMs, endMs: s.endMs, resourceId: s.resourceId, key: s.key })));
  const unionBySegment = new Map<string, number>();
  for (const run of runs) {
    for (const piece of run.pieces) {
      const seconds = secondsWithin(piece.startMs, piece.endMs);
      if (seconds === 0) continue;
      const key = piece.key!;
      unionBySegment.set(key, (unionBySegment.get(key) ?? 0) + seconds);
      const credited = Math.min(seconds, capLeft);
      capLeft -= credited;
      const segment = result.bySegment.get(key)!;
      segment.creditedSeconds += credited;
      segment.dailyCapSeconds += seconds - credited;
      if (credited > 0) result.byResource.set(piece.resourceId, (result.byResource.get(piece.resourceId) ?? 0) + credited);
    }
  }
  for (const [key, segment] of result.bySegment) {
    segment.overlapSeconds = segment.rawSeconds - (unionBySegment.get(key) ?? 0);
    result.creditedSeconds += segment.creditedSeconds;
    result.overlapSeconds += segment.overlapSeconds;
    result.dailyCapSeconds += segment.dailyCapSeconds;
  }

  for (const r of input.refused) {
    const seconds = secondsWithin(r.startMs, r.endMs);
    result.rawSeconds += seconds;
    if (r.reason === 'outside_allowlist') result.outsideAllowlistSeconds += seconds;
    else result.invalidSeconds += seconds;
  }
  return result;
}
