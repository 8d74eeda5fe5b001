// The date range of a report or export from its query: `from`/`to`, or a `period` containing `date`
// (default: today in the organisation's time zone), capped at a number of days so a report stays bounded,
// and within the dates reports cover (REPORT_DATES): anything else is a 400, never a 500.
import { z } from 'zod';
import { REPORT_DATES, reportDateSchema } from '../../shared/schemas/domain.ts';
import { logQuerySchema } from '../../shared/schemas/log.ts';
import { daysInRange, periodRange, periodSchema, type DateRange } from '../../shared/time/periods.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { validationFailed } from './api-error.ts';
import { parseOrFail } from './json-body.ts';

/** A year, leap day included: the longest range any report takes. */
export const MAX_RANGE_DAYS = 366;

const periodQuerySchema = z.object({ period: periodSchema, date: reportDateSchema.optional() });

export function reportRange(
  query: Record<string, string>,
  options: { nowMs: number; timeZone: string; maxDays?: number },
): DateRange {
  const maxDays = options.maxDays ?? MAX_RANGE_DAYS;
  // Parsed as one form or the other (not a union), so an error names the field that is wrong.
  let range: DateRange;
  if (query.period !== undefined) {
    const { period, date } = parseOrFail(periodQuerySchema, query);
    const day = date ?? dateInZone(options.nowMs, options.timeZone);
    range = periodRange(period, day);
    if (!reportDateSchema.safeParse(range.from).success || !reportDateSchema.safeParse(range.to).success) {
      throw validationFailed(`date: the ${period} of ${day} reaches outside the dates reports cover (${REPORT_DATES.first} to ${REPORT_DATES.last})`);
    }
  } else {
    range = parseOrFail(logQuerySchema, query);
  }
  if (daysInRange(range) > maxDays) throw validationFailed(`to: the range may span at most ${maxDays} days`);
  return range;
}
