// The store on PostgreSQL: the same contract as the embedded store (store-contract.ts), for offices that need
// more than one machine or more than one server process. Every change is one transaction; what must
// not interleave takes a transaction-scoped advisory lock:
//
//   organisation  units, people, resources, settings: the checks (a taken username, a unit cycle, the
//                 last admin) and the policy version they make see one state
//   person        one person's sync, review or erasure: the ids claimed, the day totals recounted
//   note changes  taken by every write that gives a note a change number, so numbers commit in order;
//                 a cursor read (noteSeq) takes it shared, so it never names a change still being written
//   audit         the same for audit entry numbers ("older than" pages must not skip one)
//   programme     a guarded programme write: what its `decide` reads (programme-store.ts)
//
// always in that order (the first four), and a programme lock before the audit lock, so two
// transactions never wait on each other in a circle. The rules are the embedded store's own functions:
// day crediting (day-total.ts), the note merge (merge-note.ts), the verdict on a re-sent id
// (sync-verdict.ts), policy versions, user updates and audit details.
import pg from 'pg';
import { mergeNote } from '../../../shared/notes/merge-note.ts';
import type { Note, NoteReview } from '../../../shared/schemas/notes.ts';
import type { Policy } from '../../../shared/schemas/policy.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/schemas/settings.ts';
import { monthStartOf } from '../../../shared/time/day-numbers.ts';
import { dateInZone } from '../../../shared/time/zoned-days.ts';
import type { DayRefused, SegmentCredit } from '../../aggregation/split-day-seconds.ts';
import { ZoneCalendar } from '../../aggregation/zone-calendar.ts';
import { auditDetails, personUpdateAction } from '../audit-details.ts';
import { splitPersonDay, dayTotalOf, foldBeforeMs, type PersonDaySegment } from '../day-total.ts';
import { newId } from '../ids.ts';
import { splitByMonths, wholeMonthsWithin } from '../period-totals.ts';
import { noteCountQuerySchema, noteQuerySchema, noteSearchText, noteSearchWords, type NoteCountQuery, type NotePage, type NoteQuery } from '../note-query.ts';
import { nextPolicyVersion, policySettingsOf } from '../policy-version.ts';
import type { ProgrammeStore } from '../programme/programme-store.ts';
import {
  ConflictError,
  DuplicateError,
  MissingReferenceError,
  NotFoundError,
  StoreDatabaseError,
  type AuditContext,
  type AuditRecord,
  type CheckedSegment,
  type DayTotalRecord,
  type ErasedCounts,
  type NewResource,
  type NewToken,
  type NewUnit,
  type NewUser,
  type NoteOutcome,
  type NoteRecord,
  type PeriodTotalRecord,
  type PolicyVersionRecord,
  type RefusedSegment,
  type RejectedSegmentRecord,
  type ResourceChanges,
  type ResourceRecord,
  type SegmentOutcome,
  type SegmentRecord,
  type Store,
  type StoreHealth,
  type SyncInput,
  type SyncResult,
  type TokenRecord,
  type UnitChanges,
  type UnitRecord,
  type UserChanges,
  type UserRecord,
} from '../store-contract.ts';
import { contentHashOf, sameContent } from '../sync-verdict.ts';
import { userQuerySchema, type UserQuery } from '../user-query.ts';
import { LAST_ADMIN_MESSAGE, makesUnitCycle, planUserUpdate, UNIT_CYCLE_MESSAGE } from '../user-update.ts';
import { migrate, readMigrations } from './migrate.ts';
import { changedMonths, type MonthRow } from './month-rows.ts';
import { POLICY_CHANNEL, PolicyCache } from './policy-cache.ts';
import { PERSON_PROGRAMME_TABLES, PostgresProgrammeStore } from './programme-store.ts';

type Client = pg.PoolClient;

/** Advisory lock namespaces (the first of the two keys); see the top of this file. */
const LOCK = { organisation: 1, person: 2, noteSeq: 3, audit: 4, programme: 5 } as const;
/** lastUsedAt of a token is rewritten at most this often. */
const TOKEN_TOUCH_MS = 3600_000;

export interface PostgresStoreOptions {
  /** Epoch milliseconds; stamps createdAt, receivedMs and audit entries. */
  clock: () => number;
  /** The organisation's zone: daily totals are per calendar day in it. */
  timeZone: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/** bigint columns (epoch milliseconds, counts) as numbers: every value the store keeps is far below 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A range bound as a bigint parameter: the whole-history ranges (the personal export's ±Infinity) become
 * the farthest safe integers, which no stored time reaches, so they still mean "no bound" as in memory.
 */
const msBound = (ms: number): number => Math.min(Number.MAX_SAFE_INTEGER, Math.max(Number.MIN_SAFE_INTEGER, ms));
/** A day-number bound as an integer parameter: the export's whole history (±MAX_SAFE_INTEGER) becomes the int column's ends. */
const dayBound = (day: number): number => Math.min(2 ** 31 - 1, Math.max(-(2 ** 31), day));

/**
 * A person's totals as json_agg(json_build_array(day, the six seconds, by_resource) ORDER BY day) gives
 * them: a day as it is; a month read summed (its first day in `lastDayOf`) with its last day. Both keep
 * their resources as [id, seconds, …] by id (months since migration 097), handed out as parsed. One
 * object literal for each kind, not a spread: decoding a year of 20,000 people is most of what the
 * server does for the annual summary besides the rules.
 */
function totalsFromJson(personId: string, json: string, lastDayOf: ReadonlyMap<number, number>): PeriodTotalRecord[] {
  const totals = JSON.parse(json) as [number, number, number, number, number, number, number, (string | number)[]][];
  const out: PeriodTotalRecord[] = new Array(totals.length);
  for (let i = 0; i < totals.length; i++) {
    const [day, raw, credited, overlap, dailyCap, outside, invalid, byResource] = totals[i]!;
    // A day read one by one is never the first day of a month read as a sum; a day has no lastDay.
    const lastDay = lastDayOf.get(day);
    out[i] =
      lastDay === undefined
        ? { personId, day, rawSeconds: raw, creditedSeconds: credited, overlapSeconds: overlap, dailyCapSeconds: dailyCap, outsideAllowlistSeconds: outside, invalidSeconds: invalid, byResource }
        : { personId, day, lastDay, rawSeconds: raw, creditedSeconds: credited, overlapSeconds: overlap, dailyCapSeconds: dailyCap, outsideAllowlistSeconds: outside, invalidSeconds: invalid, byResource };
  }
  return out;
}

/** The URL with any password replaced, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  if (!URL.canParse(url)) return url.replace(/:[^:@/]*@/, ':***@');
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

/** Opens the store on a PostgreSQL database, applying any migration it lacks. Throws StoreDatabaseError when it cannot be reached or used. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: TYPES });
  // An idle connection dropped by the server (a restart, a proxy) must not crash the process.
  pool.on('error', (err) => console.error('StudyTrail store: a PostgreSQL connection failed', err));
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new StoreDatabaseError({ kind: 'unreachable', url: redactDatabaseUrl(url), detail: err instanceof Error ? err.message : String(err) });
  }
  try {
    await migrate(pool, await readMigrations());
    await initialise(pool, options.timeZone);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err instanceof StoreDatabaseError ? err : new StoreDatabaseError({ kind: 'unusable', url: redactDatabaseUrl(url), detail: err instanceof Error ? err.message : String(err) });
  }
  const store = new PostgresStore(pool, url, options);
  await store.start();
  return store;
}

/** A new database starts with the default settings and policy version 0, counted in the configured zone; a used one must be in the same zone. */
async function initialise(pool: pg.Pool, timeZone: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK.organisation]);
    await client.query("INSERT INTO store_meta (key, value) VALUES ('time_zone', $1) ON CONFLICT DO NOTHING", [timeZone]);
    await client.query('INSERT INTO settings (id, value) VALUES (1, $1) ON CONFLICT DO NOTHING', [JSON.stringify(DEFAULT_SETTINGS)]);
    await client.query('INSERT INTO policy_versions (version, at, settings, resources) VALUES (0, $1, $2, $3) ON CONFLICT DO NOTHING', [
      new Date(0).toISOString(),
      JSON.stringify(policySettingsOf(DEFAULT_SETTINGS)),
      '[]',
    ]);
    const stored = (await client.query<{ value: string }>("SELECT value FROM store_meta WHERE key = 'time_zone'")).rows[0]!.value;
    await client.query('COMMIT');
    if (stored !== timeZone) {
      throw new StoreDatabaseError({ kind: 'other-zone', stored, configured: timeZone });
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

// ---- rows ---------------------------------------------------------------------------------------

interface UserRow {
  id: string;
  username: string;
  name: string;
  role: UserRecord['role'];
  unit_id: string | null;
  password_hash: string;
  active: boolean;
  created_at: string;
  memberships: UserRecord['memberships'];
}
const USER_COLUMNS = 'id, username, name, role, unit_id, password_hash, active, created_at, memberships';
const userOf = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role,
  unitId: r.unit_id,
  passwordHash: r.password_hash,
  active: r.active,
  createdAt: r.created_at,
  memberships: r.memberships,
});

