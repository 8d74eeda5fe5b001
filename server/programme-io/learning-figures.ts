// What the programme reads from the learning log: a person's credited online seconds by category over
// a date range (the same numbers as GET /api/people/{id}/log, from the daily totals), and their notes.
import { CATEGORIES, type Category } from '../../shared/schemas/domain.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { dateRangeMs } from '../aggregation/date-range.ts';
import { learningLog } from '../aggregation/learning-log.ts';
import { filterNotes } from '../notes/note-filters.ts';
import type { Store } from '../store/records.ts';

export async function onlineSecondsByCategory(store: Store, personId: string, from: string, to: string): Promise<Record<Category, number>> {
  const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
  const log = learningLog({
    personId,
    from,
    to,
    days: await store.dayTotals(personId, dayNumber(from), dayNumber(to)),
    categoryOf: (id) => categories.get(id),
    notesCount: 0,
  });
  return Object.fromEntries(CATEGORIES.map((c) => [c, log.byCategory[c] ?? 0])) as Record<Category, number>;
}

export interface ProgrammeNote {
  resourceId: string | null;
  tags: string[];
  quote: string;
  comment: string;
  reviewed: boolean;
}

/** The person's live notes written in the range (by when they were created, as the log counts them). */
export async function notesInRange(store: Store, timeZone: string, personId: string, from: string, to: string): Promise<ProgrammeNote[]> {
  const { fromMs, toMs } = dateRangeMs(from, to, timeZone);
  return filterNotes(
    (await store.listNotes()).filter((n) => n.personId === personId),
    { fromMs, toMs },
  ).map(({ note, review }) => ({ resourceId: note.resourceId, tags: note.tags, quote: note.quote, comment: note.comment, reviewed: review !== null }));
}
