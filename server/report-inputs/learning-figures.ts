// What the programme reads of a person's notes over a date range (their hours come from
// person-figures.ts, over the same daily totals as GET /api/people/{id}/log).
import { dateRangeMs } from '../aggregation/date-range.ts';
import type { NoteRecord, Store } from '../store/store-contract.ts';

export interface ProgrammeNote {
  resourceId: string | null;
  tags: string[];
  mustRead: { bookId: string } | null;
  quote: string;
  comment: string;
  reviewed: boolean;
}

const programmeNote = ({ note, review }: NoteRecord): ProgrammeNote => ({
  resourceId: note.resourceId,
  tags: note.tags,
  mustRead: note.mustRead,
  quote: note.quote,
  comment: note.comment,
  reviewed: review !== null,
});

/** The person's live notes written in the range (by when they were created, as the log counts them). */
export async function notesInRange(store: Store, timeZone: string, personId: string, from: string, to: string): Promise<ProgrammeNote[]> {
  const { fromMs, toMs } = dateRangeMs(from, to, timeZone);
  const { notes } = await store.queryNotes({ personIds: [personId], fromMs, toMs });
  return notes.map(programmeNote);
}

/** notesInRange for each of `personIds` (every one present, in the same order), in one store read. */
export async function notesOfPeople(store: Store, timeZone: string, personIds: readonly string[], from: string, to: string): Promise<Map<string, ProgrammeNote[]>> {
  const out = new Map<string, ProgrammeNote[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return out;
  const { fromMs, toMs } = dateRangeMs(from, to, timeZone);
  const { notes } = await store.queryNotes({ personIds: [...personIds], fromMs, toMs });
  for (const record of notes) out.get(record.personId)?.push(programmeNote(record));
  return out;
}
