// The store's changes as data. Every mutation is a list of ops applied to memory and appended to the
// journal in one line; replaying the journal over the snapshot rebuilds the same state, so ops carry
// every id and timestamp and applying them never asks the clock or a random source.
import { z } from 'zod';
import { programmeOpSchema } from './programme/records.ts';
import { idSchema, instantSchema, SEGMENT_MODES, segmentModeSchema } from '../../shared/schemas/domain.ts';
import { noteReviewSchema, noteSchema } from '../../shared/schemas/notes.ts';
import { settingsSchema } from '../../shared/schemas/settings.ts';
import { packId } from './packed-id.ts';
import { auditRecordSchema, rejectedSegmentRecordSchema, resourceRecordSchema, segmentRecordSchema, storedUserSchema, tokenRecordSchema, unitRecordSchema } from './record-schemas.ts';

/** Every change but a sync, as the journal holds it: derived from the schemas that read it back. */
export type Op = z.output<typeof otherOpSchema> | SyncOp;

/** What one sync stored: new accepted segments, refused ones whose seconds count as raw, and notes. */
export type SyncOp = z.output<typeof syncOpSchema>;
/**
 * One accepted segment in a sync op, as a row [packedId, resourceId, url, title, startMs, endMs, mode,
 * policyVersion]: a sync is one person and one device at one instant, so those are said once for the
 * op, and the journal line carries no field names per segment. The id is packed (packed-id.ts), as the
 * store keeps it.
 */
export type SegmentTuple = SyncOp['segments'][number];
/**
 * A sync op as journal lines written before issue 19 hold it (journal-pages.ts): the pages this file
 * had not named yet ([page, resourceId, url, title]), and rows [packedId, page, startMs, durationMs,
 * mode (index in SEGMENT_MODES), policyVersion].
 */
export type CompactSyncOp = z.output<typeof compactSyncOpSchema>;

const ms = z.number().int().min(0);

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

/** A sync op as the store applies it and journals it (and as journals held it before pages were numbered in them): each row names its page. */
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
  z.object({ type: z.literal('user.put'), user: storedUserSchema }),
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