interface UnitRow {
  id: string;
  name: string;
  parent_id: string | null;
  created_at: string;
}
const UNIT_COLUMNS = 'id, name, parent_id, created_at';
const unitOf = (r: UnitRow): UnitRecord => ({ id: r.id, name: r.name, parentId: r.parent_id, createdAt: r.created_at });

interface TokenRow {
  id: string;
  token_hash: string;
  user_id: string;
  kind: TokenRecord['kind'];
  label: string;
  device_id: string | null;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}
const TOKEN_COLUMNS = 'id, token_hash, user_id, kind, label, device_id, created_at, last_used_at, expires_at';
const tokenOf = (r: TokenRow): TokenRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  userId: r.user_id,
  kind: r.kind,
  label: r.label,
  deviceId: r.device_id,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at,
});

interface AuditRow {
  id: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  target: string;
  details: string;
  reason: string | null;
  address: string | null;
}
const auditOf = (r: AuditRow): AuditRecord => ({
  id: String(r.id),
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  target: r.target,
  details: r.details,
  reason: r.reason,
  address: r.address,
});

interface SegmentRow {
  id: string;
  person_id: string;
  device_id: string;
  resource_id: string;
  url: string;
  title: string;
  start_ms: number;
  end_ms: number;
  mode: SegmentRecord['mode'];
  policy_version: number;
  received_ms: number;
}
const SEGMENT_COLUMNS = 'id, person_id, device_id, resource_id, url, title, start_ms, end_ms, mode, policy_version, received_ms';
const segmentOf = (r: SegmentRow): SegmentRecord => ({
  id: r.id,
  personId: r.person_id,
  deviceId: r.device_id,
  resourceId: r.resource_id,
  url: r.url,
  title: r.title,
  startMs: r.start_ms,
  endMs: r.end_ms,
  mode: r.mode,
  policyVersion: r.policy_version,
  receivedMs: r.received_ms,
});

interface RefusedRow {
  id: string;
  person_id: string;
  device_id: string;
  reason: RejectedSegmentRecord['reason'];
  code: string;
  message: string;
  content_hash: string;
  start_ms: number;
  end_ms: number;
  received_ms: number;
}
const REFUSED_COLUMNS = 'id, person_id, device_id, reason, code, message, content_hash, start_ms, end_ms, received_ms';
const refusedOf = (r: RefusedRow): RejectedSegmentRecord => ({
  id: r.id,
  personId: r.person_id,
  deviceId: r.device_id,
  reason: r.reason,
  code: r.code,
  message: r.message,
  contentHash: r.content_hash,
  startMs: r.start_ms,
  endMs: r.end_ms,
  receivedMs: r.received_ms,
});

interface DayRow {
  person_id: string;
  day: number;
  raw_seconds: number;
  credited_seconds: number;
  overlap_seconds: number;
  daily_cap_seconds: number;
  outside_allowlist_seconds: number;
  invalid_seconds: number;
  by_resource: (string | number)[];
}
const dayOf = (r: DayRow): DayTotalRecord => ({
  personId: r.person_id,
  day: r.day,
  rawSeconds: r.raw_seconds,
  creditedSeconds: r.credited_seconds,
  overlapSeconds: r.overlap_seconds,
  dailyCapSeconds: r.daily_cap_seconds,
  outsideAllowlistSeconds: r.outside_allowlist_seconds,
  invalidSeconds: r.invalid_seconds,
  byResource: r.by_resource,
});

interface NoteRow {
  person_id: string;
  note: Note;
  review: NoteReview | null;
  seq: number;
}
const NOTE_COLUMNS = 'person_id, note, review, seq';
const noteOf = (r: NoteRow): NoteRecord => ({ note: r.note, personId: r.person_id, review: r.review, seq: r.seq });

interface PolicyRow {
  version: number;
  at: string;
  settings: PolicyVersionRecord['settings'];
  resources: PolicyVersionRecord['resources'];
}
const policyOf = (r: PolicyRow): PolicyVersionRecord => ({ version: r.version, at: r.at, settings: r.settings, resources: r.resources });

/** The clauses of a notes query and their parameters, numbered from $1. */
function noteWhere(query: { personIds?: readonly string[]; fromMs?: number; toMs?: number; tag?: string; resourceId?: string; reviewed?: 'yes' | 'no' | 'any'; text?: string }): {
  sql: string;
  params: unknown[];
} {
  const params: unknown[] = [];
  const clauses = ['live'];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.personIds !== undefined) clauses.push(`person_id = ANY(${param([...new Set(query.personIds)])}::text[])`);
  if (query.fromMs !== undefined) clauses.push(`created_ms >= ${param(query.fromMs)}`);
  if (query.toMs !== undefined) clauses.push(`created_ms < ${param(query.toMs)}`);
  if (query.tag !== undefined) clauses.push(`tags @> ARRAY[${param(query.tag)}::text]`);
  if (query.resourceId !== undefined) clauses.push(`resource_id = ${param(query.resourceId)}`);
  if (query.reviewed === 'yes') clauses.push('review IS NOT NULL');
  if (query.reviewed === 'no') clauses.push('review IS NULL');
  for (const word of noteSearchWords(query.text)) clauses.push(`strpos(search_text, ${param(word)}) > 0`);
  return { sql: clauses.join(' AND '), params };
}

/**
 * A sync's verdicts as the embedded store makes them, in its order: accepted first, then refused; an id
 * earlier in the batch is answered like a stored one. `owners` and `stored` say what the database holds
 * under the ids sent (an id absent from `owners` is new); `added` is what would be stored, by id.
 */
function syncVerdicts(
  input: SyncInput,
  personId: string,
  owners: ReadonlyMap<string, string>,
  stored: ReadonlyMap<string, SegmentRecord | RejectedSegmentRecord>,
): { outcomes: Map<string, SegmentOutcome>; added: Map<string, CheckedSegment | RefusedSegment> } {
  const outcomes = new Map<string, SegmentOutcome>();
  const added = new Map<string, CheckedSegment | RefusedSegment>();
  const known = (item: CheckedSegment | RefusedSegment): SegmentOutcome | null => {
    const inBatch = added.get(item.id);
    if (inBatch) return sameContent(inBatch, contentHashOf(item));
    const owner = owners.get(item.id);
    if (owner === undefined) return null;
    if (owner !== personId) return { kind: 'id_reused' };
    const existing = stored.get(item.id);
    // A claim and its row are removed together (erasure, folding), so one is never found without the other.
    return existing ? sameContent(existing, contentHashOf(item)) : { kind: 'id_reused' };
  };
  for (const s of input.accepted) {
    const seen = known(s);
    if (seen) {
      outcomes.set(s.id, seen);
      continue;
    }
    added.set(s.id, s);
    outcomes.set(s.id, { kind: 'accepted' });
  }
  for (const r of input.refused) {
    const seen = known(r);
    if (seen) {
      outcomes.set(r.id, seen);
      continue;
    }
    outcomes.set(r.id, { kind: 'rejected', code: r.code, message: r.message });
    // Only seconds inside the accepted window are kept (see RejectedSegmentRecord).
    if (r.endMs <= r.startMs) continue;
    added.set(r.id, r);
  }
  return { outcomes, added };
}

/**
 * A sync's one statement: claims the ids ($19, in one order for every sync, so two syncs claiming the
 * same ids wait for each other rather than in a circle), inserts the segments ($4–$11) and refused
 * segments ($12–$18) whose ids it claimed, and reads back what recounting their days needs: the
 * person's rows over [$20, $21) (the new ones from the inserts, as the statement does not see its own
 * writes), every policy version's cap and the current one. `seen`: which of the unkept refused ids
 * ($22) are someone's already. `days` and `months`: the person's day_totals rows of the days the new
 * rows may touch ($23) and month_totals rows of their months ($24), as they were before this sync, from
 * which its change to the months is worked out (month-rows.ts).
 */
