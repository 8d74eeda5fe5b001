// The person's notes as this browser keeps them: a book per account, as storage/items.ts stores it.
// Declared here, below highlights/ (whose notes/local-notes.ts holds the pure operations on a book),
// because storage/ builds on nothing above it.
import type { Note, NoteReview } from '../../shared/schemas/notes.ts';
import type { Rejection } from '../../shared/schemas/sync.ts';

export interface LocalNote {
  readonly note: Note;
  /** A leader's check, as the server last reported it. */
  readonly review: NoteReview | null;
  /** The server refused this version: kept here, shown to the person, not resent until edited. */
  readonly rejection: Pick<Rejection, 'code' | 'message'> | null;
}

export interface NotesBook {
  readonly notes: Readonly<Record<string, LocalNote>>;
  /** Versions not yet accepted by the server, oldest first, at most one per note. */
  readonly pending: readonly Note[];
  /** The server's cursor after the last changes received; null before the first exchange. */
  readonly cursor: string | null;
  /** When changes were last asked for (epoch ms). */
  readonly pulledAt: number | null;
}
