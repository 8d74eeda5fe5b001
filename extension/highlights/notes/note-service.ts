// The background's note operations: every change is made here, under the storage lock, saved locally
// at once (the page never waits for the network) and queued for the next flush of the outbox.
import { noteSchema, type Note } from '../../../shared/schemas/notes.ts';
import { organisationZone } from '../../storage/organisation-zone.ts';
import { notesItem, policyItem, sessionItem } from '../../storage/items.ts';
import { withStorageLock } from '../../storage/lock.ts';
import { ownerOf } from '../../storage/owner.ts';
import { designate } from '../../tracking/designation.ts';
import { rulesFromPolicy } from '../../tracking/rules.ts';
import { BackgroundFailure } from '../../rpc/failure.ts';
import type { NotesView } from './notes-protocol.ts';
import { EMPTY_BOOK, liveNotes, notesOfPage, putNote, tagsInUse } from './local-notes.ts';
import {
  deleteNote,
  editNote,
  newClip,
  newReadingNote,
  restoreNote,
  type ClipInput,
  type NoteChanges,
  type ReadingNoteInput,
} from './note-versions.ts';
import type { LocalNote, NotesBook } from '../../storage/notes-book.ts';

export interface NoteServiceDeps {
  readonly now: () => number;
  /** Sends the outbox when the server is reachable; saving never waits for it. */
  readonly flush: () => Promise<unknown>;
  readonly newId?: () => string;
}

async function currentOwner(): Promise<string> {
  const session = await sessionItem.getValue();
  if (session === null) throw new BackgroundFailure('signed_out', 'sign in to keep notes');
  return ownerOf(session.server, session.user.id);
}

async function updateBook<T>(owner: string, change: (book: NotesBook) => { book: NotesBook; value: T }): Promise<T> {
  return withStorageLock(async () => {
    const books = await notesItem.getValue();
    const { book, value } = change(books[owner] ?? EMPTY_BOOK);
    await notesItem.setValue({ ...books, [owner]: book });
    return value;
  });
}

function checked(note: Note | null): Note {
  const parsed = note === null ? null : noteSchema.safeParse(note);
  if (parsed === null || !parsed.success) throw new BackgroundFailure('invalid_request', parsed?.error.message ?? 'this page cannot hold notes');
  return note!;
}

async function save(deps: NoteServiceDeps, owner: string, note: Note): Promise<LocalNote> {
  const saved = await updateBook(owner, (book) => {
    const next = putNote(book, checked(note));
    return { book: next, value: next.notes[note.id]! };
  });
  void deps.flush();
  return saved;
}

export async function saveClip(deps: NoteServiceDeps, input: ClipInput): Promise<LocalNote> {
  const owner = await currentOwner();
  const policy = (await policyItem.getValue())?.policy ?? null;
  const resourceId = designate(rulesFromPolicy(policy), input.url, input.title)?.resourceId ?? null;
  const id = (deps.newId ?? (() => crypto.randomUUID()))();
  return save(deps, owner, checked(newClip(input, { id, resourceId, now: new Date(deps.now()).toISOString() })));
}

export async function writeReadingNote(deps: NoteServiceDeps, input: ReadingNoteInput): Promise<LocalNote> {
  const owner = await currentOwner();
  const id = (deps.newId ?? (() => crypto.randomUUID()))();
  return save(deps, owner, newReadingNote(input, { id, now: new Date(deps.now()).toISOString() }));
}

async function change(deps: NoteServiceDeps, id: string, make: (note: Note, now: string) => Note): Promise<LocalNote> {
  const owner = await currentOwner();
  const local = ((await notesItem.getValue())[owner] ?? EMPTY_BOOK).notes[id];
  if (local === undefined) throw new BackgroundFailure('not_found', `no note ${id}`);
  return save(deps, owner, make(local.note, new Date(deps.now()).toISOString()));
}

export const updateNote = (deps: NoteServiceDeps, id: string, changes: NoteChanges) =>
  change(deps, id, (note, now) => editNote(note, changes, now));
export const removeNote = (deps: NoteServiceDeps, id: string) => change(deps, id, deleteNote);
export const undoRemoveNote = (deps: NoteServiceDeps, id: string) => change(deps, id, restoreNote);

export async function listNotes(): Promise<NotesView> {
  const session = await sessionItem.getValue();
  const book = session === null ? EMPTY_BOOK : ((await notesItem.getValue())[ownerOf(session.server, session.user.id)] ?? EMPTY_BOOK);
  const stored = await policyItem.getValue();
  const policy = stored?.policy;
  return {
    timeZone: organisationZone(stored),
    notes: liveNotes(book),
    tags: tagsInUse(book),
    resources: (policy?.resources ?? []).map((r) => ({ id: r.id, name: r.name, category: r.category })),
  };
}

export async function notesForPage(url: string): Promise<{ notes: LocalNote[]; tags: string[] }> {
  const session = await sessionItem.getValue();
  if (session === null) return { notes: [], tags: [] };
  const book = (await notesItem.getValue())[ownerOf(session.server, session.user.id)] ?? EMPTY_BOOK;
  return { notes: notesOfPage(book, url), tags: tagsInUse(book) };
}
