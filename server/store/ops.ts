// The store's changes as data. Every mutation is a list of ops applied to memory and appended to the
// journal in one line; replaying the journal over the snapshot rebuilds the same state, so ops carry
// every id and timestamp and applying them never asks the clock or a random source.
import { z } from 'zod';
import { programmeOpSchema, type ProgrammeOp } from './programme/records.ts';
import { categorySchema, idSchema, instantSchema, resourceKindSchema, roleSchema, SEGMENT_MODES, segmentModeSchema } from '../../shared/schemas/domain.ts';
import { membershipSchema } from '../../shared/schemas/membership.ts';
import { noteReviewSchema, noteSchema } from '../../shared/schemas/notes.ts';
import { settingsSchema } from '../../shared/schemas/settings.ts';
import type { Note, NoteReview } from '../../shared/schemas/notes.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import type { SegmentMode } from '../../shared/schemas/domain.ts';
import { packId } from './packed-id.ts';
import type {
  AuditRecord,
  RefusedSegment,
  ResourceRecord,
  StoredUser,
  TokenRecord,
  UnitRecord,
} from './records.ts';

export type Op =
  | { type: 'unit.put'; unit: UnitRecord }
  | { type: 'unit.delete'; id: string }
  | { type: 'user.put'; user: StoredUser }
  | { type: 'resource.put'; resource: ResourceRecord; at: string }
  | { type: 'settings.put'; settings: Settings; at: string }
  | { type: 'token.put'; token: TokenRecord }
  | { type: 'token.delete'; tokenHashes: string[] }
  | { type: 'audit'; entry: AuditRecord }
  | SyncOp
  | { type: 'note.review'; noteId: string; review: NoteReview | null }
  | { type: 'fold'; beforeMs: number }
  | { type: 'person.erase'; personId: string }
  // The learning programme's changes (server/store/programme/records.ts).
  | ProgrammeOp;

/**
 * One accepted segment in a sync op, as a row: a sync is one person and one device at one instant, so
 * those are said once for the op, and the journal line carries no field names per segment. The id is
 * packed (packed-id.ts), as the store keeps it.
 */
export type SegmentTuple = [packedId: string, resourceId: string, url: string, title: string, startMs: number, endMs: number, mode: SegmentMode, policyVersion: number];

/** What one sync stored: new accepted segments, refused ones whose seconds count as raw, and notes. */
export interface SyncOp {
  type: 'sync';
  personId: string;
  deviceId: string;
  receivedMs: number;
  segments: SegmentTuple[];
  refused: RefusedSegment[];
  notes: Note[];
}

/**
 * A sync op as a journal line holds it (journal-pages.ts): the pages this file had not named yet, and
 * rows [packedId, page, startMs, durationMs, mode (index in SEGMENT_MODES), policyVersion].
 */
export interface CompactSyncOp {
  type: 'sync';
  personId: string;
  deviceId: string;
  receivedMs: number;
  pages: [page: number, resourceId: string, url: string, title: string][];
  rows: [packedId: string, page: number, startMs: number, durationMs: number, mode: number, policyVersion: number][];
  refused: RefusedSegment[];
  notes: Note[];
}

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
  // Absent in files written before memberships were kept: StoreState.putUser supplies the origin.
  memberships: z.array(membershipSchema).optional(),
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

const refusedSegmentSchema = rejectedSegmentRecordSchema.omit({ personId: true, deviceId: true, receivedMs: true });

const compactSyncOpSchema = z.object({
  type: z.literal('sync'),
  personId: idSchema,
  deviceId: z.string().min(1),
  receivedMs: ms,
  pages: z.array(z.tuple([z.number().int().min(0), idSchema, z.string(), z.string()])),
  rows: z.array(z.tuple([z.string().min(1), z.number().int().min(0), ms, ms, z.number().int().min(0).max(SEGMENT_MODES.length - 1), z.number().int().min(0)])),
  refused: z.array(refusedSegmentSchema),
  notes: z.array(noteSchema),
});

