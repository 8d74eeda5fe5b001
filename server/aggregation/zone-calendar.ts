// The organisation's calendar with memory: which date an instant falls on, and where each date starts.
// Intl's time-zone arithmetic costs microseconds a call and ingest asks thousands of times a second,
// always about the same few days. Offsets change only on quarter-hour boundaries, so the date of every
// instant in one quarter hour is the same and is computed once.
import { dateInZone, nextDate, startOfDate } from '../../shared/time/zoned-days.ts';

const QUARTER_HOUR_MS = 900_000;
/** Bounds the memory: a few years of quarter hours, then start over. */
const MAX_ENTRIES = 200_000;

export class ZoneCalendar {
  private readonly dates = new Map<number, string>();
  private readonly starts = new Map<string, number>();

  constructor(readonly timeZone: string) {}

  dateOf(epochMs: number): string {
    const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
    let date = this.dates.get(bucket);
    if (date === undefined) {
      if (this.dates.size >= MAX_ENTRIES) this.dates.clear();
      date = dateInZone(bucket * QUARTER_HOUR_MS, this.timeZone);
      this.dates.set(bucket, date);
    }
    return date;
  }

  startOf(date: string): number {
    let start = this.starts.get(date);
    if (start === undefined) {
      if (this.starts.size >= MAX_ENTRIES) this.starts.clear();
      start = startOfDate(date, this.timeZone);
      this.starts.set(date, start);
    }
    return start;
  }

  /** The dates [startMs, endMs) touches, in order. */
  datesTouched(startMs: number, endMs: number): string[] {
    const out: string[] = [];
    for (let cursor = startMs; cursor < endMs; ) {
      const date = this.dateOf(cursor);
      out.push(date);
      cursor = this.startOf(nextDate(date));
    }
    return out;
  }
}
