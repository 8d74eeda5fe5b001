// The date range of a report or export from its query: `from`/`to`, or a `period` containing `date`
// (default: today in the organisation's time zone), capped at a number of days.
import { rangeQuerySchema } from '../../shared/schemas/reports.ts';
import { daysInRange, periodRange, type DateRange } from '../../shared/time/periods.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { validationFailed } from './api-error.ts';
import { parseOrFail } from './json-body.ts';

export function reportRange(query: Record<string, string>, options: { nowMs: number; timeZone: string; maxDays: number }): DateRange {
  const parsed = parseOrFail(rangeQuerySchema, query);
  const range = 'period' in parsed ? periodRange(parsed.period, parsed.date ?? dateInZone(options.nowMs, options.timeZone)) : parsed;
  if (daysInRange(range) > options.maxDays) throw validationFailed(`to: the range may span at most ${options.maxDays} days`);
  return range;
}
