// What the programme reads from the learning log: a person's credited online seconds by category over
// a date range (the same numbers as GET /api/people/{id}/log), and their notes.
import { CATEGORIES, type Category } from '../../shared/schemas/domain.ts';
import { dateRangeMs, learningLog } from '../aggregation/learning-log.ts';
import type { Store } from '../store/records.ts';

export async function onlineSecondsByCategory(store: Store, timeZone: string, personId: string, from: string, to: string): Promise<Record<Category, number>> {
  const { fromMs, toMs } = dateRangeMs(from, to, timeZone);
  const segments = await store.segmentsForPerson(personId, fromMs, toMs);
  const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
  const log = learningLog({ personId, from, to, timeZone, segments, categoryOf: (id) => categories.get(id) });
  return Object.fromEntries(CATEGORIES.map((c) => [c, log.byCategory[c] ?? 0])) as Record<Category, number>;
}

export interface ProgrammeNote {
  resourceId: string | null;
  tags: string[];
  quote: string;
  comment: string;
  reviewed: boolean;
}

/**
 * The person's notes written in the range. The skeleton's store keeps no notes (they arrive with the
 * server branch's notes store), so this reads none until then.
 */
export async function notesInRange(_store: Store, _personId: string, _from: string, _to: string): Promise<ProgrammeNote[]> {
  return [];
}
