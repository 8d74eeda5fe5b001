// The date range a report shows: a named period around a date, or a custom from/to. Kept in the URL's
// query so a view can be bookmarked, shared and reloaded.
import { periodRange, PERIODS, type DateRange, type Period } from '../../../shared/time/periods.ts';

export type RangeChoice = { kind: 'period'; period: Period; date: string } | { kind: 'custom'; from: string; to: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string | null): value is string {
  return value !== null && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Reads the range from a query string; anything missing or malformed falls back to this month. */
export function rangeFromQuery(query: URLSearchParams, today: string): RangeChoice {
  const from = query.get('from');
  const to = query.get('to');
  if (isDate(from) && isDate(to) && from <= to) return { kind: 'custom', from, to };
  const period = query.get('period');
  const date = query.get('date');
  return {
    kind: 'period',
    period: (PERIODS as readonly string[]).includes(period ?? '') ? (period as Period) : 'month',
    date: isDate(date) ? date : today,
  };
}

/** The query parameters the API and the URL both take. */
export function rangeToQuery(choice: RangeChoice): Record<string, string> {
  return choice.kind === 'custom' ? { from: choice.from, to: choice.to } : { period: choice.period, date: choice.date };
}

export function resolveRange(choice: RangeChoice): DateRange {
  return choice.kind === 'custom' ? { from: choice.from, to: choice.to } : periodRange(choice.period, choice.date);
}

/**
 * Another kind of period (or a custom range) chosen in the picker. A period keeps the date it stands
 * on, so 本年度 → 本周 on 7 December shows the week of 7 December, never the week of 31 December; a
 * custom range becomes the period around its last day, or today if that is later than today.
 */
export function switchPeriod(choice: RangeChoice, next: Period | 'custom', today: string): RangeChoice {
  const range = resolveRange(choice);
  if (next === 'custom') return { kind: 'custom', ...range };
  const date = choice.kind === 'period' ? choice.date : range.to < today ? range.to : today;
  return { kind: 'period', period: next, date };
}

/** The same kind of period just before or after (custom ranges keep their length). */
export function shiftRange(choice: RangeChoice, direction: -1 | 1): RangeChoice {
  const range = resolveRange(choice);
  if (choice.kind === 'period') {
    const edge = direction < 0 ? addDays(range.from, -1) : addDays(range.to, 1);
    return { kind: 'period', period: choice.period, date: edge };
  }
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
  return { kind: 'custom', from: addDays(range.from, direction * days), to: addDays(range.to, direction * days) };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
