// The one definition of each record the store keeps (the programme's are in programme/records.ts): the
// journal's ops, the snapshot's head and the types in store-contract.ts are all derived from these schemas, so
// a field added here is validated, journalled, snapshotted and typed everywhere at once. Segment,
// refused-segment and day-total rows are written and read field by field for speed (document.ts); the
// round-trip test (round-trip.test.ts) fills every field of every schema here and reads it back.
import { z } from 'zod';
import { categorySchema, idSchema, instantSchema, resourceKindSchema, roleSchema, segmentModeSchema } from '../../shared/schemas/domain.ts';
import { membershipSchema } from '../../shared/schemas/membership.ts';
import { noteReviewSchema, noteSchema } from '../../shared/schemas/notes.ts';

export const unitRecordSchema = z.object({ id: idSchema, name: z.string(), parentId: idSchema.nullable(), createdAt: instantSchema });

/** A user as a snapshot or journal line may hold it: written before memberships were kept, it has none. */
export const storedUserSchema = z.object({
  id: idSchema,
  username: z.string().min(1),
  name: z.string(),
  role: roleSchema,
  unitId: idSchema.nullable(),
  /** Output of hashPassword: algorithm, parameters, salt and hash. */
  passwordHash: z.string().min(1),
  /** Deactivated people cannot sign in and their tokens stop working. */
  active: z.boolean(),
  createdAt: instantSchema,
  // Absent in files written before memberships were kept: StoreState.putUser supplies the origin.
  memberships: z.array(membershipSchema).optional(),
});

/** A user as the store holds it in memory: unit and role over time (membership-history.ts), oldest first. */
export const userRecordSchema = storedUserSchema.extend({ memberships: z.array(membershipSchema) });

export const resourceRecordSchema = z.object({
  id: idSchema,
  name: z.string(),
  category: categorySchema,
  kind: resourceKindSchema,
  patterns: z.array(z.string()),
  active: z.boolean(),
  createdAt: instantSchema,
});

/** A bearer token (a device) or a dashboard session (the cookie); only the SHA-256 of the secret is kept. */
export const tokenRecordSchema = z.object({
  id: idSchema,
  tokenHash: z.string().min(1),
  userId: idSchema,
  kind: z.enum(['device', 'session']),
  label: z.string(),
  /** The extension's device id, learnt from its first sync. */
  deviceId: z.string().nullable(),
  createdAt: instantSchema,
  /** Updated at most once an hour, so reading a token does not cost a write. */
  lastUsedAt: instantSchema.nullable(),
  /** Sessions expire; device tokens last until revoked. */
  expiresAt: instantSchema.nullable(),
});

/** The tracking settings a segment is counted under. */
export const policySettingsSchema = z.object({
  idleSeconds: z.number().int(),
  mediaPresenceSeconds: z.number().int(),
  dailyCapSeconds: z.number().int().min(0),
});

/** One version of the policy, kept so any past day can be recounted under the rules it was counted by. */
export const policyVersionRecordSchema = z.object({
  version: z.number().int().min(0),
  at: instantSchema,
  settings: policySettingsSchema,
  /** The resources in force (active) in this version: what extensions follow of each. */
  resources: z.array(resourceRecordSchema.pick({ id: true, name: true, category: true, kind: true, patterns: true })),
});

export const auditRecordSchema = z.object({
  /** Increasing decimal numbers, so "older than" is a comparison. */
  id: z.string().regex(/^\d+$/),
  at: instantSchema,
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.string(),
  reason: z.string().nullable(),
  /** The client's address as the server saw it (through a trusted proxy, the forwarded one); null when unknown. */
  // Entries written before addresses were kept have none.
  address: z.string().nullable().default(null),
});

const ms = z.number().int().min(0);

/** An accepted segment: as the client sent it (times normalised), plus who, from where, under which policy. */
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

/**
 * A refused segment whose seconds are still part of what the person sent ("raw"): outside the allowlist
 * or invalid (too long, in the future, too old), clamped to the window the server accepts. Its URL and
 * title are not kept: nothing about pages outside the designated resources is stored.
 */
export const rejectedSegmentRecordSchema = z.object({
  id: z.string().min(1),
  personId: idSchema,
  deviceId: z.string().min(1),
  reason: z.enum(['outside_allowlist', 'invalid']),
  /** The rejection code given to the client, repeated when it sends the segment again. */
  code: z.string(),
  message: z.string(),
  /** Digest of the segment's content: the same id with other content is id_reused. */
  contentHash: z.string(),
  startMs: ms,
  endMs: ms,
  receivedMs: ms,
});

/** Per person per calendar day (in the organisation's zone): what was sent, credited, and why not. */
export const dayTotalRecordSchema = z.object({
  personId: idSchema,
  /** Days since 1970-01-01 of the local date (see shared/time/day-numbers.ts). */
  day: z.number().int(),
  rawSeconds: ms,
  creditedSeconds: ms,
  overlapSeconds: ms,
  dailyCapSeconds: ms,
  outsideAllowlistSeconds: ms,
  invalidSeconds: ms,
  /** Credited seconds per resource: [resourceId, seconds, resourceId, seconds, ...]. */
  byResource: z.array(z.union([z.string(), ms])),
});

export const noteRecordSchema = z.object({
  note: noteSchema,
  personId: idSchema,
  review: noteReviewSchema.nullable(),
  /** Change sequence: bumped by every edit, deletion or review, for sync cursors. */
  seq: z.number().int().min(1),
});

// What an administrative change may alter: every field but the record's identity and history. The
// audit entry describes each of these that changed (lowdb-store.ts), so a field added to a record is
// described too.
export const unitChangesSchema = unitRecordSchema.omit({ id: true, createdAt: true }).partial();
export const userChangesSchema = userRecordSchema.omit({ id: true, username: true, createdAt: true, memberships: true }).partial();
export const resourceChangesSchema = resourceRecordSchema.omit({ id: true, createdAt: true }).partial();

const keysOf = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) => Object.keys(schema.shape) as (keyof T & string)[];

/** The fields an audit entry describes by value, in the schema's order; a password hash never (it says "password changed"). */
export const AUDITED_FIELDS = {
  unit: keysOf(unitChangesSchema),
  user: keysOf(userChangesSchema).filter((k) => k !== 'passwordHash'),
  resource: keysOf(resourceChangesSchema),
};
