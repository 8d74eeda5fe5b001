// Today's counted time on this device, kept as a small running total because synced segments leave
// the outbox. "Today" is the browser's local calendar day; the server decides the official day.
import type { ClosedSegment, OpenSegment } from './types.ts';

export interface DailyTotal {
  /** Local date, YYYY-MM-DD. */
  readonly day: string;
  readonly seconds: number;
}

export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function startOfLocalDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Seconds of [startedAt, endedAt) that fall on the local day containing nowMs. */
function secondsToday(startedAt: number, endedAt: number, nowMs: number): number {
  const dayStart = startOfLocalDay(nowMs);
  return Math.max(0, endedAt - Math.max(startedAt, dayStart)) / 1000;
}

/** Adds closed segments to the total, starting a fresh total when the day has changed. */
export function addClosed(total: DailyTotal | null, segments: readonly ClosedSegment[], nowMs: number): DailyTotal {
  const day = localDay(nowMs);
  const base = total !== null && total.day === day ? total.seconds : 0;
  return { day, seconds: segments.reduce((sum, s) => sum + secondsToday(s.startedAt, s.endedAt, nowMs), base) };
}

/** Closed seconds today plus the part of the open segment that lies in today. */
export function secondsCountedToday(total: DailyTotal | null, open: OpenSegment | null, nowMs: number): number {
  const closed = total !== null && total.day === localDay(nowMs) ? total.seconds : 0;
  const running = open === null ? 0 : secondsToday(open.startedAt, Math.max(open.startedAt, nowMs), nowMs);
  return closed + running;
}