const SYNC_STATEMENT = `
WITH claimed AS (
  INSERT INTO segment_ids (id, person_id) SELECT id, $1 FROM unnest($19::text[]) AS id ORDER BY id COLLATE "C"
  ON CONFLICT DO NOTHING RETURNING id
), seg AS (
  INSERT INTO segments (person_id, device_id, received_ms, id, resource_id, url, title, start_ms, end_ms, mode, policy_version)
  SELECT $1, $2, $3, s.* FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[], $11::int[])
    AS s(id, resource_id, url, title, start_ms, end_ms, mode, policy_version)
  WHERE s.id IN (SELECT id FROM claimed)
  ON CONFLICT DO NOTHING RETURNING id, resource_id, start_ms, end_ms, policy_version
), ref AS (
  INSERT INTO refused_segments (person_id, device_id, received_ms, id, reason, code, message, content_hash, start_ms, end_ms)
  SELECT $1, $2, $3, r.* FROM unnest($12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::bigint[], $18::bigint[])
    AS r(id, reason, code, message, content_hash, start_ms, end_ms)
  WHERE r.id IN (SELECT id FROM claimed)
  ON CONFLICT DO NOTHING RETURNING id, reason, start_ms, end_ms
)
SELECT
  (SELECT coalesce(json_agg(id), '[]') FROM claimed) AS claimed,
  (SELECT coalesce(json_agg(id), '[]') FROM segment_ids WHERE id = ANY($22::text[])) AS seen,
  (SELECT coalesce(json_agg(json_build_array(id, resource_id, start_ms, end_ms, policy_version) ORDER BY start_ms, id), '[]') FROM (
    SELECT id, resource_id, start_ms, end_ms, policy_version FROM segments WHERE person_id = $1 AND end_ms > $20 AND start_ms < $21
    UNION ALL SELECT id, resource_id, start_ms, end_ms, policy_version FROM seg) x) AS segments,
  (SELECT coalesce(json_agg(json_build_array(reason, start_ms, end_ms) ORDER BY start_ms, id), '[]') FROM (
    SELECT id, reason, start_ms, end_ms FROM refused_segments WHERE person_id = $1 AND end_ms > $20 AND start_ms < $21
    UNION ALL SELECT id, reason, start_ms, end_ms FROM ref) x) AS refused,
  (SELECT json_object_agg(version, (settings->>'dailyCapSeconds')::int) FROM policy_versions) AS caps,
  (SELECT (value->>'dailyCapSeconds')::int FROM settings WHERE id = 1) AS current_cap,
  (SELECT coalesce(json_agg(json_build_array(day, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds, outside_allowlist_seconds, invalid_seconds, by_resource)), '[]')
     FROM day_totals WHERE person_id = $1 AND day = ANY($23::int[])) AS days,
  (SELECT coalesce(json_agg(json_build_array(month, days, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds, outside_allowlist_seconds, invalid_seconds, by_resource, daily_credited)), '[]')
     FROM month_totals WHERE person_id = $1 AND month = ANY($24::int[])) AS months`;

/**
 * The statement that stores these days' totals (a day with nothing sent keeps no row) and their months'
 * sums, with its values written in: it goes in one message with the COMMIT, and the simple protocol
 * that allows two statements takes no parameters. The values are integers and JSON text (quoted by
 * escapeLiteral). `before`: the stored rows of these days and their months, read under the person's
 * lock.
 */
function dayTotalsStatement(
  c: Client,
  personId: string,
  credits: ReadonlyMap<number, ReturnType<typeof splitPersonDay>>,
  before: { days: readonly DayTotalRecord[]; months: readonly MonthRow[] },
): string | null {
  const int = (n: number) => {
    if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
    return String(n);
  };
  const person = c.escapeLiteral(personId);
  const after = new Map<number, DayTotalRecord | null>();
  const rows: string[] = [];
  const empty: number[] = [];
  for (const [day, credit] of credits) {
    const t = dayTotalOf(personId, day, credit);
    after.set(day, t);
    if (!t) {
      // A day that kept no row and still keeps none changes nothing.
      if (before.days.some((d) => d.day === day)) empty.push(day);
      continue;
    }
    const numbers = [t.day, t.rawSeconds, t.creditedSeconds, t.overlapSeconds, t.dailyCapSeconds, t.outsideAllowlistSeconds, t.invalidSeconds].map(int);
    rows.push(`(${person}, ${numbers.join(', ')}, ${c.escapeLiteral(JSON.stringify(t.byResource))}::json)`);
  }
  const statements: string[] = [];
  if (empty.length > 0) statements.push(`DELETE FROM day_totals WHERE person_id = ${person} AND day IN (${empty.map(int).join(', ')})`);
  if (rows.length > 0) {
    statements.push(
      `INSERT INTO day_totals (person_id, day, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds, outside_allowlist_seconds, invalid_seconds, by_resource)
       VALUES ${rows.join(', ')}
       ON CONFLICT (person_id, day) DO UPDATE SET raw_seconds = EXCLUDED.raw_seconds, credited_seconds = EXCLUDED.credited_seconds,
         overlap_seconds = EXCLUDED.overlap_seconds, daily_cap_seconds = EXCLUDED.daily_cap_seconds,
         outside_allowlist_seconds = EXCLUDED.outside_allowlist_seconds, invalid_seconds = EXCLUDED.invalid_seconds, by_resource = EXCLUDED.by_resource`,
    );
  }
  if (statements.length === 0) return null;
  // Their months: month_totals stays the sum of day_totals at every commit.
  const months = changedMonths(before, after);
  if (months.remove.length > 0) statements.push(`DELETE FROM month_totals WHERE person_id = ${person} AND month IN (${months.remove.map(int).join(', ')})`);
  if (months.put.length > 0) {
    const values = months.put.map((m) => {
      const numbers = [m.month, m.days, m.rawSeconds, m.creditedSeconds, m.overlapSeconds, m.dailyCapSeconds, m.outsideAllowlistSeconds, m.invalidSeconds].map(int);
      return `(${person}, ${numbers.join(', ')}, ${c.escapeLiteral(JSON.stringify(m.byResource))}::json, '{${m.dailyCredited.map(int).join(',')}}'::bigint[])`;
    });
    statements.push(
      `INSERT INTO month_totals (person_id, month, days, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds, outside_allowlist_seconds, invalid_seconds, by_resource, daily_credited)
       VALUES ${values.join(', ')}
       ON CONFLICT (person_id, month) DO UPDATE SET days = EXCLUDED.days, raw_seconds = EXCLUDED.raw_seconds, credited_seconds = EXCLUDED.credited_seconds,
         overlap_seconds = EXCLUDED.overlap_seconds, daily_cap_seconds = EXCLUDED.daily_cap_seconds, outside_allowlist_seconds = EXCLUDED.outside_allowlist_seconds,
         invalid_seconds = EXCLUDED.invalid_seconds, by_resource = EXCLUDED.by_resource, daily_credited = EXCLUDED.daily_credited`,
    );
  }
  // After the upsert, so that it sees the days' new rows.
  for (const month of months.resum) statements.push(`SELECT refresh_month_totals(ARRAY[${person}], ${int(month)}, ${int(month)})`);
  return statements.join('; ');
}

class PostgresStore implements Store {
  private closed = false;
  /** Since when the database has not answered, for health(); null while it does. */
  private unreachableSinceMs: number | null = null;
  private readonly calendar: ZoneCalendar;
  /**
   * When each token was last used, to the millisecond, while this process runs: the database is
   * written at most hourly per token, and the device list reads the two together (as the embedded
   * store does). Another process's uses show to the hour.
   */
  private readonly lastTouchMs = new Map<string, number>();
  /**
   * What the database last held, as far as this process knows, of each token it has read: when it was
   * last written (ms) and whether its device is known. touchToken needs no query while that says no
   * write is due; another process's writes only make the stored time newer.
   */
  private readonly tokenWrites = new Map<string, { ms: number | null; device: boolean }>();
  readonly programme: ProgrammeStore;
  /** Every sync reads the policy history; it is read once and kept until a version is added (policy-cache.ts). */
  private readonly policy: PolicyCache;

  constructor(
    private readonly pool: pg.Pool,
    url: string,
    private readonly options: PostgresStoreOptions,
  ) {
    this.calendar = new ZoneCalendar(options.timeZone);
    this.policy = new PolicyCache({ url, read: async () => (await this.read<PolicyRow>('SELECT * FROM policy_versions ORDER BY version')).map(policyOf) });
    // The programme's writes run in this store's transactions, with their audit entries in the same one.
    this.programme = new PostgresProgrammeStore({
      transaction: (work) => this.transaction(work),
      lock: (c, key) => this.lock(c, LOCK.programme, key),
      audit: (c, audit) => (audit ? this.audit(c, audit.context, audit.action, audit.target, audit.details) : Promise.resolve(null)),
      read: (sql, params) => this.read(sql, params),
    });
  }


  // ---- plumbing -----------------------------------------------------------------------------------

  /** Starts listening for policy changes (a failure only means the policy is read at every sync until it works). */
  start(): Promise<void> {
    return this.policy.start();
  }

  private now(): string {
    return new Date(this.options.clock()).toISOString();
  }

  private checkOpen(): void {
    if (this.closed) throw new Error('The store is closed');
  }

  /**
   * `name` makes it a prepared statement on each connection, parsed and planned once rather than at
   * every call: for the statements every request runs (PostgreSQL's share of a request, measured in
   * docs/postgresql-store.md).
   */
  private async read<R extends pg.QueryResultRow>(sql: string, params: unknown[] = [], name?: string): Promise<R[]> {
    this.checkOpen();
    return (await this.pool.query<R>(name === undefined ? { text: sql, values: params } : { name, text: sql, values: params })).rows;
  }

  /** Runs `work` in one transaction, with the advisory locks it takes released at its end. */
  private async transaction<T>(work: (c: Client) => Promise<T>): Promise<T> {
    this.checkOpen();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * A transaction that may add a policy version: this process forgets its kept history once it ends, so
   * its own next sync sees the version even before the notification (sent at commit) comes back.
   */
  private async policyTransaction<T>(work: (c: Client) => Promise<T>): Promise<T> {
    try {
      return await this.transaction(work);
    } finally {
      this.policy.invalidate();
    }
  }

  private lock(c: Client, namespace: number, key: string): Promise<unknown> {
    return c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [namespace, key]);
  }

