// What the programme reads of a person's notes over a date range (their hours come from
// person-figures.ts, over the same daily totals as GET /api/people/{id}/log).
import { dateRangeMs } from '../aggregation/date-range.ts';
import type { Store } from '../store/store-contract.ts';

export interface ProgrammeNote {
  resourceId: string | null;
  tags: string[];
  mustRead: { bookId: string } | null;
  quote: string;
  comment: string;
  reviewed: boolean;
}

/** The person's live notes written in the range (by when they were created, as the log counts them). */
export async function notesInRange(store: Store, timeZone: string, personId: string, from: string, to: string): Promise<ProgrammeNote[]> {
  const { fromMs, toMs } = dateRangeMs(from, to, timeZone);
  const { notes } = await store.queryNotes({ personIds: [personId], fromMs, toMs });
  return notes.map(({ note, review }) => ({ resourceId: note.resourceId, tags: note.tags, mustRead: note.mustRead, quote: note.quote, comment: note.comment, reviewed: review !== null }));
}
