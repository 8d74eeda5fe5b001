// One person's day as both engines count it: which daily cap applies (the newest policy any of the
// day's segments was counted under) and the stored total the credit becomes. The embedded store
// (state.ts) and the PostgreSQL one (postgres/postgres-store.ts) call these, so a day is counted by one
// rule whichever engine keeps it.
import { splitDaySeconds, type DayCredit, type DayRefused, type DaySegment } from '../aggregation/split-day-seconds.ts';
import { dateInZone, startOfDate } from '../../shared/time/zoned-days.ts';
import type { DayTotalRecord } from './store-contract.ts';

export interface PersonDaySegment extends DaySegment {
  policyVersion: number;
}

/** Splits one person's day into credited seconds and the reason for every other second, from the raw and refused segments that overlap it. */
export function splitPersonDay(input: {
  dayStartMs: number;
  dayEndMs: number;
  segments: readonly PersonDaySegment[];
  refused: readonly DayRefused[];
  /** The daily cap of a policy version, undefined when none is kept by that number. */
  capOf: (version: number) => number | undefined;
  /** The cap when no segment names a kept version (a day of refused seconds only). */
  currentCapSeconds: number;
}): DayCredit {
  let version = -1;
  for (const s of input.segments) if (s.policyVersion > version) version = s.policyVersion;
  const capSeconds = input.capOf(version) ?? input.currentCapSeconds;
  return splitDaySeconds({ dayStartMs: input.dayStartMs, dayEndMs: input.dayEndMs, capSeconds, segments: input.segments, refused: input.refused });
}

/** The stored total of a credited day; null when nothing at all was sent for it (no row is kept). */
export function dayTotalOf(personId: string, day: number, credit: DayCredit): DayTotalRecord | null {
  if (credit.rawSeconds === 0) return null;
  const byResource: (string | number)[] = [];
  for (const [resourceId, seconds] of [...credit.byResource].sort(([a], [b]) => (a < b ? -1 : 1))) byResource.push(resourceId, seconds);
  return {
    personId,
    day,
    rawSeconds: credit.rawSeconds,
    creditedSeconds: credit.creditedSeconds,
    overlapSeconds: credit.overlapSeconds,
    dailyCapSeconds: credit.dailyCapSeconds,
    outsideAllowlistSeconds: credit.outsideAllowlistSeconds,
    invalidSeconds: credit.invalidSeconds,
    byResource,
  };
}

const DAY_MS = 86_400_000;

/** Raw segments that ended before this instant are folded away: whole days, before the first day inside the retention window. */
export function foldBeforeMs(nowMs: number, retentionDays: number, timeZone: string): number {
  return startOfDate(dateInZone(nowMs - retentionDays * DAY_MS, timeZone), timeZone);
}
