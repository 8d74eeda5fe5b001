// What the note exports need of a note: the note and its review. The extension's local notes and the
// server's stored notes both have this shape, so the side panel and the dashboard share one converter.
import type { Note, NoteReview } from '../schemas/notes.ts';

export interface ExportableNote {
  readonly note: Note;
  readonly review: NoteReview | null;
  /** Who wrote it, when the export holds several people's notes (the dashboard's review); absent in one's own. */
  readonly authorName?: string;
}
