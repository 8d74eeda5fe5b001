// Counted time on this device per local calendar day, kept as small running totals because synced
// segments leave the outbox: the badge shows today, the popup today and this week. The server decides
// the official days (in the organisation's time zone); these are the person's own view.
import type { ClosedSegment, OpenSegment } from './types.ts';

/** Seconds per local date (YYYY-MM-DD). */
export type DayTotals = Readonly<Record<string, number>>;

/** Enough for this week and the previous one; older days are dropped. */
export const KEPT_DAYS = 14;

export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function startOfLocalDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function startOfNextLocalDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** Monday 00:00 local time of the week containing ms (weeks start on Monday, as in China). */
function startOfLocalWeek(ms: number): number {
  const d = new Date(ms);
  const sinceMonday = (d.getDay() + 6) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday).getTime();
}

/** [startedAt, endedAt) cut at local midnights, as seconds per day. */
function splitByDay(startedAt: number, endedAt: number): [string, number][] {
  const parts: [string, number][] = [];
  for (let from = startedAt; from < endedAt; ) {
    const to = Math.min(endedAt, startOfNextLocalDay(from));
    parts.push([localDay(from), (to - from) / 1000]);
    from = to;
  }
  return parts;
}

/** Adds closed segments to their days, and forgets days older than KEPT_DAYS before nowMs. */
export function addClosed(totals: DayTotals | null, segments: readonly ClosedSegment[], nowMs: number): DayTotals {
  const next: Record<string, number> = { ...(totals ?? {}) };
  for (const s of segments) {
    for (const [day, seconds] of splitByDay(s.startedAt, s.endedAt)) next[day] = (next[day] ?? 0) + seconds;
  }
  const oldest = localDay(startOfLocalDay(nowMs) - (KEPT_DAYS - 1) * 86_400_000);
  return Object.fromEntries(Object.entries(next).filter(([day]) => day >= oldest));
}

/** Seconds counted from `fromMs` to now: closed totals of those days plus the open segment's part. */
function secondsSince(fromMs: number, totals: DayTotals | null, open: OpenSegment | null, nowMs: number): number {
  const firstDay = localDay(fromMs);
  let seconds = 0;
  for (const [day, value] of Object.entries(totals ?? {})) if (day >= firstDay && day <= localDay(nowMs)) seconds += value;
  if (open !== null) seconds += Math.max(0, nowMs - Math.max(open.startedAt, fromMs)) / 1000;
  return seconds;
}

export function secondsCountedToday(totals: DayTotals | null, open: OpenSegment | null, nowMs: number): number {
  return secondsSince(startOfLocalDay(nowMs), totals, open, nowMs);
}

export function secondsCountedThisWeek(totals: DayTotals | null, open: OpenSegment | null, nowMs: number): number {
  return secondsSince(startOfLocalWeek(nowMs), totals, open, nowMs);
}
