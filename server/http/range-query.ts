// A report's date range from the query string: `from` and `to`, or a `period` around `date` (today in
// the organisation's zone by default). At most 366 days, so a report stays bounded.
import { logQuerySchema } from '../../shared/schemas/log.ts';
import { dateSchema } from '../../shared/schemas/domain.ts';
import { periodRange, periodSchema, daysInRange, type DateRange } from '../../shared/time/periods.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { z } from 'zod';
import { validationFailed } from './api-error.ts';
import { parseOrFail } from './json-body.ts';

export const MAX_RANGE_DAYS = 366;

const periodQuerySchema = z.object({ period: periodSchema, date: dateSchema.optional() });

export function resolveRange(query: Record<string, string>, nowMs: number, timeZone: string): DateRange {
  if (query.period !== undefined) {
    const { period, date } = parseOrFail(periodQuerySchema, query);
    return periodRange(period, date ?? dateInZone(nowMs, timeZone));
  }
  const range = parseOrFail(logQuerySchema, query);
  if (daysInRange(range) > MAX_RANGE_DAYS) throw validationFailed(`to: the range may span at most ${MAX_RANGE_DAYS} days`);
  return range;
}
