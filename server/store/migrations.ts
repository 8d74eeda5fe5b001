// Older store files, read and brought up to the current shape. Each old version keeps its own schema
// here, frozen as it was released, so a file written by any earlier server loads.
//
//   v1 (walking skeleton): segments as full objects, tracking settings {idleSeconds}, no daily totals,
//      no token ids, no active flags, one policy version number without history; later v1 servers
//      added `audit` (erasures) with details as an object, the target as a bare person id, and no seq.
//   v2: everything in store-contract.ts; daily totals per person per day; compact segment rows.
//   v3: v2 plus `programme`, the learning programme's records (plans, calendar, sessions, attendance,
//      research, annual notes); a v2 file becomes v3 with none.
//   v4: v3's records as JSON Lines (a head line with the programme, then a line per person); v2 and
//      v3 are one JSON document each, read in document.ts.
//   v5: v4 plus each person's stale days; v6: v5 with a checksum before every line and the journal
//      that continues the snapshot named in its head (both read in document.ts; a v4 or v5 file is
//      rewritten as v6 on start, and names no journal until then).
import { z } from 'zod';
import { categorySchema, idSchema, instantSchema, resourceKindSchema, roleSchema, segmentModeSchema } from '../../shared/schemas/domain.ts';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import type { SegmentRecord } from './store-contract.ts';
import { policySettingsOf, StoreState } from './state.ts';
import { emptyProgrammeSnapshot } from './programme/records.ts';

const v1DocumentSchema = z.object({
  schemaVersion: z.literal(1),
  policyVersion: z.number().int().min(0),
  settings: z.object({ idleSeconds: z.number().int().min(15).max(3600) }),
  units: z.array(z.object({ id: idSchema, name: z.string(), parentId: idSchema.nullable(), createdAt: instantSchema })),
  users: z.array(
    z.object({
      id: idSchema,
      username: z.string().min(1),
      name: z.string(),
      role: roleSchema,
      unitId: idSchema.nullable(),
      passwordHash: z.string().min(1),
      createdAt: instantSchema,
    }),
  ),
  resources: z.array(
    z.object({ id: idSchema, name: z.string(), category: categorySchema, kind: resourceKindSchema, patterns: z.array(z.string()), createdAt: instantSchema }),
  ),
  tokens: z.array(z.object({ tokenHash: z.string().min(1), userId: idSchema, createdAt: instantSchema })),
  segments: z.array(
    z.object({
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
    }),
  ),
  // Added to v1 without a version bump: a file written before audit entries existed has none.
  audit: z
    .array(
      z.object({
        id: z.string(),
        at: instantSchema,
        actorId: z.string(),
        actorName: z.string(),
        action: z.string().min(1),
        target: z.string().min(1),
        details: z.record(z.string(), z.union([z.string(), z.number()])),
        reason: z.string(),
        address: z.string().nullable(),
      }),
    )
    .default([]),
});

export type MigrationResult = { ok: true; state: StoreState; from: number } | { ok: false; problem: string };

function migrateV1(doc: z.infer<typeof v1DocumentSchema>, timeZone: string): StoreState {
  const settings = { ...DEFAULT_SETTINGS, idleSeconds: doc.settings.idleSeconds };
  const state = new StoreState(timeZone, settings);
  // v1 kept no history: its one version stands for all time before the migration.
  state.addPolicyVersion({
    version: doc.policyVersion,
    at: new Date(0).toISOString(),
    settings: policySettingsOf(settings),
    resources: doc.resources.map(({ id, name, category, kind, patterns }) => ({ id, name, category, kind, patterns })),
  });
  for (const u of doc.units) state.units.set(u.id, u);
  for (const u of doc.users) state.putUser({ ...u, active: true });
  for (const r of doc.resources) state.resources.set(r.id, { ...r, active: true });
  for (const t of doc.tokens) {
    // Token ids did not exist: derive one from the hash, so the same file always migrates alike.
    const id = t.tokenHash.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 16) || 'token';
    state.putToken({ id, tokenHash: t.tokenHash, userId: t.userId, kind: 'device', label: '', deviceId: null, createdAt: t.createdAt, lastUsedAt: null, expiresAt: null });
  }
  // v2 numbers entries in order and names targets by kind; v1 only ever audited acts on people.
  doc.audit.forEach((a, i) => {
    state.apply({
      type: 'audit',
      entry: {
        id: String(i + 1),
        at: a.at,
        actorId: a.actorId,
        actorName: a.actorName,
        action: a.action,
        target: a.action.startsWith('person.') ? `person:${a.target}` : a.target,
        details: Object.entries(a.details)
          .map(([key, value]) => `${key}: ${value}`)
          .join('; '),
        reason: a.reason === '' ? null : a.reason,
        address: a.address,
      },
    });
  });
  const byPerson = new Map<string, SegmentRecord[]>();
  for (const s of doc.segments) {
    const record: SegmentRecord = {
      id: s.id,
      personId: s.personId,
      deviceId: s.deviceId,
      resourceId: s.resourceId,
      url: s.url,
      title: s.title,
      startMs: Date.parse(s.startedAt),
      endMs: Date.parse(s.endedAt),
      mode: s.mode,
      policyVersion: s.policyVersion,
      receivedMs: Date.parse(s.receivedAt),
    };
    const list = byPerson.get(s.personId);
    if (list) list.push(record);
    else byPerson.set(s.personId, [record]);
  }
  // Their daily totals are counted afresh, with today's rules.
  for (const segments of byPerson.values()) state.addSegments(segments);
  return state;
}

export function migrateToCurrent(raw: unknown, timeZone: string): MigrationResult {
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version === 1) {
    const checked = v1DocumentSchema.safeParse(raw);
    if (!checked.success) {
      const problem = checked.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`)
        .join('; ');
      return { ok: false, problem };
    }
    return { ok: true, state: migrateV1(checked.data, timeZone), from: 1 };
  }
  return { ok: false, problem: `schemaVersion: expected a known version, got ${JSON.stringify(version)}` };
}

/** A v2 snapshot as v3: the same document with an empty programme section (checked by the v3 schema). */
export function upgradeV2ToV3(raw: unknown): unknown {
  return { ...(raw as Record<string, unknown>), schemaVersion: 3, programme: emptyProgrammeSnapshot() };
}
