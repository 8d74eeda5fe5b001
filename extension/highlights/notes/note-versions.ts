// Making note versions: a new clip or reading note from what the person entered, an edit, a deletion
// (a tombstone) and its undo. Inputs are cut to the wire limits here, so a saved note is always sendable.
import { NOTE_LIMITS, noteSchema, type MustReadLink, type Note, type NoteColour, type Selector } from '../../../shared/schemas/notes.ts';
import { normalisePageUrl } from '../../../shared/url/normalise-page-url.ts';

export interface ClipInput {
  readonly url: string;
  readonly canonicalUrl: string | null;
  readonly title: string;
  readonly selectors: readonly Selector[];
  readonly quote: string;
  readonly comment: string;
  readonly tags: readonly string[];
  readonly colour: NoteColour;
  /** The must-read book chosen in the editor (none when left out). */
  readonly mustRead?: MustReadLink | null;
}

export interface ReadingNoteInput {
  readonly title: string;
  readonly quote: string;
  readonly comment: string;
  readonly tags: readonly string[];
  readonly colour: NoteColour;
  /** The must-read book chosen in the editor (none when left out). */
  readonly mustRead?: MustReadLink | null;
}

export interface NoteChanges {
  readonly comment?: string;
  readonly tags?: readonly string[];
  readonly colour?: NoteColour;
  /** Only for free-standing reading notes: a clipped note's title and quote come from its page. */
  readonly title?: string;
  readonly quote?: string;
  /** null unlinks the note from its must-read book; left out keeps the link. */
  readonly mustRead?: MustReadLink | null;
}

/** Trimmed, without duplicates (case-insensitively), within the count and length limits. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, NOTE_LIMITS.tagChars).trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
    if (out.length === NOTE_LIMITS.tags) break;
  }
  return out;
}

/** A URL we may store: http(s), normalised, within the length limit; otherwise null. */
export function storableUrl(url: string | null): string | null {
  if (url === null) return null;
  const normal = normalisePageUrl(url) ?? url;
  return /^https?:\/\//.test(normal) && normal.length <= NOTE_LIMITS.urlChars && noteSchema.shape.url.safeParse(normal).success ? normal : null;
}

export function newClip(input: ClipInput, ids: { id: string; resourceId: string | null; now: string }): Note | null {
  const url = storableUrl(input.url);
  if (url === null || input.quote.length > NOTE_LIMITS.quoteChars) return null;
  return {
    id: ids.id,
    url,
    canonicalUrl: storableUrl(input.canonicalUrl),
    title: input.title.slice(0, NOTE_LIMITS.titleChars),
    resourceId: ids.resourceId,
    selectors: [...input.selectors],
    quote: input.quote,
    comment: input.comment.slice(0, NOTE_LIMITS.commentChars),
    tags: cleanTags(input.tags),
    colour: input.colour,
    mustRead: input.mustRead ?? null,
    createdAt: ids.now,
    updatedAt: ids.now,
    deletedAt: null,
  };
}

export function newReadingNote(input: ReadingNoteInput, ids: { id: string; now: string }): Note {
  return {
    id: ids.id,
    url: null,
    canonicalUrl: null,
    title: input.title.slice(0, NOTE_LIMITS.titleChars),
    resourceId: null,
    selectors: [],
    quote: input.quote.slice(0, NOTE_LIMITS.quoteChars),
    comment: input.comment.slice(0, NOTE_LIMITS.commentChars),
    tags: cleanTags(input.tags),
    colour: input.colour,
    mustRead: input.mustRead ?? null,
    createdAt: ids.now,
    updatedAt: ids.now,
    deletedAt: null,
  };
}

export function editNote(note: Note, changes: NoteChanges, now: string): Note {
  const reading = note.url === null;
  return {
    ...note,
    comment: changes.comment === undefined ? note.comment : changes.comment.slice(0, NOTE_LIMITS.commentChars),
    tags: changes.tags === undefined ? note.tags : cleanTags(changes.tags),
    colour: changes.colour ?? note.colour,
    title: reading && changes.title !== undefined ? changes.title.slice(0, NOTE_LIMITS.titleChars) : note.title,
    quote: reading && changes.quote !== undefined ? changes.quote.slice(0, NOTE_LIMITS.quoteChars) : note.quote,
    // A note stored before links existed has no field at all: it is unlinked.
    mustRead: changes.mustRead === undefined ? (note.mustRead ?? null) : changes.mustRead,
    updatedAt: now,
  };
}

export function deleteNote(note: Note, now: string): Note {
  return { ...note, deletedAt: now };
}

/** Undo of a deletion: a later edit, which wins over the tombstone on every device. */
export function restoreNote(note: Note, now: string): Note {
  return { ...note, deletedAt: null, updatedAt: now };
}
