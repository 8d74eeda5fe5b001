// Notes (读书笔记) on the wire: a clipped passage with its anchoring selectors, or a free-standing reading
// note, with comment and tags; and the leader's review the server attaches.
import { z } from 'zod';
import { idSchema, instantSchema, reportDateSchema, uuidSchema, webUrlSchema } from './domain.ts';

export const NOTE_LIMITS = {
  quoteChars: 10_000,
  contextChars: 64,
  commentChars: 20_000,
  tags: 30,
  tagChars: 50,
  titleChars: 500,
  urlChars: 2048,
  /** Look-alikes recorded with a quote (TextQuoteSelector.lookalikes), and their size. */
  lookalikes: 6,
  lookalikeEdits: 8,
  lookalikeEditChars: 64,
  lookalikeCopies: 1000,
  /** Quotes longer than this are not searched for look-alikes (and record none). */
  lookalikeQuoteChars: 1024,
} as const;

export const NOTE_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const noteColourSchema = z.enum(NOTE_COLOURS);
export type NoteColour = z.infer<typeof noteColourSchema>;

/** Characters of a quote with its context: what look-alike edits index into. */
const RECORDED_CHARS = NOTE_LIMITS.lookalikeQuoteChars + 2 * NOTE_LIMITS.contextChars;

/**
 * One place where a look-alike differs from the recorded text (prefix + exact + suffix): its characters
 * [start, end) read `text` there.
 */
export const lookalikeEditSchema = z
  .object({
    start: z.number().int().min(0).max(RECORDED_CHARS),
    end: z.number().int().min(0).max(RECORDED_CHARS),
    text: z.string().max(NOTE_LIMITS.lookalikeEditChars),
  })
  .refine((e) => e.end >= e.start && e.end - e.start <= NOTE_LIMITS.lookalikeEditChars, { message: 'end must not be before start, nor far after it', path: ['end'] })
  .refine((e) => e.end > e.start || e.text.length > 0, { message: 'an edit must change something', path: ['text'] });
export type LookalikeEdit = z.infer<typeof lookalikeEditSchema>;

/**
 * A near-copy of the quote with its context that stood on the page when the note was made, as edits of
 * the recorded text, and how many places read it then.
 */
export const quoteLookalikeSchema = z.object({
  edits: z.array(lookalikeEditSchema).min(1).max(NOTE_LIMITS.lookalikeEdits),
  copies: z.number().int().min(1).max(NOTE_LIMITS.lookalikeCopies),
});
export type QuoteLookalike = z.infer<typeof quoteLookalikeSchema>;

/**
 * When prefix + exact + suffix read word for word at several places of the page as the note was made:
 * how many, and which of them (0: the first) is the note's.
 */
export const recordedCopiesSchema = z
  .object({ count: z.number().int().min(2).max(NOTE_LIMITS.lookalikeCopies), rank: z.number().int().min(0) })
  .refine((c) => c.rank < c.count, { message: 'rank must be below count', path: ['rank'] });
export type RecordedCopies = z.infer<typeof recordedCopiesSchema>;

/**
 * W3C Web Annotation TextQuoteSelector: the exact text with a little context either side. `lookalikes`
 * (StudyTrail's, optional) are the closest near-copies of prefix + exact + suffix on the page when the
 * note was made:
 * `[]` when there were none, absent when not looked for (notes from before, imported selectors);
 * `copies` (optional) says which of several word-for-word copies of the recorded text the note's is.
 */
export const textQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(NOTE_LIMITS.quoteChars),
    prefix: z.string().max(NOTE_LIMITS.contextChars),
    suffix: z.string().max(NOTE_LIMITS.contextChars),
    lookalikes: z.array(quoteLookalikeSchema).max(NOTE_LIMITS.lookalikes).optional(),
    copies: recordedCopiesSchema.optional(),
  })
  .refine((s) => (s.lookalikes ?? []).every((l) => l.edits.every((e, i) => e.end <= s.prefix.length + s.exact.length + s.suffix.length && (i === 0 || e.start > l.edits[i - 1]!.end))), {
    message: 'look-alike edits must lie inside the quote and its context, in order and apart',
    path: ['lookalikes'],
  });
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

/** W3C Web Annotation TextPositionSelector: offsets into the page's text content. */
export const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] });
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

export const selectorSchema = z.union([textQuoteSelectorSchema, textPositionSelectorSchema]);
export type Selector = z.infer<typeof selectorSchema>;

const tagSchema = z.string().trim().min(1).max(NOTE_LIMITS.tagChars);

/**
 * The must-read book (必读书目) a note is about, chosen in the note editor: an item of the author's year
 * plan for the year the note was written. Notes from before the choice existed carry none (null).
 */
