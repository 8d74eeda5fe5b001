// Moving an office from the embedded store to PostgreSQL (`npm run migrate-store`): every record of
// the data folder is copied, with its ids, numbers and times, into an empty database in one
// transaction, then checked: the rows of each kind counted on both sides, and each person's day totals, monthly sums,
// segments, refused segments and note count read back through both stores' own Store interface.
import pg from 'pg';
import { monthStartOf } from '../../../shared/time/day-numbers.ts';
import { lockDataDir } from '../data-lock.ts';
import { readConsistentState } from '../backup.ts';
import { openLowdbStore } from '../lowdb-store.ts';
import { noteSearchText } from '../note-query.ts';
import type { Store } from '../store-contract.ts';
import type { StoreState } from '../state.ts';
import { CopyError } from '../store-problems.ts';
import { openPostgresStore, redactDatabaseUrl } from './postgres-store.ts';
import { POLICY_CHANNEL } from './policy-cache.ts';
import { applyProgrammeOp, programmeOpsOf } from './programme-store.ts';

/** Tables the store fills by itself when it first opens a database: rows there do not make it "used". */
const OPENING_TABLES = new Set(['schema_migrations', 'store_meta', 'settings', 'policy_versions', 'limit_attempts', 'limit_buckets']);
const BATCH = 5000;

export interface CopyReport {
  /** Rows per record kind, the same on both sides (checked). */
  counts: Record<string, number>;
  /** People whose day totals, segments, refused segments and note count read the same through both stores. */
  peopleChecked: number;
}

/** What the embedded store holds of each kind, as the copy writes it. */
function countsOf(state: StoreState): Record<string, number> {
  let segments = 0;
  let refused = 0;
  let days = 0;
  for (const data of state.people.values()) {
    segments += data.segments.length;
    refused += data.refused.length;
    days += state.daysOf(data.personId).length;
  }
  return {
    units: state.units.size,
    users: state.users.size,
    resources: state.resources.size,
    tokens: state.tokens.size,
    audit: state.audit.length,
    policy_versions: state.policyHistory.length,
    segments,
    refused_segments: refused,
    day_totals: days,
    notes: state.notes.size,
    ...programmeCounts(state),
  };
}

/** The programme's records per table they are copied to. */
function programmeCounts(state: StoreState): Record<string, number> {
  const p = state.programme.snapshot();
  return {
    personal_plans: p.plans.length,
    unit_defaults: p.unitDefaults.length,
    calendar_exceptions: p.exceptions.length,
    holiday_arrangements: p.holidays.length,
    sessions: p.sessions.length,
    attendance: p.attendance.length,
    field_visits: p.visits.length,
    research_reports: p.reports.length,
    annual_notes: p.annual.length,
    closed_years: p.closedYears.length,
    change_requests: p.changes.length,
  };
}


async function refuseUnlessEmpty(client: pg.Client, url: string): Promise<void> {
  const tables = (await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.tablename);
  const used: { table: string; rows: number }[] = [];
  for (const table of tables) {
    if (OPENING_TABLES.has(table)) continue;
    const { n } = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!;
    if (Number(n) > 0) used.push({ table, rows: Number(n) });
  }
  if (tables.includes('policy_versions')) {
    const { n } = (await client.query<{ n: string }>('SELECT count(*) AS n FROM policy_versions WHERE version > 0')).rows[0]!;
    if (Number(n) > 0) used.push({ table: 'policy_versions', rows: Number(n) });
  }
  if (used.length > 0) throw new CopyError({ kind: 'target-not-empty', url: redactDatabaseUrl(url), tables: used });
}

/** Inserts rows in batches of arrays, one unnest per batch. */
async function insertRows<T>(client: pg.Client, sql: string, rows: readonly T[], columns: ((row: T) => unknown)[]): Promise<void> {
  for (let at = 0; at < rows.length; at += BATCH) {
    const batch = rows.slice(at, at + BATCH);
    await client.query(sql, columns.map((column) => batch.map(column)));
  }
}

