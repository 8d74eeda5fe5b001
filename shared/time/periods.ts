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

function fmt(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utc(date: string): Date {
  dateSchema.parse(date);
  return new Date(`${date}T00:00:00Z`);
}

/** The period of the given kind that contains `date`. */
export function periodRange(period: Period, date: string): DateRange {
  const d = utc(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (period) {
    case 'week': {
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      const from = new Date(Date.UTC(y, m, d.getUTCDate() - sinceMonday));
      const to = new Date(Date.UTC(y, m, d.getUTCDate() - sinceMonday + 6));
      return { from: fmt(from), to: fmt(to) };
    }
    case 'month':
      return { from: fmt(new Date(Date.UTC(y, m, 1))), to: fmt(new Date(Date.UTC(y, m + 1, 0))) };
    case 'quarter': {
      const q = Math.floor(m / 3) * 3;
      return { from: fmt(new Date(Date.UTC(y, q, 1))), to: fmt(new Date(Date.UTC(y, q + 3, 0))) };
    }
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
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
    const yearRange = { from: `${cursorYear}-01-01`, to: `${cursorYear}-12-31` };
    const from = range.from > yearRange.from ? range.from : yearRange.from;
    const to = range.to < yearRange.to ? range.to : yearRange.to;
    total += (annualTargetSeconds * daysInRange({ from, to })) / daysInRange(yearRange);
  }
  return Math.round(total);
}
