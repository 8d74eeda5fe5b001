// The person's notes as this browser keeps them (a "book" per account), and the pure operations on it:
// saving locally (queued for sending), the server's verdicts, and merging what other devices changed.
// Conflicts follow shared/notes/merge-note.ts, the same rule the server applies.
import type { Note, StoredNote } from '../../../shared/schemas/notes.ts';
import type { Rejection } from '../../../shared/schemas/sync.ts';
import { mergeNote } from '../../../shared/notes/merge-note.ts';
import { normalisePageUrl } from '../../../shared/url/normalise-page-url.ts';
import type { LocalNote, NotesBook } from '../../storage/notes-book.ts';

export const EMPTY_BOOK: NotesBook = { notes: {}, pending: [], cursor: null, pulledAt: null };

/** Keeps a new version locally and queues it, replacing any unsent older version of the same note. */
export function putNote(book: NotesBook, note: Note): NotesBook {
  const previous = book.notes[note.id];
  return {
    ...book,
    notes: { ...book.notes, [note.id]: { note, review: previous?.review ?? null, rejection: null } },
    pending: [...book.pending.filter((p) => p.id !== note.id), note],
  };
}

/** Same version of a note (storage hands back copies, so identity says nothing). */
export function sameVersion(a: Note | undefined, b: Note | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** Removes the versions the server gave a verdict on, unless they were edited again meanwhile. */
export function applyVerdicts(
  book: NotesBook,
  sent: readonly Note[],
  verdicts: { accepted: readonly string[]; rejected: readonly Rejection[] },
): NotesBook {
  const sentById = new Map(sent.map((n) => [n.id, n]));
  const settled = new Set([...verdicts.accepted, ...verdicts.rejected.map((r) => r.id)].filter((id) => sentById.has(id)));
  const notes = { ...book.notes };
  for (const r of verdicts.rejected) {
    const local = notes[r.id];
    if (local !== undefined && sameVersion(sentById.get(r.id), local.note)) notes[r.id] = { ...local, rejection: { code: r.code, message: r.message } };
  }
  // A note edited while its older version was in flight stays queued with the newer version.
  const pending = book.pending.filter((p) => !(settled.has(p.id) && sameVersion(sentById.get(p.id), p)));
  return { ...book, notes, pending };
}

/**
 * Merges the changes other devices (and reviewers) made. The kept version is the one mergeNote picks;
 * a local version that loses is dropped from the queue, since the server already holds a later one.
 */
export function mergeIncoming(book: NotesBook, incoming: readonly StoredNote[], cursor: string | null, nowMs: number): NotesBook {
  const notes = { ...book.notes };
  let pending = [...book.pending];
  for (const stored of incoming) {
    const local = notes[stored.note.id];
    const kept = local === undefined ? stored.note : mergeNote(local.note, stored.note);
    const localWins = local !== undefined && kept === local.note && JSON.stringify(kept) !== JSON.stringify(stored.note);
    notes[stored.note.id] = {
      note: kept,
      review: stored.review,
      rejection: localWins ? local.rejection : null,
    };
    if (!localWins) pending = pending.filter((p) => p.id !== stored.note.id);
  }
  return { notes, pending, cursor: cursor ?? book.cursor, pulledAt: nowMs };
}

/** Notes that are not deleted, newest first. */
export function liveNotes(book: NotesBook): LocalNote[] {
  return Object.values(book.notes)
    .filter((n) => n.note.deletedAt === null)
    .sort((a, b) => b.note.createdAt.localeCompare(a.note.createdAt));
}

/** The live notes clipped on this page (compared by normalised URL, so fragments and tracking do not matter). */
export function notesOfPage(book: NotesBook, url: string): LocalNote[] {
  const page = normalisePageUrl(url) ?? url;
  return liveNotes(book).filter((n) => n.note.url !== null && n.note.url === page);
}

/** Every tag the person has used, most used first, for suggestions in the editor. */
export function tagsInUse(book: NotesBook): string[] {
  const counts = new Map<string, number>();
  for (const { note } of liveNotes(book)) for (const tag of note.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}
