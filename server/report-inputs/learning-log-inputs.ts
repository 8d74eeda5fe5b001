// A person's learning log's inputs over a date range (aggregation/learning-log.ts): their daily totals,
// the category of each resource, and how many notes they wrote in the organisation's days of the range.
import { dateRangeMs } from '../aggregation/date-range.ts';
import type { learningLog } from '../aggregation/learning-log.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import type { Store } from '../store/store-contract.ts';

export async function learningLogInputs(store: Store, personId: string, range: DateRange, timeZone: string): Promise<Parameters<typeof learningLog>[0]> {
  const { fromMs, toMs } = dateRangeMs(range.from, range.to, timeZone);
  const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
  const notes = await store.countNotesByPerson({ personIds: [personId], fromMs, toMs });
  return {
    personId,
    ...range,
    days: await store.dayTotals(personId, dayNumber(range.from), dayNumber(range.to)),
    categoryOf: (id) => categories.get(id),
    notesCount: notes.get(personId) ?? 0,
  };
}
