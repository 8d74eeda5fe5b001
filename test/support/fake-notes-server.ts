// An in-memory model of the server's notes protocol (server/routes/sync.ts, docs/api.md "Sync") for the
// extension's unit tests: POST /api/sync takes `notes` and `cursor`, answers note ids in accepted/rejected
// and `notes` changed since the cursor with a new `cursor`, paged with `moreNotes` like the real server.
// It validates with noteSchema and merges with the shared mergeNote, as the real server does. The e2e
// tests use the real server; this covers the notes part only.
import { mergeNote } from '../../shared/notes/merge-note.ts';
import { noteSchema, type NoteReview, type StoredNote } from '../../shared/schemas/notes.ts';
import type { Rejection } from '../../shared/schemas/sync.ts';

interface Row {
  stored: StoredNote;
  seq: number;
}

export interface NotesExchange {
  accepted: string[];
  rejected: Rejection[];
  notes: StoredNote[];
  cursor: string;
  /** As the real server: more changes wait beyond this page; sync again with the new cursor. */
  moreNotes?: boolean;
}

export interface FakeNotesServer {
  sync(personId: string, body: { notes?: unknown[]; cursor?: string | null }): NotesExchange;
  review(noteId: string, review: NoteReview): void;
  notesOf(personId: string): StoredNote[];
}

/** `pageSize`: most changed notes one answer carries (the real server's MAX_NOTES_PER_RESPONSE). */
export function createFakeNotesServer(options: { pageSize?: number } = {}): FakeNotesServer {
  const pageSize = options.pageSize ?? Number.POSITIVE_INFINITY;
  const rows = new Map<string, Row>();
  let seq = 0;
  return {
    sync(personId, body) {
      const accepted: string[] = [];
      const rejected: Rejection[] = [];
      for (const raw of body.notes ?? []) {
        const parsed = noteSchema.safeParse(raw);
        const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '';
        if (!parsed.success) {
          rejected.push({ id, code: 'invalid_note', message: parsed.error.message });
          continue;
        }
        const row = rows.get(parsed.data.id);
        if (row !== undefined && row.stored.personId !== personId) {
          rejected.push({ id, code: 'id_reused', message: 'This id belongs to another person' });
          continue;
        }
        const kept = row === undefined ? parsed.data : mergeNote(row.stored.note, parsed.data);
        if (row === undefined || JSON.stringify(kept) !== JSON.stringify(row.stored.note)) {
          rows.set(kept.id, { stored: { note: kept, personId, review: row?.stored.review ?? null, mustReadTitle: null }, seq: ++seq });
        }
        accepted.push(id);
      }
      const since = body.cursor ? Number(body.cursor) : 0;
      const changed = [...rows.values()].filter((r) => r.stored.personId === personId && r.seq > since).sort((a, b) => a.seq - b.seq);
      if (changed.length > pageSize) {
        const page = changed.slice(0, pageSize);
        return { accepted, rejected, notes: page.map((r) => r.stored), cursor: String(page.at(-1)!.seq), moreNotes: true };
      }
      return { accepted, rejected, notes: changed.map((r) => r.stored), cursor: String(seq) };
    },
    review(noteId, review) {
      const row = rows.get(noteId);
      if (row === undefined) throw new Error(`no note ${noteId}`);
      rows.set(noteId, { stored: { ...row.stored, review }, seq: ++seq });
    },
    notesOf(personId) {
      return [...rows.values()].filter((r) => r.stored.personId === personId).map((r) => r.stored);
    },
  };
}
