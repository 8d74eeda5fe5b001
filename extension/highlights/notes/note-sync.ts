// The notes' part of a sync exchange, called by the outbox flush (sync/flush.ts) so that notes travel
// in the same requests as segments: which note versions to send with the cursor, and what to do with
// the server's verdicts and the changes it returns.
import { MAX_NOTES_PER_SYNC, type SyncResponse } from '../../../shared/schemas/sync.ts';
import type { Note } from '../../../shared/schemas/notes.ts';
import { notesItem } from '../../storage/items.ts';
import { withStorageLock } from '../../storage/lock.ts';
import { applyVerdicts, EMPTY_BOOK, mergeIncoming } from './local-notes.ts';

/** Other devices' changes are asked for at least this often, even with nothing to send. */
export const NOTES_PULL_INTERVAL_MS = 5 * 60_000;

export interface NotesToSend {
  readonly notes: Note[];
  readonly cursor: string | null;
  /** Ask the server for changes even if nothing is sent. */
  readonly pull: boolean;
}

export async function notesToSend(owner: string, nowMs: number, pulledThisFlush: boolean): Promise<NotesToSend> {
  const book = (await notesItem.getValue())[owner] ?? EMPTY_BOOK;
  const pull = !pulledThisFlush && (book.pulledAt === null || nowMs - book.pulledAt >= NOTES_PULL_INTERVAL_MS);
  return { notes: book.pending.slice(0, MAX_NOTES_PER_SYNC), cursor: book.cursor, pull };
}

export async function applyNoteExchange(owner: string, sent: readonly Note[], response: SyncResponse, nowMs: number): Promise<void> {
  for (const r of response.rejected) {
    if (sent.some((n) => n.id === r.id)) console.warn(`[studytrail] note ${r.id} rejected: ${r.code} (${r.message})`);
  }
  await withStorageLock(async () => {
    const books = await notesItem.getValue();
    let book = applyVerdicts(books[owner] ?? EMPTY_BOOK, sent, response);
    // A server that speaks the notes protocol always answers with a cursor; one that does not is asked
    // again only after the pull interval.
    book = response.cursor !== undefined ? mergeIncoming(book, response.notes ?? [], response.cursor, nowMs) : { ...book, pulledAt: nowMs };
    await notesItem.setValue({ ...books, [owner]: book });
  });
}

/** Makes the next flush ask for other devices' changes (the side panel was opened, say). */
export async function requestPull(owner: string): Promise<void> {
  await withStorageLock(async () => {
    const books = await notesItem.getValue();
    const book = books[owner];
    if (book !== undefined) await notesItem.setValue({ ...books, [owner]: { ...book, pulledAt: null } });
  });
}
