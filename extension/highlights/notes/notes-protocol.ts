// The note requests the background serves (joined into messaging/protocol.ts): from the page's
// highlighter (clip, this page's notes) and from the side panel (all notes, edit, delete, undo).
import { z } from 'zod';
import { mustReadLinkSchema, NOTE_LIMITS, noteColourSchema, selectorSchema } from '../../../shared/schemas/notes.ts';
import type { Category } from '../../../shared/schemas/domain.ts';
import type { LocalNote } from '../../storage/notes-book.ts';

const tagsSchema = z.array(z.string().max(NOTE_LIMITS.tagChars * 2)).max(NOTE_LIMITS.tags * 2);
const pageUrlSchema = z.string().max(NOTE_LIMITS.urlChars * 4);
/** The must-read book chosen in the editor; null unlinks; left out (an edit) keeps the note's link. */
const mustReadSchema = mustReadLinkSchema.nullable().optional();

export const noteRequestSchemas = [
  z.object({ type: z.literal('listNotes') }),
  z.object({ type: z.literal('notesForPage'), url: pageUrlSchema }),
  z.object({
    type: z.literal('clipNote'),
    url: pageUrlSchema,
    canonicalUrl: pageUrlSchema.nullable(),
    title: z.string().max(NOTE_LIMITS.titleChars * 4),
    selectors: z.array(selectorSchema).min(1).max(4),
    quote: z.string().min(1).max(NOTE_LIMITS.quoteChars),
    comment: z.string().max(NOTE_LIMITS.commentChars),
    tags: tagsSchema,
    colour: noteColourSchema,
    mustRead: mustReadSchema,
  }),
  z.object({
    type: z.literal('writeNote'),
    title: z.string().max(NOTE_LIMITS.titleChars),
    quote: z.string().max(NOTE_LIMITS.quoteChars),
    comment: z.string().max(NOTE_LIMITS.commentChars),
    tags: tagsSchema,
    colour: noteColourSchema,
    mustRead: mustReadSchema,
  }),
  z.object({
    type: z.literal('updateNote'),
    id: z.uuid(),
    comment: z.string().max(NOTE_LIMITS.commentChars).optional(),
    tags: tagsSchema.optional(),
    colour: noteColourSchema.optional(),
    title: z.string().max(NOTE_LIMITS.titleChars).optional(),
    quote: z.string().max(NOTE_LIMITS.quoteChars).optional(),
    mustRead: mustReadSchema,
  }),
  z.object({ type: z.literal('deleteNote'), id: z.uuid() }),
  z.object({ type: z.literal('restoreNote'), id: z.uuid() }),
  z.object({ type: z.literal('refreshNotes') }),
] as const;

/** All of the person's notes, as the side panel lists them. */
export interface NotesView {
  readonly notes: LocalNote[];
  readonly tags: string[];
  readonly resources: { id: string; name: string; category: Category }[];
  /** The organisation's zone: note times and the date filter are in it. */
  readonly timeZone: string;
}

type NoteRequest = z.infer<(typeof noteRequestSchemas)[number]>;
type NoteRequestOf<K extends NoteRequest['type']> = Extract<NoteRequest, { type: K }>;

export interface NotesProtocol {
  listNotes: { request: NoteRequestOf<'listNotes'>; response: NotesView };
  notesForPage: { request: NoteRequestOf<'notesForPage'>; response: { notes: LocalNote[]; tags: string[] } };
  clipNote: { request: NoteRequestOf<'clipNote'>; response: LocalNote };
  writeNote: { request: NoteRequestOf<'writeNote'>; response: LocalNote };
  updateNote: { request: NoteRequestOf<'updateNote'>; response: LocalNote };
  deleteNote: { request: NoteRequestOf<'deleteNote'>; response: LocalNote };
  restoreNote: { request: NoteRequestOf<'restoreNote'>; response: LocalNote };
  refreshNotes: { request: NoteRequestOf<'refreshNotes'>; response: null };
}