export const mustReadLinkSchema = z.object({ bookId: idSchema });
export type MustReadLink = z.infer<typeof mustReadLinkSchema>;

/**
 * A note as the extension keeps and sends it. A clipped note has a url, selectors and a quote; a
 * free-standing reading note (a paper book, a lecture) has url null, no selectors and an optional quote.
 * `deletedAt` is a tombstone: deleted notes travel like edits so every device learns of the deletion.
 */
export const noteSchema = z
  .object({
    id: uuidSchema,
    url: webUrlSchema(NOTE_LIMITS.urlChars).nullable(),
    canonicalUrl: webUrlSchema(NOTE_LIMITS.urlChars).nullable(),
    title: z.string().max(NOTE_LIMITS.titleChars),
    resourceId: idSchema.nullable(),
    selectors: z.array(selectorSchema).max(4),
    quote: z.string().max(NOTE_LIMITS.quoteChars),
    comment: z.string().max(NOTE_LIMITS.commentChars),
    tags: z.array(tagSchema).max(NOTE_LIMITS.tags),
    colour: noteColourSchema,
    mustRead: mustReadLinkSchema.nullable().default(null),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    deletedAt: instantSchema.nullable(),
  })
  .refine((n) => n.url !== null || n.selectors.length === 0, {
    message: 'a note without a page cannot have selectors',
    path: ['selectors'],
  })
  .refine((n) => n.url === null || n.quote.length > 0 || n.comment.length > 0, {
    message: 'a clipped note needs a quote or a comment',
    path: ['quote'],
  });
export type Note = z.infer<typeof noteSchema>;

/** A leader's check of a note (严查学习笔记): set on the server, read-only for the note's author. */
export const noteReviewSchema = z.object({
  reviewerId: idSchema,
  reviewerName: z.string(),
  reviewedAt: instantSchema,
  comment: z.string().max(NOTE_LIMITS.commentChars),
});
export type NoteReview = z.infer<typeof noteReviewSchema>;

export const reviewNoteRequestSchema = z.object({
  comment: z.string().trim().max(NOTE_LIMITS.commentChars).default(''),
});

/** A note as the server hands it back: the author's note plus who wrote it and any review. */
export const storedNoteSchema = z.object({
  note: noteSchema,
  personId: idSchema,
  review: noteReviewSchema.nullable(),
  /** The title of the must-read book the note is linked to, as it stands on the author's list for the
   *  note's year; null when the note is unlinked, or when the book has left that list since. */
  mustReadTitle: z.string().nullable().default(null),
});
export type StoredNote = z.infer<typeof storedNoteSchema>;

/** `GET /api/notes`: filters, all optional; dates are the notes' creation dates in the organisation's zone. */
export const notesQuerySchema = z.object({
  personId: idSchema.optional(),
  unitId: idSchema.optional(),
  from: reportDateSchema.optional(),
  to: reportDateSchema.optional(),
  tag: z.string().max(NOTE_LIMITS.tagChars).optional(),
  resourceId: idSchema.optional(),
  reviewed: z.enum(['true', 'false']).optional(),
  /** Words to find in the quote, comment, title or tags (case-insensitive). */
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type NotesQuery = z.infer<typeof notesQuerySchema>;

/** Most notes one page of the review screen, or one bulk 已阅, carries. */
export const REVIEW_PAGE_MAX = 200;

/** `GET /api/notes/reviewable`: the same filters, paged by offset; the response says the true total. */
export const reviewableNotesQuerySchema = notesQuerySchema.omit({ limit: true }).extend({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(REVIEW_PAGE_MAX).default(50),
});
export type ReviewableNotesQuery = z.infer<typeof reviewableNotesQuerySchema>;

export const reviewableNotesPageSchema = z.object({
  /** How many notes match the filters in all, not just on this page. */
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  notes: z.array(storedNoteSchema),
});
export type ReviewableNotesPage = z.infer<typeof reviewableNotesPageSchema>;

/** `POST /api/notes/reviews`: mark several notes 已阅 at once; notes already reviewed keep their review. */
export const bulkReviewRequestSchema = z.object({
  noteIds: z
    .array(uuidSchema)
    .min(1)
    .max(REVIEW_PAGE_MAX)
    .refine((ids) => new Set(ids).size === ids.length, 'each note may be named once'),
  comment: z.string().trim().max(NOTE_LIMITS.commentChars).default(''),
});

export const bulkReviewResponseSchema = z.object({
  /** How many of the named notes were newly marked (the others were already reviewed). */
  marked: z.number().int().min(0),
  notes: z.array(storedNoteSchema),
});
export type BulkReviewResponse = z.infer<typeof bulkReviewResponseSchema>;
