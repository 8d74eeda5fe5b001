// The organisation's calendar with memory: which date an instant falls on, and where each date starts.
// Intl's time-zone arithmetic costs microseconds a call and ingest asks thousands of times a second,
// always about the same few days. Offsets change only on quarter-hour boundaries, so the date of every
// instant in one quarter hour is the same and is computed once.
import { dateOfDay, dayNumber } from '../../shared/time/day-numbers.ts';
import { dateInZone, startOfDate } from '../../shared/time/zoned-days.ts';

const QUARTER_HOUR_MS = 900_000;
/** Bounds the memory: a few years of quarter hours, then start over. */
const MAX_ENTRIES = 200_000;

export class ZoneCalendar {
  private readonly dates = new Map<number, string>();
  private readonly starts = new Map<string, number>();
  /** The same two, by day number: ingest and day totals work in day numbers, not strings. */
  private readonly days = new Map<number, number>();
  private readonly dayStarts = new Map<number, number>();

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

  /** The day number of the date an instant falls on. */
  dayOf(epochMs: number): number {
    const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
    let day = this.days.get(bucket);
    if (day === undefined) {
      if (this.days.size >= MAX_ENTRIES) this.days.clear();
      day = dayNumber(this.dateOf(epochMs));
      this.days.set(bucket, day);
    }
    return day;
  }

  /** Where a day (by number) starts. */
  startOfDay(day: number): number {
    let start = this.dayStarts.get(day);
    if (start === undefined) {
      if (this.dayStarts.size >= MAX_ENTRIES) this.dayStarts.clear();
      start = this.startOf(dateOfDay(day));
      this.dayStarts.set(day, start);
    }
    return start;
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
