// The organisation's calendar with memory: which date an instant falls on, and where each date starts.
// Intl's time-zone arithmetic costs microseconds a call and ingest asks thousands of times a second,
// always about the same few days. Offsets change only on quarter-hour boundaries, so the date of every
// instant in one quarter hour is the same and is computed once.
import { dateOfDay, dayNumber } from '../../shared/time/day-numbers.ts';
import { dateInZone, startOfDate } from '../../shared/time/zoned-days.ts';

const QUARTER_HOUR_MS = 900_000;
/** Bounds the memory: a few years of quarter hours, then start over. */
const MAX_ENTRIES = 200_000;

/** The value for `key`, computed once; the map starts over when it holds MAX_ENTRIES. */
function remembered<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= MAX_ENTRIES) map.clear();
    value = compute();
    map.set(key, value);
  }
  return value;
}

export class ZoneCalendar {
  private readonly dates = new Map<number, string>();
  private readonly starts = new Map<string, number>();
  /** The same two, by day number: ingest and day totals work in day numbers, not strings. */
  private readonly days = new Map<number, number>();
  private readonly dayStarts = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  dateOf(epochMs: number): string {
    const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
    return remembered(this.dates, bucket, () => dateInZone(bucket * QUARTER_HOUR_MS, this.timeZone));
  }

  startOf(date: string): number {
    return remembered(this.starts, date, () => startOfDate(date, this.timeZone));
  }

  /** The day number of the date an instant falls on. */
  dayOf(epochMs: number): number {
    return remembered(this.days, Math.floor(epochMs / QUARTER_HOUR_MS), () => dayNumber(this.dateOf(epochMs)));
  }

  /** Where a day (by number) starts. */
  startOfDay(day: number): number {
    return remembered(this.dayStarts, day, () => this.startOf(dateOfDay(day)));
  }

  /** Calls `visit` with the number of every day [startMs, endMs) touches, in order. */
  forEachDayTouched(startMs: number, endMs: number, visit: (day: number) => void): void {
    if (startMs >= endMs) return;
    for (let day = this.dayOf(startMs); ; day++) {
      visit(day);
      if (this.startOfDay(day + 1) >= endMs) return;
    }
  }
}
