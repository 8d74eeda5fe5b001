// Reporting periods (week, month, quarter, year) as inclusive date ranges; weeks start on Monday,
// as the office's calendar does.

import { dateSchema } from '../schemas/domain.ts';
import { z } from 'zod';

export const PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export const periodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof periodSchema>;

export interface DateRange {
  from: string;
  to: string;
}

/** `YYYY-MM-DD`; a year past 9999 keeps all its digits, so the result is no longer a valid date. */
function fmt(d: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Date.UTC reads years 0-99 as 1900-1999: set the full year instead. */
function utcDay(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d;
}

function utc(date: string): Date {
  dateSchema.parse(date);
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The period of the given kind that contains `date`. A period reaching past 9999-12-31 ends on a
 * five-digit year, which no date schema accepts: check the result before using it (report-range.ts does).
 */
export function periodRange(period: Period, date: string): DateRange {
  const d = utc(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (period) {
    case 'week': {
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      const from = utcDay(y, m, d.getUTCDate() - sinceMonday);
      const to = utcDay(y, m, d.getUTCDate() - sinceMonday + 6);
      return { from: fmt(from), to: fmt(to) };
    }
    case 'month':
      return { from: fmt(utcDay(y, m, 1)), to: fmt(utcDay(y, m + 1, 0)) };
    case 'quarter': {
      const q = Math.floor(m / 3) * 3;
      return { from: fmt(utcDay(y, q, 1)), to: fmt(utcDay(y, q + 3, 0)) };
    }
    case 'year':
      return { from: `${String(y).padStart(4, '0')}-01-01`, to: `${String(y).padStart(4, '0')}-12-31` };
  }
}

/** Number of days in an inclusive range. */
export function daysInRange(range: DateRange): number {
  return Math.round((utc(range.to).getTime() - utc(range.from).getTime()) / 86_400_000) + 1;
}

/**
 * The share of an annual target that falls due within a range: targets accrue evenly over the days of
 * the year, so a leader comparing a week or a quarter sees a fair pro-rated figure.
 */
export function proRatedTargetSeconds(annualTargetSeconds: number, range: DateRange): number {
  let total = 0;
  let cursorYear = Number(range.from.slice(0, 4));
  const lastYear = Number(range.to.slice(0, 4));
  for (; cursorYear <= lastYear; cursorYear++) {
    const year = String(cursorYear).padStart(4, '0');
    const yearRange = { from: `${year}-01-01`, to: `${year}-12-31` };
    const from = range.from > yearRange.from ? range.from : yearRange.from;
    const to = range.to < yearRange.to ? range.to : yearRange.to;
    total += (annualTargetSeconds * daysInRange({ from, to })) / daysInRange(yearRange);
  }
  return Math.round(total);
}
