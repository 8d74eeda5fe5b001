// The sync exchange: segments of counted time going up, per-item verdicts coming back.
import { z } from 'zod';
import { idSchema, instantSchema, segmentModeSchema, uuidSchema, webUrlSchema } from './domain.ts';
import { storedNoteSchema, type Note } from './notes.ts';

export const segmentSchema = z.object({
  id: uuidSchema,
  resourceId: idSchema,
  url: webUrlSchema(2048),
  title: z.string().max(500),
  startedAt: instantSchema,
  endedAt: instantSchema,
  mode: segmentModeSchema,
});
export type Segment = z.infer<typeof segmentSchema>;

/** Most segments one request may carry; the extension sends larger outboxes in batches of this size. */
export const MAX_SEGMENTS_PER_SYNC = 500;
/** Most notes one request may carry (a note may hold a long quote and comment). */
export const MAX_NOTES_PER_SYNC = 100;

/**
 * The envelope is validated strictly, the segments one by one: a malformed segment is rejected alone
 * and the valid ones in the same batch are kept.
 */
export const syncRequestSchema = z.object({
  deviceId: z.string().min(1).max(100),
  segments: z.array(z.unknown()).max(MAX_SEGMENTS_PER_SYNC),
  /** Notes are validated one by one like segments; their ids share `accepted` and `rejected`. */
  notes: z.array(z.unknown()).max(MAX_NOTES_PER_SYNC).optional(),
  /** Where the client's last exchange of notes ended; null asks for all of this person's notes. */
  cursor: z.string().max(200).nullable().optional(),
});
export type SyncRequest = { deviceId: string; segments: Segment[]; notes?: Note[]; cursor?: string | null };

/**
 * Shortest segment worth a record: less is a focus flicker or a page passed through, not study. The
 * extension does not record one; the server refuses one from an older extension (`segment_too_short`).
 */
export const MIN_SEGMENT_MS = 1000;

export const SEGMENT_REJECTION_CODES = {
  invalid: 'invalid_segment',
  endBeforeStart: 'end_before_start',
  tooShort: 'segment_too_short',
  tooLong: 'segment_too_long',
  inFuture: 'in_future',
  tooOld: 'too_old',
  unknownResource: 'unknown_resource',
  outsideResource: 'url_outside_resource',
  idReused: 'id_reused',
  invalidNote: 'invalid_note',
  /** A note linked to a book that is not on its author's must-read list for the year it was written. */
  unknownMustReadBook: 'unknown_must_read_book',
} as const;

export const rejectionSchema = z.object({ id: z.string(), code: z.string(), message: z.string() });
export type Rejection = z.infer<typeof rejectionSchema>;

export const syncResponseSchema = z.object({
  accepted: z.array(z.string()),
  rejected: z.array(rejectionSchema),
  /** The server's current policy version: when it differs from the client's, the client refetches. */
  policyVersion: z.number().int().min(0).optional(),
  /** This person's notes changed since the request's cursor (reviews and tombstones included). */
  notes: z.array(storedNoteSchema).optional(),
  /** The cursor to send next time. */
  cursor: z.string().max(200).optional(),
  /** True when more changed notes wait: sync again with the new cursor. */
  moreNotes: z.boolean().optional(),
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;
