// A range of calendar dates as instants: [start of `from`, start of the day after `to`) in the zone.
import { nextDate, startOfDate } from '../../shared/time/zoned-days.ts';

export function dateRangeMs(from: string, to: string, timeZone: string): { fromMs: number; toMs: number } {
  return { fromMs: startOfDate(from, timeZone), toMs: startOfDate(nextDate(to), timeZone) };
}