/** A sync op as the journal held it before pages were numbered: each row names its page. */
const syncOpSchema = z.object({
  type: z.literal('sync'),
  personId: idSchema,
  deviceId: z.string().min(1),
  receivedMs: ms,
  segments: z.array(z.tuple([z.string().min(1), idSchema, z.string(), z.string(), ms, ms, segmentModeSchema, z.number().int().min(0)])),
  refused: z.array(refusedSegmentSchema),
  notes: z.array(noteSchema),
});

/**
 * A sync op as earlier servers journalled it: whole records, each with its person, device and time of
 * receipt (the same for every record of one op). Read from a journal such a server left behind (a crash
 * before the upgrade) and turned into today's op.
 */
const legacySyncOpSchema = z
  .object({
    type: z.literal('sync'),
    personId: idSchema,
    segments: z.array(segmentRecordSchema),
    refused: z.array(rejectedSegmentRecordSchema),
    notes: z.array(noteSchema),
  })
  .transform((op): SyncOp[] => {
    // One op per (device, time of receipt) in the records, in their order; usually exactly one.
    const ops = new Map<string, SyncOp>();
    const opFor = (deviceId: string, receivedMs: number) => {
      const key = `${deviceId}\u0000${receivedMs}`;
      let found = ops.get(key);
      if (!found) {
        found = { type: 'sync', personId: op.personId, deviceId, receivedMs, segments: [], refused: [], notes: [] };
        ops.set(key, found);
      }
      return found;
    };
    for (const s of op.segments) opFor(s.deviceId, s.receivedMs).segments.push([packId(s.id), s.resourceId, s.url, s.title, s.startMs, s.endMs, s.mode, s.policyVersion]);
    for (const r of op.refused) {
      opFor(r.deviceId, r.receivedMs).refused.push({ id: r.id, reason: r.reason, code: r.code, message: r.message, contentHash: r.contentHash, startMs: r.startMs, endMs: r.endMs });
    }
    const all = [...ops.values()];
    if (op.notes.length > 0) {
      // Notes alone: no record names the device (notes never needed one), and applying ignores it.
      if (all.length === 0) all.push({ type: 'sync', personId: op.personId, deviceId: '(unknown)', receivedMs: 0, segments: [], refused: [], notes: op.notes });
      else all[0]!.notes = op.notes;
    }
    return all;
  });

const otherOpSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('unit.put'), unit: unitRecordSchema }),
  z.object({ type: z.literal('unit.delete'), id: idSchema }),
  z.object({ type: z.literal('user.put'), user: userRecordSchema }),
  z.object({ type: z.literal('resource.put'), resource: resourceRecordSchema, at: instantSchema }),
  z.object({ type: z.literal('settings.put'), settings: settingsSchema, at: instantSchema }),
  z.object({ type: z.literal('token.put'), token: tokenRecordSchema }),
  z.object({ type: z.literal('token.delete'), tokenHashes: z.array(z.string()) }),
  z.object({ type: z.literal('audit'), entry: auditRecordSchema }),
  z.object({ type: z.literal('note.review'), noteId: z.string(), review: noteReviewSchema.nullable() }),
  z.object({ type: z.literal('fold'), beforeMs: ms }),
  z.object({ type: z.literal('person.erase'), personId: idSchema }),
  ...programmeOpSchema.options,
]);

/**
 * Any op as a journal line holds it; a legacy sync op becomes the ops it stands for (a list), a compact
 * one stays compact until its file's pages decode it (parseJournal).
 */
export const opSchema = z.union([compactSyncOpSchema, syncOpSchema, legacySyncOpSchema, otherOpSchema]);

/** One journal line: the ops of one mutation, numbered so replay can tell what a snapshot holds. */
export const journalEntrySchema = z
  .object({ seq: z.number().int().min(1), ops: z.array(opSchema) })
  .transform((entry): JournalLine => ({ seq: entry.seq, ops: entry.ops.flatMap((op) => (Array.isArray(op) ? op : [op as Op | CompactSyncOp])) }));
/** A journal line as read, before its compact sync ops are decoded with the file's pages. */
export type JournalLine = { seq: number; ops: (Op | CompactSyncOp)[] };
export type JournalEntry = { seq: number; ops: Op[] };
