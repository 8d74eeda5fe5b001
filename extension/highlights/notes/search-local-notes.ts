// Finding the notes kept on this device in the side panel: full-text search over quote, comment, tags and title, and filters
// by tag, resource, category and date (the day the note was made, in the organisation's time zone).
import type { Category } from '../../../shared/schemas/domain.ts';
import { dateInZone } from '../../../shared/time/zoned-days.ts';
import type { LocalNote } from '../../storage/notes-book.ts';

export interface LocalNoteFilters {
  readonly query: string;
  readonly tag: string | null;
  /** A resource id, 'none' for notes outside designated resources, or null for any. */
  readonly resourceId: string | null;
  readonly category: Category | null;
  /** Inclusive dates of the organisation's zone, YYYY-MM-DD. */
  readonly from: string | null;
  readonly to: string | null;
}

export const NO_LOCAL_NOTE_FILTERS: LocalNoteFilters = { query: '', tag: null, resourceId: null, category: null, from: null, to: null };


export function searchLocalNotes(
  notes: readonly LocalNote[],
  filters: LocalNoteFilters,
  categoryOf: (resourceId: string) => Category | undefined,
  timeZone: string,
): LocalNote[] {
  // Every word must occur somewhere (Chinese has no spaces: a phrase is one word and matched as typed).
  const words = filters.query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return notes.filter(({ note }) => {
    if (filters.tag !== null && !note.tags.includes(filters.tag)) return false;
    if (filters.resourceId === 'none' ? note.resourceId !== null : filters.resourceId !== null && note.resourceId !== filters.resourceId) return false;
    if (filters.category !== null && (note.resourceId === null || categoryOf(note.resourceId) !== filters.category)) return false;
    if (filters.from !== null || filters.to !== null) {
      const day = dateInZone(Date.parse(note.createdAt), timeZone);
      if ((filters.from !== null && day < filters.from) || (filters.to !== null && day > filters.to)) return false;
    }
    if (words.length === 0) return true;
    const haystack = [note.quote, note.comment, note.title, note.url ?? '', ...note.tags].join('\n').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
