// The shape of the embedded store's JSON file, validated on every load. Bump STORE_SCHEMA_VERSION and
// add a migration here when the shape changes; a file from a newer version is refused, not guessed at.
import { z } from 'zod';
import { categorySchema, idSchema, instantSchema, resourceKindSchema, roleSchema, segmentModeSchema } from '../../shared/schemas/domain.ts';
import { DEFAULT_TRACKING_SETTINGS, matchPatternSchema, trackingSettingsSchema } from '../../shared/schemas/policy.ts';
import { StoreFileError } from './records.ts';
import { emptyProgrammeSnapshot, programmeSnapshotSchema } from './programme/records.ts';

export const STORE_SCHEMA_VERSION = 1;

const unitRecordSchema = z.object({
  id: idSchema,
  name: z.string(),
  parentId: idSchema.nullable(),
  createdAt: instantSchema,
});

const userRecordSchema = z.object({
  id: idSchema,
  username: z.string().min(1),
  name: z.string(),
  role: roleSchema,
  unitId: idSchema.nullable(),
  passwordHash: z.string().min(1),
  createdAt: instantSchema,
});

const resourceRecordSchema = z.object({
  id: idSchema,
  name: z.string(),
  category: categorySchema,
  kind: resourceKindSchema,
  patterns: z.array(matchPatternSchema),
  createdAt: instantSchema,
});

const tokenRecordSchema = z.object({
  tokenHash: z.string().min(1),
  userId: idSchema,
  createdAt: instantSchema,
});

const segmentRecordSchema = z.object({
  id: z.string().min(1),
  personId: idSchema,
  deviceId: z.string().min(1),
  resourceId: idSchema,
  url: z.string(),
  title: z.string(),
  startedAt: instantSchema,
  endedAt: instantSchema,
  mode: segmentModeSchema,
  policyVersion: z.number().int().min(0),
  receivedAt: instantSchema,
});

const auditRecordSchema = z.object({
  id: idSchema,
  at: instantSchema,
  actorId: idSchema,
  actorName: z.string(),
  action: z.string().min(1),
  target: z.string().min(1),
  details: z.record(z.string(), z.union([z.string(), z.number()])),
  reason: z.string(),
  address: z.string().nullable(),
});

const storeDocumentSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  policyVersion: z.number().int().min(0),
  settings: trackingSettingsSchema,
  units: z.array(unitRecordSchema),
  users: z.array(userRecordSchema),
  resources: z.array(resourceRecordSchema),
  tokens: z.array(tokenRecordSchema),
  segments: z.array(segmentRecordSchema),
  // Added without a schema version bump: a file written before audit entries existed has none.
  audit: z.array(auditRecordSchema).default([]),
  // The learning programme (plans, calendar, sessions, attendance, research, annual notes); added like
  // audit, without a version bump: a file written before it existed has none.
  programme: programmeSnapshotSchema.default(emptyProgrammeSnapshot),
});
export type StoreDocument = z.infer<typeof storeDocumentSchema>;

export function emptyDocument(): StoreDocument {
  return {
    schemaVersion: STORE_SCHEMA_VERSION,
    policyVersion: 0,
    settings: { ...DEFAULT_TRACKING_SETTINGS },
    units: [],
    users: [],
    resources: [],
    tokens: [],
    segments: [],
    audit: [],
    programme: emptyProgrammeSnapshot(),
  };
}

/** Validates parsed JSON as a store document; throws StoreFileError naming the file and the problem. */
export function parseDocument(file: string, raw: unknown): StoreDocument {
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > STORE_SCHEMA_VERSION) {
    throw new StoreFileError(file, `was written by a newer StudyTrail (schema ${version}; this server reads ${STORE_SCHEMA_VERSION})`);
  }
  const checked = storeDocumentSchema.safeParse(raw);
  if (!checked.success) {
    const first = checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`);
    throw new StoreFileError(file, `is not a valid StudyTrail store (${first.join('; ')})`);
  }
  return checked.data;
}
