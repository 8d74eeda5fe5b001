// The reads of notes a route may ask the store for: the filters, the time range and the page travel
// with the query, so an engine over a database can run them there (WHERE … ORDER BY … OFFSET … LIMIT,
// or GROUP BY for the counts) instead of handing every note to the route. The pure matchers below are
// the one meaning of each filter; the embedded store applies them in memory.
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/domain.ts';
import { NOTE_LIMITS, type Note } from '../../shared/schemas/notes.ts';
import type { NoteRecord } from './store-contract.ts';

const msSchema = z.number().int();

export const noteQuerySchema = z
  .object({
    /** Only notes by these people (the route has already decided whom the caller may see); absent: anyone's. */
    personIds: z.array(idSchema).optional(),
    resourceId: idSchema.optional(),
    tag: z.string().max(NOTE_LIMITS.tagChars).optional(),
    /** Created at or after this instant (epoch ms). */
    fromMs: msSchema.optional(),
    /** Created before this instant (epoch ms). */
    toMs: msSchema.optional(),
    reviewed: z.enum(['yes', 'no', 'any']).default('any'),
    /** Words that must all appear in the title, quote, comment or tags (case-insensitive). */
    text: z.string().max(200).optional(),
    offset: z.number().int().min(0).default(0),
    /** At most this many notes; absent only where the set is already bounded (one person's notes in a range). */
    limit: z.number().int().min(1).optional(),
  })
  .strict();
export type NoteQuery = z.input<typeof noteQuerySchema>;

/** The matching live notes of one page, newest first, and how many match in all. */
export interface NotePage {
  notes: NoteRecord[];
  total: number;
}

export const noteCountQuerySchema = z
  .object({
    personIds: z.array(idSchema).optional(),
    fromMs: msSchema,
    toMs: msSchema,
  })
  .strict();
export type NoteCountQuery = z.input<typeof noteCountQuerySchema>;

/** The words of a text filter: every one must appear in a note's search text. */
export function noteSearchWords(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
}

/** What the text filter searches in a note: title, quote, comment and tags, in lower case. */
export function noteSearchText(note: Note): string {
  return [note.title, note.quote, note.comment, ...note.tags].join('\n').toLowerCase();
}

/** A test for "live and matching every filter of the (parsed) query", with its lookups built once. */
export function noteMatcher(query: z.output<typeof noteQuerySchema>): (record: NoteRecord) => boolean {
  const people = query.personIds === undefined ? null : new Set(query.personIds);
  const words = noteSearchWords(query.text);
  return ({ personId, note, review }) => {
    if (note.deletedAt !== null) return false;
    if (people !== null && !people.has(personId)) return false;
    const created = Date.parse(note.createdAt);
    if (query.fromMs !== undefined && created < query.fromMs) return false;
    if (query.toMs !== undefined && created >= query.toMs) return false;
    if (query.tag !== undefined && !note.tags.includes(query.tag)) return false;
    if (query.resourceId !== undefined && note.resourceId !== query.resourceId) return false;
    if (query.reviewed !== 'any' && (review !== null) !== (query.reviewed === 'yes')) return false;
    if (words.length > 0) {
      const text = noteSearchText(note);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  };
}

/** Newest first; ties by id so pages are stable. */
export function newestFirst(a: NoteRecord, b: NoteRecord): number {
  return b.note.createdAt.localeCompare(a.note.createdAt) || (a.note.id < b.note.id ? -1 : 1);
}

/** The query run over notes in memory: filter, order newest first, then cut the page. */
export function queryNoteRecords(notes: Iterable<NoteRecord>, input: NoteQuery): NotePage {
  const query = noteQuerySchema.parse(input);
  const found = [...notes].filter(noteMatcher(query)).sort(newestFirst);
  const end = query.limit === undefined ? undefined : query.offset + query.limit;
  return { notes: found.slice(query.offset, end), total: found.length };
}

/** Live notes created in [fromMs, toMs), counted per person (people with none are absent). */
export function countNoteRecords(notes: Iterable<NoteRecord>, input: NoteCountQuery): Map<string, number> {
  const { personIds, fromMs, toMs } = noteCountQuerySchema.parse(input);
  const matches = noteMatcher({ personIds, fromMs, toMs, reviewed: 'any', offset: 0 });
  const counts = new Map<string, number>();
  for (const note of notes) {
    if (!matches(note)) continue;
    counts.set(note.personId, (counts.get(note.personId) ?? 0) + 1);
  }
  return counts;
}
