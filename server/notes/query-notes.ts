// Answering a `GET /api/notes` query over stored note records: which notes a listing shows, in what
// order, and how many notes a person wrote in a range. Pure: the caller passes the notes it may show
// and the time bounds in epoch milliseconds.
import type { NotesQuery } from '../../shared/schemas/notes.ts';
import type { NoteRecord } from '../store/records.ts';

/** Live notes created in [fromMs, toMs), counted per person. */
export function countNotesByPerson(notes: readonly NoteRecord[], fromMs: number, toMs: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of notes) {
    if (n.note.deletedAt !== null) continue;
    const created = Date.parse(n.note.createdAt);
    if (created < fromMs || created >= toMs) continue;
    counts.set(n.personId, (counts.get(n.personId) ?? 0) + 1);
  }
  return counts;
}

/** The live notes that match every filter the query sets (words: all must occur). */
export function notesMatchingQuery(
  notes: readonly NoteRecord[],
  query: Omit<NotesQuery, 'personId' | 'unitId' | 'from' | 'to' | 'limit'> & { fromMs?: number; toMs?: number },
): NoteRecord[] {
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  return notes.filter(({ note, review }) => {
    if (note.deletedAt !== null) return false;
    const created = Date.parse(note.createdAt);
    if (query.fromMs !== undefined && created < query.fromMs) return false;
    if (query.toMs !== undefined && created >= query.toMs) return false;
    if (query.tag !== undefined && !note.tags.includes(query.tag)) return false;
    if (query.resourceId !== undefined && note.resourceId !== query.resourceId) return false;
    if (query.reviewed !== undefined && (review !== null) !== (query.reviewed === 'true')) return false;
    if (words.length > 0) {
      const text = [note.title, note.quote, note.comment, ...note.tags].join('\n').toLowerCase();
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

/** Newest first; ties by id so pages are stable. */
export function newestFirst(a: NoteRecord, b: NoteRecord): number {
  return b.note.createdAt.localeCompare(a.note.createdAt) || (a.note.id < b.note.id ? -1 : 1);
}
