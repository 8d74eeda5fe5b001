// Daily seconds bucketed for a trend chart: days for a month or less, ISO weeks (Monday first) up to
// a quarter and a half, months beyond. Days without study count as zero, so gaps show.
import { addDays } from './range.ts';

export type Granularity = 'day' | 'week' | 'month';

export interface TrendBucket {
  /** First date of the bucket (clipped to the range). */
  start: string;
  end: string;
  seconds: number;
}

export function granularityFor(from: string, to: string): Granularity {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  if (days <= 31) return 'day';
  if (days <= 140) return 'week';
  return 'month';
}

function bucketStart(date: string, granularity: Granularity): string {
  if (granularity === 'day') return date;
  if (granularity === 'month') return `${date.slice(0, 8)}01`;
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export function trendBuckets(
  days: readonly { date: string; seconds: number }[],
  from: string,
  to: string,
  granularity: Granularity = granularityFor(from, to),
): TrendBucket[] {
  const perDay = new Map<string, number>();
  for (const d of days) perDay.set(d.date, (perDay.get(d.date) ?? 0) + d.seconds);
  const buckets: TrendBucket[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const key = bucketStart(date, granularity);
    const last = buckets[buckets.length - 1];
    if (last && bucketStart(last.start, granularity) === key) {
      last.end = date;
      last.seconds += perDay.get(date) ?? 0;
    } else {
      buckets.push({ start: date, end: date, seconds: perDay.get(date) ?? 0 });
    }
  }
  return buckets;
}
