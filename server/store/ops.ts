// The store's changes as data. Every mutation is a list of ops applied to memory and appended to the
// journal in one line; replaying the journal over the snapshot rebuilds the same state, so ops carry
// every id and timestamp and applying them never asks the clock or a random source.
import { z } from 'zod';
import { programmeOpSchema, type ProgrammeOp } from './programme/records.ts';
import { categorySchema, idSchema, instantSchema, resourceKindSchema, roleSchema, segmentModeSchema } from '../../shared/schemas/domain.ts';
import { noteReviewSchema, noteSchema } from '../../shared/schemas/notes.ts';
import { settingsSchema } from '../../shared/schemas/settings.ts';
import type { Note, NoteReview } from '../../shared/schemas/notes.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import type {
  AuditRecord,
  RejectedSegmentRecord,
  ResourceRecord,
  SegmentRecord,
  TokenRecord,
  UnitRecord,
  UserRecord,
} from './records.ts';

export type Op =
  | { type: 'unit.put'; unit: UnitRecord }
  | { type: 'user.put'; user: UserRecord }
  | { type: 'resource.put'; resource: ResourceRecord; at: string }
  | { type: 'settings.put'; settings: Settings; at: string }
  | { type: 'token.put'; token: TokenRecord }
  | { type: 'token.delete'; tokenHashes: string[] }
  | { type: 'audit'; entry: AuditRecord }
  | { type: 'sync'; personId: string; segments: SegmentRecord[]; refused: RejectedSegmentRecord[]; notes: Note[] }
  | { type: 'note.review'; noteId: string; review: NoteReview | null }
  | { type: 'fold'; beforeMs: number }
  | { type: 'person.erase'; personId: string }
  // The learning programme's changes (server/store/programme/records.ts).
  | ProgrammeOp;

export const unitRecordSchema = z.object({ id: idSchema, name: z.string(), parentId: idSchema.nullable(), createdAt: instantSchema });

export const userRecordSchema = z.object({
  id: idSchema,
  username: z.string().min(1),
  name: z.string(),
  role: roleSchema,
  unitId: idSchema.nullable(),
  passwordHash: z.string().min(1),
  active: z.boolean(),
  createdAt: instantSchema,
});

export const resourceRecordSchema = z.object({
  id: idSchema,
  name: z.string(),
  category: categorySchema,
  kind: resourceKindSchema,
  patterns: z.array(z.string()),
  active: z.boolean(),
  createdAt: instantSchema,
});

export const tokenRecordSchema = z.object({
  id: idSchema,
  tokenHash: z.string().min(1),
  userId: idSchema,
  kind: z.enum(['device', 'session']),
  label: z.string(),
  deviceId: z.string().nullable(),
  createdAt: instantSchema,
  lastUsedAt: instantSchema.nullable(),
  expiresAt: instantSchema.nullable(),
});

export const auditRecordSchema = z.object({
  id: z.string().regex(/^\d+$/),
  at: instantSchema,
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.string(),
  reason: z.string().nullable(),
  // Entries written before addresses were kept have none.
  address: z.string().nullable().default(null),
});

const ms = z.number().int().min(0);

export const segmentRecordSchema = z.object({
  id: z.string().min(1),
  personId: idSchema,
  deviceId: z.string().min(1),
  resourceId: idSchema,
  url: z.string(),
  title: z.string(),
  startMs: ms,
  endMs: ms,
  mode: segmentModeSchema,
  policyVersion: z.number().int().min(0),
  receivedMs: ms,
});

export const rejectedSegmentRecordSchema = z.object({
  id: z.string().min(1),
  personId: idSchema,
  deviceId: z.string().min(1),
  reason: z.enum(['outside_allowlist', 'invalid']),
  code: z.string(),
  message: z.string(),
  contentHash: z.string(),
  startMs: ms,
  endMs: ms,
  receivedMs: ms,
});

export const noteRecordSchema = z.object({
  note: noteSchema,
  personId: idSchema,
  review: noteReviewSchema.nullable(),
  seq: z.number().int().min(1),
});

export const opSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('unit.put'), unit: unitRecordSchema }),
  z.object({ type: z.literal('user.put'), user: userRecordSchema }),
  z.object({ type: z.literal('resource.put'), resource: resourceRecordSchema, at: instantSchema }),
  z.object({ type: z.literal('settings.put'), settings: settingsSchema, at: instantSchema }),
  z.object({ type: z.literal('token.put'), token: tokenRecordSchema }),
  z.object({ type: z.literal('token.delete'), tokenHashes: z.array(z.string()) }),
  z.object({ type: z.literal('audit'), entry: auditRecordSchema }),
  z.object({
    type: z.literal('sync'),
    personId: idSchema,
    segments: z.array(segmentRecordSchema),
    refused: z.array(rejectedSegmentRecordSchema),
    notes: z.array(noteSchema),
  }),
  z.object({ type: z.literal('note.review'), noteId: z.string(), review: noteReviewSchema.nullable() }),
  z.object({ type: z.literal('fold'), beforeMs: ms }),
  z.object({ type: z.literal('person.erase'), personId: idSchema }),
  ...programmeOpSchema.options,
]);

/** One journal line: the ops of one mutation, numbered so replay can tell what a snapshot holds. */
export const journalEntrySchema = z.object({ seq: z.number().int().min(1), ops: z.array(opSchema) });
export type JournalEntry = { seq: number; ops: Op[] };
