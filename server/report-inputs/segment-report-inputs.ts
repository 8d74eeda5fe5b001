// A person's segments report's inputs over a date range (aggregation/segment-reports.ts): their accepted
// segments overlapping the organisation's days of the range, and what each was credited on those days.
import { dateRangeMs } from '../aggregation/date-range.ts';
import type { segmentReports } from '../aggregation/segment-reports.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import type { Store } from '../store/store-contract.ts';

export async function segmentReportInputs(store: Store, personId: string, range: DateRange, timeZone: string): Promise<Parameters<typeof segmentReports>[0]> {
  const { fromMs, toMs } = dateRangeMs(range.from, range.to, timeZone);
  return {
    credits: await store.segmentCredits(personId, dayNumber(range.from), dayNumber(range.to)),
    segments: await store.segmentsForPerson(personId, fromMs, toMs),
  };
}
