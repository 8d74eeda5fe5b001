// What the programme reads of a person's notes over a date range (their hours come from
// person-figures.ts, over the same daily totals as GET /api/people/{id}/log).
import { dateRangeMs } from '../aggregation/date-range.ts';
import { notesMatchingQuery } from '../notes/query-notes.ts';
import type { NoteRecord, Store } from '../store/records.ts';

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
  return programmeNotes((await store.listNotes()).filter((n) => n.personId === personId), fromMs, toMs);
}

/** Of one person's notes, the live ones created in [fromMs, toMs). */
export function programmeNotes(notes: readonly NoteRecord[], fromMs: number, toMs: number): ProgrammeNote[] {
  return notesMatchingQuery(notes, { fromMs, toMs }).map(({ note, review }) => ({ resourceId: note.resourceId, tags: note.tags, mustRead: note.mustRead, quote: note.quote, comment: note.comment, reviewed: review !== null }));
}