  private async audit(c: Client, context: AuditContext | undefined, action: string, target: string, details: string): Promise<AuditRecord | null> {
    if (!context) return null;
    await this.lock(c, LOCK.audit, '');
    const row = (
      await c.query<AuditRow>(
        'INSERT INTO audit (at, actor_id, actor_name, action, target, details, reason, address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *',
        [this.now(), context.actor.id, context.actor.name, action, target, details, context.reason, context.address ?? null],
      )
    ).rows[0]!;
    return auditOf(row);
  }

  // ---- people and units ---------------------------------------------------------------------------

  async countUsers(query?: UserQuery): Promise<number> {
    const { sql, params } = this.userWhere(query);
    return (await this.read<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE ${sql}`, params))[0]!.n;
  }

  private userWhere(input: UserQuery | undefined): { sql: string; params: unknown[] } {
    const query = userQuerySchema.parse(input ?? {});
    const clauses = ['true'];
    const params: unknown[] = [];
    if (query.unitIds !== undefined) {
      params.push(query.unitIds);
      clauses.push(`unit_id = ANY($${params.length}::text[])`);
    }
    if (query.ids !== undefined) {
      params.push(query.ids);
      clauses.push(`id = ANY($${params.length}::text[])`);
    }
    if (query.belongedTo !== undefined) {
      const { unitIds, from, to } = query.belongedTo;
      params.push(unitIds, from, to);
      const [u, f, t] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
      // userMatcher's meaning: a period of the history meeting [from, to] in one of the units, or no
      // history and the current unit one of them. The indexed units ever named (migration 096) find the
      // few to check; dates are ISO text, compared byte by byte ("C").
      clauses.push(
        `membership_units && ${u}::text[] AND CASE WHEN json_array_length(memberships) = 0 THEN unit_id = ANY(${u}::text[])
              ELSE EXISTS (SELECT 1 FROM json_array_elements(memberships) m
                            WHERE m->>'unitId' = ANY(${u}::text[]) AND m->>'from' <= ${t}::text COLLATE "C" AND (m->>'to' IS NULL OR m->>'to' >= ${f}::text COLLATE "C")) END`,
      );
    }
    return { sql: clauses.join(' AND '), params };
  }

  async createUser(input: NewUser, audit?: AuditContext): Promise<UserRecord> {
    return this.transaction(async (c) => {
      await this.lock(c, LOCK.organisation, '');
      if ((await c.query('SELECT 1 FROM users WHERE username_key = $1', [input.username.toLowerCase()])).rowCount) {
        throw new DuplicateError('username', `The username "${input.username}" is already taken`);
      }
      if (input.unitId !== null && !(await c.query('SELECT 1 FROM units WHERE id = $1', [input.unitId])).rowCount) {
        throw new MissingReferenceError('unitId', `There is no unit with id "${input.unitId}"`);
      }
      const createdAt = this.now();
      const { memberSince, ...fields } = input;
      const from = memberSince ?? dateInZone(Date.parse(createdAt), this.options.timeZone);
      const user: UserRecord = { id: newId(), ...fields, active: true, createdAt, memberships: [{ from, to: null, unitId: input.unitId, role: input.role }] };
      await this.putUser(c, user);
      await this.audit(c, audit, 'person.create', `person:${user.id}`, auditDetails.personCreate(user));
      return user;
    });
  }

  private async putUser(c: Client, user: UserRecord): Promise<void> {
    await c.query(
      `INSERT INTO users (id, username, username_key, name, role, unit_id, password_hash, active, created_at, memberships)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET name = $4, role = $5, unit_id = $6, password_hash = $7, active = $8, memberships = $10`,
      [user.id, user.username, user.username.toLowerCase(), user.name, user.role, user.unitId, user.passwordHash, user.active, user.createdAt, JSON.stringify(user.memberships)],
    );
  }

  async updateUser(id: string, changes: UserChanges, audit: AuditContext, keepTokenHash?: string): Promise<UserRecord> {
    return this.transaction(async (c) => {
      await this.lock(c, LOCK.organisation, '');
      const [row] = (await c.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id])).rows;
      if (!row) throw new NotFoundError(`There is no person with id "${id}"`);
      const old = userOf(row);
      if (changes.unitId !== undefined && changes.unitId !== null && !(await c.query('SELECT 1 FROM units WHERE id = $1', [changes.unitId])).rowCount) {
        throw new MissingReferenceError('unitId', `There is no unit with id "${changes.unitId}"`);
      }
      const { user, losesAdmin, revokesTokens } = planUserUpdate(old, changes, dateInZone(Date.parse(this.now()), this.options.timeZone));
      if (losesAdmin && (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active")).rows[0]!.n === 1) {
        throw new ConflictError(LAST_ADMIN_MESSAGE);
      }
      await this.putUser(c, user);
      const revoked = revokesTokens
        ? (await c.query('DELETE FROM tokens WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [id, keepTokenHash ?? null])).rowCount ?? 0
        : 0;
      await this.audit(c, audit, personUpdateAction(changes), `person:${id}`, auditDetails.personUpdate(old, changes, user, revoked));
      return user;
    });
  }

  async findUserById(id: string): Promise<UserRecord | null> {
    const [row] = await this.read<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row ? userOf(row) : null;
  }

  async findUserByUsername(username: string): Promise<UserRecord | null> {
    const [row] = await this.read<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username_key = $1`, [username.toLowerCase()]);
    return row ? userOf(row) : null;
  }