async function writeAll(client: pg.Client, state: StoreState): Promise<void> {
  // The defaults the store wrote on first open give way to the office's own.
  await client.query('DELETE FROM policy_versions');
  await client.query('UPDATE settings SET value = $1 WHERE id = 1', [JSON.stringify(state.settings)]);
  await insertRows(client, 'INSERT INTO policy_versions (version, at, settings, resources) SELECT * FROM unnest($1::int[], $2::text[], $3::json[], $4::json[])', state.policyHistory, [
    (p) => p.version,
    (p) => p.at,
    (p) => JSON.stringify(p.settings),
    (p) => JSON.stringify(p.resources),
  ]);
  // A server already running on this database keeps the history it read: it hears this at commit.
  await client.query(`NOTIFY ${POLICY_CHANNEL}`);
  // In the embedded store's order, which the ord columns keep.
  const units = [...state.units.values()];
  await insertRows(
    client,
    'INSERT INTO units (id, name, parent_id, created_at) SELECT id, name, parent_id, created_at FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(id, name, parent_id, created_at, n) ORDER BY n',
    units,
    [(u) => u.id, (u) => u.name, (u) => u.parentId, (u) => u.createdAt],
  );
  const users = [...state.users.values()];
  await insertRows(
    client,
    `INSERT INTO users (id, username, username_key, name, role, unit_id, password_hash, active, created_at, memberships)
     SELECT id, username, username_key, name, role, unit_id, password_hash, active, created_at, memberships
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[], $10::json[]) WITH ORDINALITY
         AS u(id, username, username_key, name, role, unit_id, password_hash, active, created_at, memberships, n) ORDER BY n`,
    users,
    [(u) => u.id, (u) => u.username, (u) => u.username.toLowerCase(), (u) => u.name, (u) => u.role, (u) => u.unitId, (u) => u.passwordHash, (u) => u.active, (u) => u.createdAt, (u) => JSON.stringify(u.memberships)],
  );
  const resources = [...state.resources.values()];
  await insertRows(client, 'INSERT INTO resources (id, record) SELECT id, record FROM unnest($1::text[], $2::json[]) WITH ORDINALITY AS r(id, record, n) ORDER BY n', resources, [
    (r) => r.id,
    (r) => JSON.stringify(r),
  ]);
  const tokens = [...state.tokens.values()];
  await insertRows(
    client,
    `INSERT INTO tokens (user_id, token_hash, id, kind, label, device_id, created_at, last_used_at, last_used_ms, expires_at)
     SELECT user_id, token_hash, id, kind, label, device_id, created_at, last_used_at, last_used_ms, expires_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[]) WITH ORDINALITY
         AS t(user_id, token_hash, id, kind, label, device_id, created_at, last_used_at, last_used_ms, expires_at, n) ORDER BY n`,
    tokens,
    [(t) => t.userId, (t) => t.tokenHash, (t) => t.id, (t) => t.kind, (t) => t.label, (t) => t.deviceId, (t) => t.createdAt, (t) => t.lastUsedAt, (t) => (t.lastUsedAt === null ? null : Date.parse(t.lastUsedAt)), (t) => t.expiresAt],
  );
  await insertRows(
    client,
    'INSERT INTO audit (id, at, actor_id, actor_name, action, target, details, reason, address) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])',
    state.audit,
    [(a) => a.id, (a) => a.at, (a) => a.actorId, (a) => a.actorName, (a) => a.action, (a) => a.target, (a) => a.details, (a) => a.reason, (a) => a.address],
  );
  // The next audit entry and note change continue the embedded store's numbers.
  await client.query("SELECT setval(pg_get_serial_sequence('audit', 'id'), $1, $2)", [Math.max(1, state.auditSeq), state.auditSeq > 0]);

  for (const data of state.people.values()) {
    const segments = Array.from({ length: data.segments.length }, (_, i) => state.segmentAt(data, i));
    await insertRows(client, 'INSERT INTO segment_ids (id, person_id) SELECT * FROM unnest($1::text[], $2::text[])', [...segments, ...data.refused], [(s) => s.id, () => data.personId]);
    await insertRows(
      client,
      `INSERT INTO segments (person_id, id, device_id, resource_id, url, title, start_ms, end_ms, mode, policy_version, received_ms)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::text[], $10::int[], $11::bigint[])`,
      segments,
      [(s) => s.personId, (s) => s.id, (s) => s.deviceId, (s) => s.resourceId, (s) => s.url, (s) => s.title, (s) => s.startMs, (s) => s.endMs, (s) => s.mode, (s) => s.policyVersion, (s) => s.receivedMs],
    );
    await insertRows(
      client,
      `INSERT INTO refused_segments (person_id, id, device_id, reason, code, message, content_hash, start_ms, end_ms, received_ms)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[])`,
      data.refused,
      [(r) => r.personId, (r) => r.id, (r) => r.deviceId, (r) => r.reason, (r) => r.code, (r) => r.message, (r) => r.contentHash, (r) => r.startMs, (r) => r.endMs, (r) => r.receivedMs],
    );
    await insertRows(
      client,
      `INSERT INTO day_totals (person_id, day, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds, outside_allowlist_seconds, invalid_seconds, by_resource)
       SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::json[])`,
      state.daysOf(data.personId),
      [(d) => d.personId, (d) => d.day, (d) => d.rawSeconds, (d) => d.creditedSeconds, (d) => d.overlapSeconds, (d) => d.dailyCapSeconds, (d) => d.outsideAllowlistSeconds, (d) => d.invalidSeconds, (d) => JSON.stringify(d.byResource)],
    );
    // Their monthly sums, from the days just copied (migrations/095-month-totals.sql).
    await client.query('SELECT refresh_month_totals(ARRAY[$1::text], min(day), max(day)) FROM day_totals WHERE person_id = $1 HAVING count(*) > 0', [data.personId]);
  }

  const notes = [...state.notes.values()];
  await insertRows(client, 'INSERT INTO note_ids (id, person_id) SELECT * FROM unnest($1::text[], $2::text[])', notes, [(n) => n.note.id, (n) => n.personId]);
  await insertRows(
    client,
    `INSERT INTO notes (person_id, id, note, review, seq, created_at, created_ms, live, resource_id, tags, search_text)
     SELECT person_id, id, note, review, seq, created_at, created_ms, live, resource_id, ARRAY(SELECT json_array_elements_text(tags)), search_text
       FROM unnest($1::text[], $2::text[], $3::json[], $4::json[], $5::bigint[], $6::text[], $7::bigint[], $8::boolean[], $9::text[], $10::json[], $11::text[])
         AS n(person_id, id, note, review, seq, created_at, created_ms, live, resource_id, tags, search_text)`,
    notes,
    [
      (n) => n.personId,
      (n) => n.note.id,
      (n) => JSON.stringify(n.note),
      (n) => (n.review === null ? null : JSON.stringify(n.review)),
      (n) => n.seq,
      (n) => n.note.createdAt,
      (n) => Date.parse(n.note.createdAt),
      (n) => n.note.deletedAt === null,
      (n) => n.note.resourceId,
      (n) => JSON.stringify(n.note.tags),
      (n) => noteSearchText(n.note),
    ],
  );
  await client.query("SELECT setval('note_seq', $1, $2)", [Math.max(1, state.noteSeq), state.noteSeq > 0]);
  // The programme's records through the PostgreSQL programme store's own writer.
  for (const op of programmeOpsOf(state.programme.snapshot())) await applyProgrammeOp(client, op);
}

