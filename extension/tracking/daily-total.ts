// Counted time on this device per calendar day of the organisation's time zone (the policy's), kept as
// small running totals because synced segments leave the outbox: the badge shows today, the popup today
// and this week. The days are the server's days, so "today" here is the day the learning log counts,
// wherever the browser's clock is set.
import { dateOfDay, dayNumber } from '../../shared/time/day-numbers.ts';
import { dateInZone, splitByDay, startOfDate } from '../../shared/time/zoned-days.ts';
import type { ClosedSegment, DayTotals, OpenSegment } from '../storage/tracker-state.ts';

/** Enough for this week and the previous one; older days are dropped. */
export const KEPT_DAYS = 14;

/** The Monday (as a date) of the week containing `date`; weeks start on Monday, as in China. */
function mondayOf(date: string): string {
  const day = dayNumber(date);
  // Day 0 (1970-01-01) was a Thursday: (day + 3) % 7 counts days since Monday.
  return dateOfDay(day - ((day + 3) % 7));
}

/** Adds closed segments to their days, and forgets days older than KEPT_DAYS before nowMs. */
export function addClosed(totals: DayTotals | null, segments: readonly ClosedSegment[], nowMs: number, timeZone: string): DayTotals {
  const next: Record<string, number> = { ...(totals ?? {}) };
  for (const s of segments) {
    for (const piece of splitByDay(s.startedAt, s.endedAt, timeZone)) {
      next[piece.date] = (next[piece.date] ?? 0) + (piece.endMs - piece.startMs) / 1000;
    }
  }
  const oldest = dateOfDay(dayNumber(dateInZone(nowMs, timeZone)) - (KEPT_DAYS - 1));
  return Object.fromEntries(Object.entries(next).filter(([day]) => day >= oldest));
}

/** Seconds counted from the start of `firstDay` to now: closed totals of those days plus the open segment's part. */
function secondsSince(firstDay: string, totals: DayTotals | null, open: OpenSegment | null, nowMs: number, timeZone: string): number {
  const today = dateInZone(nowMs, timeZone);
  let seconds = 0;
  for (const [day, value] of Object.entries(totals ?? {})) if (day >= firstDay && day <= today) seconds += value;
  if (open !== null) seconds += Math.max(0, nowMs - Math.max(open.startedAt, startOfDate(firstDay, timeZone))) / 1000;
  return seconds;
}

export function secondsCountedToday(totals: DayTotals | null, open: OpenSegment | null, nowMs: number, timeZone: string): number {
  return secondsSince(dateInZone(nowMs, timeZone), totals, open, nowMs, timeZone);
}

export function secondsCountedThisWeek(totals: DayTotals | null, open: OpenSegment | null, nowMs: number, timeZone: string): number {
  return secondsSince(mondayOf(dateInZone(nowMs, timeZone)), totals, open, nowMs, timeZone);
}