  async listUsers(query?: UserQuery): Promise<UserRecord[]> {
    const { sql, params } = this.userWhere(query);
    return (await this.read<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE ${sql} ORDER BY ord`, params)).map(userOf);
  }

  async createUnit(input: NewUnit, audit?: AuditContext): Promise<UnitRecord> {
    return this.transaction(async (c) => {
      await this.lock(c, LOCK.organisation, '');
      if (input.parentId !== null && !(await c.query('SELECT 1 FROM units WHERE id = $1', [input.parentId])).rowCount) {
        throw new MissingReferenceError('parentId', `There is no unit with id "${input.parentId}"`);
      }
      const unit: UnitRecord = { id: newId(), name: input.name, parentId: input.parentId, createdAt: this.now() };
      await c.query('INSERT INTO units (id, name, parent_id, created_at) VALUES ($1, $2, $3, $4)', [unit.id, unit.name, unit.parentId, unit.createdAt]);
      await this.audit(c, audit, 'unit.create', `unit:${unit.id}`, auditDetails.unitCreate(unit));
      return unit;
    });
  }

  async updateUnit(id: string, changes: UnitChanges, audit: AuditContext): Promise<UnitRecord> {
    return this.transaction(async (c) => {
      await this.lock(c, LOCK.organisation, '');
      const units = new Map((await c.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units`)).rows.map((r) => [r.id, unitOf(r)]));
      const old = units.get(id);
      if (!old) throw new NotFoundError(`There is no unit with id "${id}"`);
      if (changes.parentId !== undefined && changes.parentId !== null) {
        if (!units.has(changes.parentId)) throw new MissingReferenceError('parentId', `There is no unit with id "${changes.parentId}"`);
        if (makesUnitCycle(id, changes.parentId, (u) => units.get(u)?.parentId ?? null)) throw new ConflictError(UNIT_CYCLE_MESSAGE);
      }
      const unit: UnitRecord = { ...old, ...changes };
      await c.query('UPDATE units SET name = $2, parent_id = $3 WHERE id = $1', [id, unit.name, unit.parentId]);
      await this.audit(c, audit, 'unit.update', `unit:${id}`, auditDetails.unitUpdate(old, changes, unit));
      return unit;
    });
  }

  async deleteUnit(id: string, audit: AuditContext): Promise<void> {
    await this.transaction(async (c) => {
      await this.lock(c, LOCK.organisation, '');
      const [row] = (await c.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = $1`, [id])).rows;
      if (!row) throw new NotFoundError(`There is no unit with id "${id}"`);
      const [parent] = row.parent_id === null ? [] : (await c.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = $1`, [row.parent_id])).rows;
      await c.query('DELETE FROM units WHERE id = $1', [id]);
      await this.audit(c, audit, 'unit.delete', `unit:${id}`, auditDetails.unitDelete(unitOf(row), parent ? unitOf(parent) : null));
    });
  }

  async findUnit(id: string): Promise<UnitRecord | null> {
    const [row] = await this.read<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units WHERE id = $1`, [id]);
    return row ? unitOf(row) : null;
  }

  async listUnits(): Promise<UnitRecord[]> {
    return (await this.read<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units ORDER BY ord`)).map(unitOf);
  }

  // ---- resources, policy and settings -----------------------------------------------------------

  async createResource(input: NewResource, audit?: AuditContext): Promise<ResourceRecord> {
    return this.policyTransaction(async (c) => {
      await this.lock(c, LOCK.organisation, '');
      const at = this.now();
      const resource: ResourceRecord = { id: newId(), ...input, patterns: [...input.patterns], active: true, createdAt: at };
      await c.query('INSERT INTO resources (id, record) VALUES ($1, $2)', [resource.id, JSON.stringify(resource)]);
      await this.versionPolicyIfChanged(c, at);
      await this.audit(c, audit, 'resource.create', `resource:${resource.id}`, auditDetails.resourceCreate(resource));
      return resource;
    });
  }

  async updateResource(id: string, changes: ResourceChanges, audit: AuditContext): Promise<ResourceRecord> {
    return this.policyTransaction(async (c) => {
      await this.lock(c, LOCK.organisation, '');
      const [row] = (await c.query<{ record: ResourceRecord }>('SELECT record FROM resources WHERE id = $1', [id])).rows;
      if (!row) throw new NotFoundError(`There is no resource with id "${id}"`);
      const old = row.record;
      const at = this.now();
      const resource: ResourceRecord = { ...old, ...changes, patterns: [...(changes.patterns ?? old.patterns)] };
      await c.query('UPDATE resources SET record = $2 WHERE id = $1', [id, JSON.stringify(resource)]);
      await this.versionPolicyIfChanged(c, at);
      await this.audit(c, audit, 'resource.update', `resource:${id}`, auditDetails.resourceUpdate(old, changes, resource));
      return resource;
    });
  }

  /** Adds a policy version when what extensions follow has changed (under the organisation lock). */
  private async versionPolicyIfChanged(c: Client, at: string): Promise<void> {
    const current = policyOf((await c.query<PolicyRow>('SELECT * FROM policy_versions ORDER BY version DESC LIMIT 1')).rows[0]!);
    const resources = (await c.query<{ record: ResourceRecord }>('SELECT record FROM resources ORDER BY ord')).rows.map((r) => r.record);
    const settings = (await c.query<{ value: Settings }>('SELECT value FROM settings WHERE id = 1')).rows[0]!.value;
    const next = nextPolicyVersion(current, resources, settings, at);
    if (!next) return;
    // Every server process on the database hears of it when this commits, and drops its kept history.
    await c.query(
      'WITH added AS (INSERT INTO policy_versions (version, at, settings, resources) VALUES ($1, $2, $3, $4) RETURNING version) SELECT pg_notify($5, version::text) FROM added',
      [next.version, next.at, JSON.stringify(next.settings), JSON.stringify(next.resources), POLICY_CHANNEL],
    );
  }

  async findResource(id: string): Promise<ResourceRecord | null> {
    const [row] = await this.read<{ record: ResourceRecord }>('SELECT record FROM resources WHERE id = $1', [id]);
    return row?.record ?? null;
  }

  async listResources(): Promise<ResourceRecord[]> {
    return (await this.read<{ record: ResourceRecord }>('SELECT record FROM resources ORDER BY ord')).map((r) => r.record);
  }

  async getPolicy(): Promise<Policy> {
    const current = (await this.policyHistory()).at(-1)!;
    return {
      version: current.version,
      resources: current.resources,
      settings: { idleSeconds: current.settings.idleSeconds, mediaPresenceSeconds: current.settings.mediaPresenceSeconds },
    };
  }

  async policyHistory(): Promise<PolicyVersionRecord[]> {
    this.checkOpen();
    return this.policy.history();
  }

  async getSettings(): Promise<Settings> {
    return (await this.read<{ value: Settings }>('SELECT value FROM settings WHERE id = 1'))[0]!.value;
  }

  async updateSettings(settings: Settings, audit: AuditContext): Promise<Settings> {
    return this.policyTransaction(async (c) => {
      await this.lock(c, LOCK.organisation, '');
      const old = (await c.query<{ value: Settings }>('SELECT value FROM settings WHERE id = 1')).rows[0]!.value;
      await c.query('UPDATE settings SET value = $1 WHERE id = 1', [JSON.stringify(settings)]);
      await this.versionPolicyIfChanged(c, this.now());
      await this.audit(c, audit, 'settings.update', 'settings', auditDetails.settingsUpdate(old, settings));
      return { ...settings };
    });
  }

  // ---- tokens -----------------------------------------------------------------------------------

  async saveToken(input: NewToken): Promise<TokenRecord> {
    this.checkOpen();
    // Signing in is a use: the token needs no write on its first request.
    const token: TokenRecord = { id: newId(), ...input, createdAt: this.now(), lastUsedAt: this.now() };
    await this.pool.query(
      `INSERT INTO tokens (user_id, token_hash, id, kind, label, device_id, created_at, last_used_at, last_used_ms, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [token.userId, token.tokenHash, token.id, token.kind, token.label, token.deviceId, token.createdAt, token.lastUsedAt, Date.parse(token.lastUsedAt!), token.expiresAt],
    );
    return token;
  }

  async findToken(tokenHash: string): Promise<TokenRecord | null> {
    const [row] = await this.read<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE token_hash = $1`, [tokenHash]);
    return row ? this.tokenRead(row) : null;
  }

  async findSignIn(tokenHash: string): Promise<{ token: TokenRecord; user: UserRecord } | null> {
    const [row] = await this.read<TokenRow & { user: UserRow }>(
      `SELECT ${TOKEN_COLUMNS.replace(/(\w+)/g, 't.$1')}, json_build_object(${USER_COLUMNS.split(', ')
        .map((col) => `'${col}', u.${col}`)
        .join(', ')}) AS user
         FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`,
      [tokenHash],
      'find-sign-in',
    );
    return row ? { token: this.tokenRead(row), user: userOf(row.user) } : null;
  }

  /** A token as read, remembering what the database holds for touchToken. */
  private tokenRead(row: TokenRow): TokenRecord {
    const token = tokenOf(row);
    this.tokenWrites.set(token.tokenHash, { ms: token.lastUsedAt === null ? null : Date.parse(token.lastUsedAt), device: token.deviceId !== null });
    return token;
  }

  async touchToken(tokenHash: string, deviceId?: string): Promise<void> {
    this.checkOpen();
    const nowMs = this.options.clock();
    this.lastTouchMs.set(tokenHash, nowMs);
    // Nothing to write when the last write is under an hour old and the device is known; what this
    // process last read or wrote says so without asking (the database's can only be newer).
    const written = this.tokenWrites.get(tokenHash);
    if (written && written.ms !== null && nowMs - written.ms < TOKEN_TOUCH_MS && (written.device || deviceId === undefined)) return;
    // One statement decides and writes, in case another process wrote meanwhile.
    const { rowCount } = await this.pool.query(
      `UPDATE tokens SET last_used_at = $2, last_used_ms = $3, device_id = COALESCE(device_id, $4)
       WHERE token_hash = $1 AND (last_used_ms IS NULL OR $3 - last_used_ms >= ${TOKEN_TOUCH_MS} OR (device_id IS NULL AND $4::text IS NOT NULL))`,
      [tokenHash, new Date(nowMs).toISOString(), nowMs, deviceId ?? null],
    );
    if (rowCount) this.tokenWrites.set(tokenHash, { ms: nowMs, device: (written?.device ?? false) || deviceId !== undefined });
  }

  async deleteToken(tokenHash: string): Promise<void> {
    this.checkOpen();
    await this.pool.query('DELETE FROM tokens WHERE token_hash = $1', [tokenHash]);
    this.tokenWrites.delete(tokenHash);
  }

  async tokensOf(userId: string): Promise<TokenRecord[]> {
    return (await this.read<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE user_id = $1 ORDER BY ord`, [userId])).map((r) => {
      const t = tokenOf(r);
      const touchedMs = this.lastTouchMs.get(t.tokenHash);
      const current = touchedMs !== undefined && (t.lastUsedAt === null || touchedMs > Date.parse(t.lastUsedAt));
      return current ? { ...t, lastUsedAt: new Date(touchedMs).toISOString() } : t;
    });
  }

  async revokeToken(tokenId: string, audit: AuditContext): Promise<void> {
    await this.transaction(async (c) => {
      const [row] = (await c.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE id = $1`, [tokenId])).rows;
      if (!row) throw new NotFoundError(`There is no device with id "${tokenId}"`);
      const token = tokenOf(row);
      const [owner] = (await c.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [token.userId])).rows;
      await c.query('DELETE FROM tokens WHERE user_id = $1 AND token_hash = $2', [token.userId, token.tokenHash]);
      await this.audit(c, audit, 'device.revoke', `person:${token.userId}`, auditDetails.deviceRevoke(token, owner ? userOf(owner) : null));
    });
  }

  // ---- audit ------------------------------------------------------------------------------------

  async listAudit(query: { limit: number; before?: string }): Promise<AuditRecord[]> {
    if (query.before !== undefined && !/^\d+$/.test(query.before)) return [];
    const rows =
      query.before === undefined
        ? await this.read<AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT $1', [query.limit])
        : await this.read<AuditRow>('SELECT * FROM audit WHERE id < $1 ORDER BY id DESC LIMIT $2', [query.before, query.limit]);
    return rows.map(auditOf);
  }

  async auditFor(targets: readonly string[]): Promise<AuditRecord[]> {
    return (await this.read<AuditRow>('SELECT * FROM audit WHERE target = ANY($1::text[]) ORDER BY id', [[...targets]])).map(auditOf);
  }

  // ---- erasure ----------------------------------------------------------------------------------

  async erasePerson(personId: string, audit: AuditContext): Promise<{ counts: ErasedCounts; audit: AuditRecord } | null> {
    return this.transaction(async (c) => {
      await this.lock(c, LOCK.organisation, '');
      await this.lock(c, LOCK.person, personId);
      const [row] = (await c.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [personId])).rows;
      if (!row) return null;
      const ids = async (sql: string) => (await c.query<{ id: string }>(sql, [personId])).rows.map((r) => r.id);
      const segments = await ids('DELETE FROM segments WHERE person_id = $1 RETURNING id');
      const refused = await ids('DELETE FROM refused_segments WHERE person_id = $1 RETURNING id');
      const notes = await ids('DELETE FROM notes WHERE person_id = $1 RETURNING id');
      // The id claims are keyed by id (not person): removed by the ids just deleted.
      await c.query('DELETE FROM segment_ids WHERE id = ANY($1::text[])', [[...segments, ...refused]]);
      await c.query('DELETE FROM note_ids WHERE id = ANY($1::text[])', [notes]);
      const counts: ErasedCounts = {
        segments: segments.length,
        refused: refused.length,
        tokens: (await c.query('DELETE FROM tokens WHERE user_id = $1', [personId])).rowCount ?? 0,
        dayTotals: (await c.query('DELETE FROM day_totals WHERE person_id = $1', [personId])).rowCount ?? 0,
        notes: notes.length,
      };
      await c.query('DELETE FROM month_totals WHERE person_id = $1', [personId]);
      await c.query('DELETE FROM users WHERE id = $1', [personId]);
      // The programme's records about them too; sessions they organised stay (as in the embedded store).
      for (const table of PERSON_PROGRAMME_TABLES) await c.query(`DELETE FROM ${table} WHERE person_id = $1`, [personId]);
      const entry = await this.audit(c, audit, 'person.erase', `person:${personId}`, auditDetails.personErase(userOf(row), counts));
      return { counts, audit: entry! };
    });
  }

  // ---- sync -------------------------------------------------------------------------------------
  //
  // A sync is three round trips when its ids are new, whatever the number of segments: BEGIN with the
  // person's lock; one statement that claims the ids, inserts the rows and reads back everything the
  // recount needs; the touched days' totals written with COMMIT. (Before: eleven, each a wait on a
  // loaded machine.) Ids sent again cost one or three more, to learn whose they are and what was kept.

  async recordSync(input: SyncInput): Promise<SyncResult> {
    this.checkOpen();
    const receivedMs = this.options.clock();
    const client = await this.pool.connect();
    try {
      // One message, so the lock costs no round trip of its own (the simple protocol takes no parameters: the id is quoted).
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${LOCK.person}, hashtext(${client.escapeLiteral(input.personId)}))`);
      const { outcomes: segments, totals } = await this.syncSegments(client, input, receivedMs);
      if (input.notes.length === 0) {
        await client.query(totals === null ? 'COMMIT' : `${totals}; COMMIT`);
        return { segments, notes: new Map() };
      }
      if (totals !== null) await client.query(totals);
      const notes = await this.syncNotes(client, input.personId, input.notes);
      await client.query('COMMIT');
      return { segments, notes };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * Stores the new segments and refused segments of a sync (under the person's lock) and returns their
   * verdicts and the statement that writes the totals of the days they touch (null when none).
   */
  private async syncSegments(c: Client, input: SyncInput, receivedMs: number): Promise<{ outcomes: Map<string, SegmentOutcome>; totals: string | null }> {
    const { personId, deviceId } = input;
    if (input.accepted.length === 0 && input.refused.length === 0) return { outcomes: new Map(), totals: null };

    // First as if no id sent had been seen before (the usual case): what that would store is claimed and
    // inserted in one statement. An id already claimed is not claimed again, so its row is untouched,
    // and the verdicts are then made again knowing what is stored (below).
    const hoped = syncVerdicts(input, personId, new Map(), new Map());
    const candidates = [...hoped.added.keys()];
    // Refused ids that are not kept (no seconds inside the window) are never claimed, but their verdict
    // is the stored one's when the id is known.
    const unkept = input.refused.filter((r) => !hoped.added.has(r.id)).map((r) => r.id);
    const touchedBy = (items: readonly { startMs: number; endMs: number }[]) => {
      const days = new Set<number>();
      for (const item of items) this.calendar.forEachDayTouched(item.startMs, item.endMs, (day) => days.add(day));
      return days;
    };
    const candidateDays = [...touchedBy([...hoped.added.values()])];
    const segs = [...hoped.added.values()].filter((s): s is CheckedSegment => !('code' in s));
    const refs = [...hoped.added.values()].filter((r): r is RefusedSegment => 'code' in r);
    const fromMs = candidateDays.length === 0 ? 0 : this.calendar.startOfDay(Math.min(...candidateDays));
    const toMs = candidateDays.length === 0 ? 0 : this.calendar.startOfDay(Math.max(...candidateDays) + 1);
    const [row] = (
      await c.query<{
        claimed: string[];
        seen: string[];
        segments: [string, string, number, number, number][];
        refused: [DayRefused['reason'], number, number][];
        caps: Record<string, number | null>;
        current_cap: number;
        days: [number, number, number, number, number, number, number, (string | number)[]][];
        months: [number, number, number, number, number, number, number, number, (string | number)[], number[]][];
      }>({ name: 'sync', text: SYNC_STATEMENT, values: [
        personId,
        deviceId,
        receivedMs,
        segs.map((s) => s.id),
        segs.map((s) => s.resourceId),
        segs.map((s) => s.url),
        segs.map((s) => s.title),
        segs.map((s) => s.startMs),
        segs.map((s) => s.endMs),
        segs.map((s) => s.mode),
        segs.map((s) => s.policyVersion),
        refs.map((r) => r.id),
        refs.map((r) => r.reason),
        refs.map((r) => r.code),
        refs.map((r) => r.message),
        refs.map((r) => r.contentHash),
        refs.map((r) => r.startMs),
        refs.map((r) => r.endMs),
        candidates,
        fromMs,
        toMs,
        unkept,
        candidateDays,
        [...new Set(candidateDays.map(monthStartOf))],
      ] })
    ).rows;
    const claimed = new Set(row!.claimed);
    let { outcomes } = hoped;
    const unclaimed = candidates.filter((id) => !claimed.has(id));
    if (unclaimed.length > 0 || row!.seen.length > 0) {
      // Some ids were someone's already: the embedded store's verdicts, knowing whose and what was kept.
      // The ids just claimed are left out of what is "known", so their verdicts stay the ones above.
      const lookUp = [...unclaimed, ...row!.seen];
      const owners = new Map((await c.query<{ id: string; person_id: string }>('SELECT id, person_id FROM segment_ids WHERE id = ANY($1::text[])', [lookUp])).rows.map((r) => [r.id, r.person_id]));
      const mine = lookUp.filter((id) => owners.get(id) === personId);
      const stored = new Map<string, SegmentRecord | RejectedSegmentRecord>();
      if (mine.length > 0) {
        for (const r of (await c.query<SegmentRow>(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE person_id = $1 AND id = ANY($2::text[])`, [personId, mine])).rows) stored.set(r.id, segmentOf(r));
        for (const r of (await c.query<RefusedRow>(`SELECT ${REFUSED_COLUMNS} FROM refused_segments WHERE person_id = $1 AND id = ANY($2::text[])`, [personId, mine])).rows) stored.set(r.id, refusedOf(r));
      }
      const known = syncVerdicts(input, personId, owners, stored);
      outcomes = known.outcomes;
      // An id claimed by another person's sync between their lookup and ours (or claimed, then erased) is theirs.
      for (const id of known.added.keys()) if (!claimed.has(id)) outcomes.set(id, { kind: 'id_reused' });
    }

    // Recount the days the rows just stored touch, from what the statement read back (theirs included).
    const touched = [...touchedBy([...segs, ...refs].filter((item) => claimed.has(item.id)))];
    if (touched.length === 0) return { outcomes, totals: null };
    const segments = row!.segments.map(([key, resourceId, startMs, endMs, policyVersion]): PersonDaySegment => ({ key, resourceId, startMs, endMs, policyVersion }));
    const refused = row!.refused.map(([reason, startMs, endMs]): DayRefused => ({ reason, startMs, endMs }));
    const caps = new Map(Object.entries(row!.caps).flatMap(([version, cap]) => (cap === null ? [] : [[Number(version), cap] as const])));
    const credits = this.creditFrom(touched, segments, refused, caps, row!.current_cap);
    const before = {
      days: row!.days.map(
        ([day, rawSeconds, creditedSeconds, overlapSeconds, dailyCapSeconds, outsideAllowlistSeconds, invalidSeconds, byResource]): DayTotalRecord => ({
          personId,
          day,
          rawSeconds,
          creditedSeconds,
          overlapSeconds,
          dailyCapSeconds,
          outsideAllowlistSeconds,
          invalidSeconds,
          byResource,
        }),
      ),
      months: row!.months.map(
        ([month, days, rawSeconds, creditedSeconds, overlapSeconds, dailyCapSeconds, outsideAllowlistSeconds, invalidSeconds, byResource, dailyCredited]): MonthRow => ({
          month,
          days,
          rawSeconds,
          creditedSeconds,
          overlapSeconds,
          dailyCapSeconds,
          outsideAllowlistSeconds,
          invalidSeconds,
          byResource,
          dailyCredited,
        }),
      ),
    };
    return { outcomes, totals: dayTotalsStatement(c, personId, credits, before) };
  }

  /** The person's credit of each day in `days`, from their segments and refused segments overlapping them (ordered by start, then id). */
  private creditFrom(
    days: readonly number[],
    segments: readonly PersonDaySegment[],
    refused: readonly DayRefused[],
    caps: ReadonlyMap<number, number>,
    currentCapSeconds: number,
  ): Map<number, ReturnType<typeof splitPersonDay>> {
    const out = new Map<number, ReturnType<typeof splitPersonDay>>();
    for (const day of days) {
      const dayStartMs = this.calendar.startOfDay(day);
      const dayEndMs = this.calendar.startOfDay(day + 1);
      const within = <T extends { startMs: number; endMs: number }>(list: readonly T[]) => list.filter((s) => s.startMs < dayEndMs && s.endMs > dayStartMs);
      out.set(day, splitPersonDay({ dayStartMs, dayEndMs, segments: within(segments), refused: within(refused), capOf: (v) => caps.get(v), currentCapSeconds }));
    }
    return out;
  }

  /** The person's credit of each day in `days` from the raw segments stored now (the segment credits' read). */
  private async splitDays(personId: string, days: readonly number[]): Promise<Map<number, ReturnType<typeof splitPersonDay>>> {
    if (days.length === 0) return new Map();
    const fromMs = this.calendar.startOfDay(Math.min(...days));
    const toMs = this.calendar.startOfDay(Math.max(...days) + 1);
    const [segments, refused, caps, [current]] = await Promise.all([
      this.read<{ id: string; resource_id: string; start_ms: number; end_ms: number; policy_version: number }>(
        'SELECT id, resource_id, start_ms, end_ms, policy_version FROM segments WHERE person_id = $1 AND end_ms > $2 AND start_ms < $3 ORDER BY start_ms, id',
        [personId, fromMs, toMs],
      ),
      this.read<RefusedRow>(`SELECT ${REFUSED_COLUMNS} FROM refused_segments WHERE person_id = $1 AND end_ms > $2 AND start_ms < $3 ORDER BY start_ms, id`, [personId, fromMs, toMs]),
      this.read<{ version: number; cap: number }>("SELECT version, (settings->>'dailyCapSeconds')::int AS cap FROM policy_versions"),
      this.read<{ cap: number }>("SELECT (value->>'dailyCapSeconds')::int AS cap FROM settings WHERE id = 1"),
    ]);
    return this.creditFrom(
      days,
      segments.map((r): PersonDaySegment => ({ key: r.id, resourceId: r.resource_id, startMs: r.start_ms, endMs: r.end_ms, policyVersion: r.policy_version })),
      refused.map(refusedOf),
      new Map(caps.map((r) => [r.version, r.cap])),
      current!.cap,
    );
  }

  /** Merges a sync's notes with the one merge rule (under the person's lock). */
  private async syncNotes(c: Client, personId: string, sent: readonly Note[]): Promise<Map<string, NoteOutcome>> {
    const outcomes = new Map<string, NoteOutcome>();
    if (sent.length === 0) return outcomes;
    const ids = [...new Set(sent.map((n) => n.id))];
    const owners = new Map((await c.query<{ id: string; person_id: string }>('SELECT id, person_id FROM note_ids WHERE id = ANY($1::text[])', [ids])).rows.map((r) => [r.id, r.person_id]));
    const toClaim = ids.filter((id) => !owners.has(id));
    if (toClaim.length > 0) {
      const claimed = (
        await c.query<{ id: string }>('INSERT INTO note_ids (id, person_id) SELECT id, $2 FROM unnest($1::text[]) AS id ON CONFLICT DO NOTHING RETURNING id', [toClaim, personId])
      ).rows;
      for (const { id } of claimed) owners.set(id, personId);
      // An id another person's sync claimed meanwhile is theirs.
      for (const id of toClaim) if (!owners.has(id)) owners.set(id, '');
    }
    const current = new Map<string, NoteRecord>(
      (await c.query<NoteRow>(`SELECT ${NOTE_COLUMNS} FROM notes WHERE person_id = $1 AND id = ANY($2::text[])`, [personId, ids])).rows.map((r) => [r.note.id, noteOf(r)]),
    );
    const changed = new Map<string, NoteRecord>();
    for (const note of sent) {
      if (owners.get(note.id) !== personId) {
        outcomes.set(note.id, 'id_reused');
        continue;
      }
      outcomes.set(note.id, 'accepted');
      const existing = current.get(note.id);
      const merged = existing ? mergeNote(existing.note, note) : note;
      if (existing && merged === existing.note) continue;
      const record: NoteRecord = { note: merged, personId, review: existing?.review ?? null, seq: 0 };
      current.set(note.id, record);
      changed.set(note.id, record);
    }
    if (changed.size > 0) {
      await this.lock(c, LOCK.noteSeq, '');
      for (const record of changed.values()) await this.putNote(c, record);
    }
    return outcomes;
  }

  /** Writes a note with the next change number (the caller holds the note-changes lock). */
  private async putNote(c: Client, record: NoteRecord): Promise<NoteRecord> {
    const { note } = record;
    const seq = (
      await c.query<{ seq: number }>(
        `INSERT INTO notes (person_id, id, note, review, seq, created_at, created_ms, live, resource_id, tags, search_text)
         VALUES ($1, $2, $3, $4, nextval('note_seq'), $5, $6, $7, $8, $9, $10)
         ON CONFLICT (person_id, id) DO UPDATE SET note = EXCLUDED.note, review = EXCLUDED.review, seq = EXCLUDED.seq, created_at = EXCLUDED.created_at,
           created_ms = EXCLUDED.created_ms, live = EXCLUDED.live, resource_id = EXCLUDED.resource_id, tags = EXCLUDED.tags, search_text = EXCLUDED.search_text
         RETURNING seq`,
        [
          record.personId,
          note.id,
          JSON.stringify(note),
          record.review === null ? null : JSON.stringify(record.review),
          note.createdAt,
          Date.parse(note.createdAt),
          note.deletedAt === null,
          note.resourceId,
          note.tags,
          noteSearchText(note),
        ],
      )
    ).rows[0]!.seq;
    return { ...record, seq };
  }

  async segmentsForPerson(personId: string, fromMs: number, toMs: number): Promise<SegmentRecord[]> {
    return (
      await this.read<SegmentRow>(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE person_id = $1 AND end_ms > $2 AND start_ms < $3 ORDER BY start_ms, id`, [
        personId,
        msBound(fromMs),
        msBound(toMs),
      ])
    ).map(segmentOf);
  }

  async refusedForPerson(personId: string, fromMs: number, toMs: number): Promise<RejectedSegmentRecord[]> {
    return (
      await this.read<RefusedRow>(`SELECT ${REFUSED_COLUMNS} FROM refused_segments WHERE person_id = $1 AND end_ms > $2 AND start_ms < $3 ORDER BY start_ms, id`, [
        personId,
        msBound(fromMs),
        msBound(toMs),
      ])
    ).map(refusedOf);
  }

  async segmentCredits(personId: string, fromDay: number, toDay: number): Promise<Map<string, SegmentCredit>> {
    this.checkOpen();
    const days: number[] = [];
    for (let day = fromDay; day <= toDay; day++) days.push(day);
    const out = new Map<string, SegmentCredit>();
    for (const credit of (await this.splitDays(personId, days)).values()) {
      for (const [id, c] of credit.bySegment) {
        const sum = out.get(id);
        if (!sum) out.set(id, { ...c });
        else {
          sum.rawSeconds += c.rawSeconds;
          sum.creditedSeconds += c.creditedSeconds;
          sum.overlapSeconds += c.overlapSeconds;
          sum.dailyCapSeconds += c.dailyCapSeconds;
        }
      }
    }
    return out;
  }

  async dayTotals(personId: string, fromDay: number, toDay: number): Promise<DayTotalRecord[]> {
    return (await this.read<DayRow>('SELECT * FROM day_totals WHERE person_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day', [personId, dayBound(fromDay), dayBound(toDay)])).map(
      dayOf,
    );
  }

  async dayTotalsOf(personIds: readonly string[], fromDay: number, toDay: number): Promise<Map<string, DayTotalRecord[]>> {
    const out = new Map<string, DayTotalRecord[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return out;
    // One row a person, their days as one JSON text: a report reads a year of a thousand people's days
    // (250,000 rows), and decoding them row by row and column by column cost the server about three
    // times what one JSON.parse a person does (measured in docs/postgresql-store.md).
    const rows = await this.read<{ person_id: string; days: string }>(
      `SELECT person_id, json_agg(json_build_array(day, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds, outside_allowlist_seconds, invalid_seconds, by_resource) ORDER BY day)::text AS days
         FROM day_totals WHERE person_id = ANY($1::text[]) AND day BETWEEN $2 AND $3 GROUP BY person_id`,
      [[...new Set(personIds)], dayBound(fromDay), dayBound(toDay)],
    );
    for (const row of rows) out.set(row.person_id, totalsFromJson(row.person_id, row.days, new Map()));
    return out;
  }

  async periodTotalsOf(personIds: readonly string[], fromDay: number, toDay: number, months: readonly number[]): Promise<Map<string, PeriodTotalRecord[]>> {
    const split = splitByMonths(fromDay, toDay, months);
    const out = new Map<string, PeriodTotalRecord[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return out;
    if (split.months.length + split.dayRanges.length === 0) return out;
    const lastDayOf = new Map(split.months);
    // The months from month_totals (migrations/095-month-totals.sql), each run of days around them from
    // day_totals by its own index range (a join with the list of runs was planned as a scan of every
    // row of the people's), one JSON text a person as dayTotalsOf reads them.
    const columns = 'raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds, outside_allowlist_seconds, invalid_seconds';
    const params: unknown[] = [[...new Set(personIds)]];
    const parts: string[] = [];
    if (split.months.length > 0) {
      params.push(split.months.map(([first]) => first));
      parts.push(`SELECT person_id, month AS day, ${columns}, by_resource FROM month_totals WHERE person_id = ANY($1::text[]) AND month = ANY($2::int[])`);
    }
    for (const [lo, hi] of split.dayRanges) {
      params.push(dayBound(lo), dayBound(hi));
      parts.push(`SELECT person_id, day, ${columns}, by_resource FROM day_totals WHERE person_id = ANY($1::text[]) AND day BETWEEN $${params.length - 1} AND $${params.length}`);
    }
    const rows = await this.read<{ person_id: string; totals: string }>(
      `SELECT person_id, json_agg(json_build_array(day, ${columns}, by_resource) ORDER BY day)::text AS totals
         FROM (${parts.join(' UNION ALL ')}) t GROUP BY person_id`,
      params,
    );
    for (const row of rows) out.set(row.person_id, totalsFromJson(row.person_id, row.totals, lastDayOf));
    return out;
  }

  async creditedByDay(personIds: readonly string[], fromDay: number, toDay: number): Promise<Map<number, number>> {
    if (personIds.length === 0 || fromDay > toDay) return new Map();
    // A report's range is a few years at most; a range without bounds (±MAX_SAFE_INTEGER) is read by day.
    const split = splitByMonths(fromDay, toDay, toDay - fromDay <= 40_000 ? wholeMonthsWithin(fromDay, toDay) : []);
    // Whole months from month_totals' day-by-day credit (a month's row, not its 31 day rows): each
    // month's arrays of all the people as one JSON text, added up here (unnesting them into a row a
    // person a day and summing those in the database cost it about four times as much, measured at a
    // 1,000-person unit's year). The days around them from day_totals, summed there: one number a day.
    const params: unknown[] = [[...new Set(personIds)]];
    const parts: string[] = [];
    if (split.months.length > 0) {
      params.push(split.months.map(([first]) => first));
      parts.push('SELECT month AS day, NULL::bigint AS seconds, json_agg(daily_credited)::text AS daily FROM month_totals WHERE person_id = ANY($1::text[]) AND month = ANY($2::int[]) GROUP BY month');
    }
    for (const [lo, hi] of split.dayRanges) {
      params.push(dayBound(lo), dayBound(hi));
      parts.push(
        `SELECT day, sum(credited_seconds)::bigint AS seconds, NULL AS daily FROM day_totals WHERE person_id = ANY($1::text[]) AND day BETWEEN $${params.length - 1} AND $${params.length} GROUP BY day`,
      );
    }
    const rows = await this.read<{ day: number; seconds: number | null; daily: string | null }>(parts.join(' UNION ALL '), params);
    const byDay = new Map<number, number>();
    for (const row of rows) {
      if (row.daily === null) {
        if (row.seconds! > 0) byDay.set(row.day, row.seconds!);
        continue;
      }
      // A month's arrays, one a person, its first day first: summed day by day.
      const sums: number[] = [];
      for (const daily of JSON.parse(row.daily) as number[][]) for (let i = 0; i < daily.length; i++) sums[i] = (sums[i] ?? 0) + daily[i]!;
      for (let i = 0; i < sums.length; i++) if (sums[i]! > 0) byDay.set(row.day + i, sums[i]!);
    }
    return byDay;
  }

  // ---- notes ------------------------------------------------------------------------------------

  async notesChangedSince(personId: string, afterSeq: number, limit: number): Promise<{ notes: NoteRecord[]; more: boolean }> {
    const rows = await this.read<NoteRow>(`SELECT ${NOTE_COLUMNS} FROM notes WHERE person_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [personId, afterSeq, limit + 1]);
    return { notes: rows.slice(0, limit).map(noteOf), more: rows.length > limit };
  }

  async queryNotes(input: NoteQuery): Promise<NotePage> {
    const query = noteQuerySchema.parse(input);
    const { sql, params } = noteWhere(query);
    const page = [...params, query.offset, query.limit ?? null];
    const [rows, [count]] = await Promise.all([
      this.read<NoteRow>(
        `SELECT ${NOTE_COLUMNS} FROM notes WHERE ${sql} ORDER BY created_at COLLATE "C" DESC, id COLLATE "C" OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
        page,
      ),
      this.read<{ n: number }>(`SELECT count(*)::int AS n FROM notes WHERE ${sql}`, params),
    ]);
    return { notes: rows.map(noteOf), total: count!.n };
  }

  async countNotesByPerson(input: NoteCountQuery): Promise<Map<string, number>> {
    const query = noteCountQuerySchema.parse(input);
    const { sql, params } = noteWhere(query);
    const rows = await this.read<{ person_id: string; n: number }>(`SELECT person_id, count(*)::int AS n FROM notes WHERE ${sql} GROUP BY person_id`, params);
    return new Map(rows.map((r) => [r.person_id, r.n]));
  }

  async findNote(id: string): Promise<NoteRecord | null> {
    const [row] = await this.read<NoteRow>(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = $1`, [id]);
    return row ? noteOf(row) : null;
  }

  async setNoteReview(id: string, review: NoteReview | null, audit: AuditContext): Promise<NoteRecord> {
    const found = await this.findNote(id);
    if (!found || found.note.deletedAt !== null) throw new NotFoundError(`There is no note with id "${id}"`);
    return this.transaction(async (c) => {
      await this.lock(c, LOCK.person, found.personId);
      // Read again under the lock: a sync may have changed (or deleted) the note meanwhile.
      const [row] = (await c.query<NoteRow>(`SELECT ${NOTE_COLUMNS} FROM notes WHERE person_id = $1 AND id = $2`, [found.personId, id])).rows;
      if (!row || row.note.deletedAt !== null) throw new NotFoundError(`There is no note with id "${id}"`);
      await this.lock(c, LOCK.noteSeq, '');
      const record = await this.putNote(c, { ...noteOf(row), review });
      const [author] = (await c.query<{ username: string }>('SELECT username FROM users WHERE id = $1', [found.personId])).rows;
      await this.audit(c, audit, review ? 'note.review' : 'note.review_delete', `note:${id}`, auditDetails.noteReview(author?.username ?? found.personId, review));
      return record;
    });
  }

  /**
   * The highest change number committed, never one still being written. A sequence is not
   * transactional: nextval hands a number out at once, and its change becomes visible only at COMMIT,
   * so the bare last_value may name a change no reader can see yet, and a device given it as its cursor
   * would never fetch that change. Every writer numbers changes holding the note-changes lock until it
   * commits; taking that lock in shared mode first waits for the one in flight (and keeps the next from
   * starting), so last_value is then committed. Both statements go in one message, which PostgreSQL runs
   * as one transaction: the lock is held across the read and the read costs no extra round trip.
   */
  async noteSeq(): Promise<number> {
    this.checkOpen();
    const results = (await this.pool.query(
      `SELECT pg_advisory_xact_lock_shared(${LOCK.noteSeq}, hashtext('')); SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS seq FROM note_seq`,
    )) as unknown as pg.QueryResult<{ seq: number }>[];
    return results[1]!.rows[0]!.seq;
  }

  // ---- upkeep -----------------------------------------------------------------------------------

  async maintain(): Promise<void> {
    this.checkOpen();
    const settings = await this.getSettings();
    const beforeMs = foldBeforeMs(this.options.clock(), settings.retentionDays, this.options.timeZone);
    // Day totals are counted at every sync, so folding is only dropping the raw rows and their id claims.
    await this.transaction(async (c) => {
      const gone = [
        ...(await c.query<{ id: string }>('DELETE FROM segments WHERE end_ms < $1 RETURNING id', [beforeMs])).rows,
        ...(await c.query<{ id: string }>('DELETE FROM refused_segments WHERE end_ms < $1 RETURNING id', [beforeMs])).rows,
      ].map((r) => r.id);
      if (gone.length > 0) await c.query('DELETE FROM segment_ids WHERE id = ANY($1::text[])', [gone]);
    });
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.read('SELECT 1');
      this.unreachableSinceMs = null;
      return { writable: true };
    } catch (err) {
      this.unreachableSinceMs ??= this.options.clock();
      const code = (err as { code?: string }).code ?? 'EDATABASE';
      return { writable: false, since: new Date(this.unreachableSinceMs).toISOString(), code, reason: err instanceof Error ? err.message : String(err) };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Every acknowledged change is committed already; ending the pool waits for the queries under way.
    await this.policy.close();
    await this.pool.end();
  }
}