async function countRows(client: pg.Client, kinds: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const kind of kinds) counts[kind] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${kind}"`)).rows[0]!.n);
  return counts;
}

/** One person's records as the routes read them, comparable across engines. */
async function personView(store: Store, personId: string) {
  const all = [-1e6, 1e6] as const;
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
  const days = await store.dayTotals(personId, ...all);
  return {
    days,
    // Their months summed: PostgreSQL reads month_totals, the embedded store adds up its days.
    months: (await store.periodTotalsOf([personId], ...all, [...new Set(days.map((d) => monthStartOf(d.day)))])).get(personId),
    segments: byId(await store.segmentsForPerson(personId, 0, Number.MAX_SAFE_INTEGER)),
    refused: byId(await store.refusedForPerson(personId, 0, Number.MAX_SAFE_INTEGER)),
    notes: (await store.countNotesByPerson({ personIds: [personId], fromMs: 0, toMs: Number.MAX_SAFE_INTEGER })).get(personId) ?? 0,
  };
}

/**
 * Copies the embedded store in `dataDir` into the empty database at `url` and checks the copy. Refuses
 * (CopyError, nothing written) a database that is not empty and a data folder a server is
 * using. The learning programme's records are copied too.
 */
export async function copyEmbeddedStore(input: { dataDir: string; url: string; timeZone: string; clock: () => number }): Promise<CopyReport> {
  const { dataDir, url, timeZone, clock } = input;
  const lock = await lockDataDir(dataDir);
  let state: StoreState;
  let expected: Record<string, number>;
  try {
    state = await readConsistentState(dataDir, timeZone);
    expected = countsOf(state);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await refuseUnlessEmpty(client, url);
      // The store's own start makes the schema (its migrations) and records the time zone.
      await (await openPostgresStore(url, { clock, timeZone })).close();
      await client.query('BEGIN');
      try {
        await refuseUnlessEmpty(client, url);
        await writeAll(client, state);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      const copied = await countRows(client, Object.keys(expected));
      const differ = Object.keys(expected).filter((k) => copied[k] !== expected[k]);
      if (differ.length > 0) throw new CopyError({ kind: 'counts-differ', counts: differ.map((k) => ({ kind: k, embedded: expected[k]!, postgres: copied[k]! })) });
    } finally {
      await client.end();
    }
  } finally {
    await lock.release();
  }

  // Each person read through both stores; the embedded one's lock keeps a server off the folder meanwhile.
  const embedded = await openLowdbStore(dataDir, { clock, timeZone });
  const postgres = await openPostgresStore(url, { clock, timeZone });
  try {
    const people = await embedded.listUsers();
    for (const person of people) {
      const [a, b] = [await personView(embedded, person.id), await personView(postgres, person.id)];
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new CopyError({ kind: 'person-differs', username: person.username, personId: person.id });
    }
    return { counts: expected, peopleChecked: people.length };
  } finally {
    await embedded.close();
    await postgres.close();
  }
}
