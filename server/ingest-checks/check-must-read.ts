// The must-read check a note gets after its shape: an explicit link (note.mustRead) must name a book on
// the author's year plan for the year the note was written (in the organisation's zone). A link the
// server already holds for this note is kept even when the book has since left the list, so editing an
// old note's comment is never refused; a deletion always goes through. Refused notes change nothing.
import { SEGMENT_REJECTION_CODES } from '../../shared/schemas/sync.ts';
import type { Note } from '../../shared/schemas/notes.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';

/** The year whose must-read list a note's link is checked against: its creation year in the zone. */
export function mustReadYear(note: Note, timeZone: string): number {
  return Number(dateInZone(Date.parse(note.createdAt), timeZone).slice(0, 4));
}

/** Whether the note's link needs checking against the list (a new or changed link on a live note). */
export function mustReadLinkChanged(note: Note, stored: Note | null): boolean {
  if (note.mustRead === null || note.deletedAt !== null) return false;
  return stored?.mustRead?.bookId !== note.mustRead.bookId;
}

/**
 * Null when the note's link is acceptable, else its rejection. `books` are the ids on the author's
 * year plan for `mustReadYear(note)`; `stored` is the version the server holds, if any.
 */
export function mustReadProblem(
  note: Note,
  input: { stored: Note | null; year: number; books: ReadonlySet<string> },
): { id: string; code: string; message: string } | null {
  const link = note.mustRead;
  if (link === null || !mustReadLinkChanged(note, input.stored) || input.books.has(link.bookId)) return null;
  return {
    id: note.id,
    code: SEGMENT_REJECTION_CODES.unknownMustReadBook,
    message: `mustRead: "${link.bookId}" is not a book on your must-read list for ${input.year}`,
  };
}
