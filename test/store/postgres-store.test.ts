// What only the PostgreSQL engine has: its migrations, its start-up checks, and several server
// processes (here: several stores, each with its own pool) sharing one database.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { newToken } from '../../server/auth/tokens.ts';
import { openStore } from '../../server/store/open-store.ts';
import { resetDatabase } from '../../server/store/postgres/database.ts';
import { migrate, readMigrations, type Migration } from '../../server/store/postgres/migrate.ts';
import { openPostgresLimiter } from '../../server/store/postgres/postgres-limiter.ts';
import { openPostgresStore, redactDatabaseUrl } from '../../server/store/postgres/postgres-store.ts';
import { creditedByDayOf, periodTotalsFromDays } from '../../server/store/period-totals.ts';
import { userMatcher } from '../../server/store/user-query.ts';
import { StoreDatabaseError, type CheckedSegment, type RefusedSegment, type Store } from '../../server/store/store-contract.ts';
import { freshDatabase } from '../support/postgres-database.ts';

const TZ = 'Asia/Shanghai';
const clock = () => Date.parse('2026-03-06T10:00:00+08:00');
let url = '';
const opened: Store[] = [];
const pools: pg.Pool[] = [];

async function store(timeZone = TZ): Promise<Store> {
  const s = await openPostgresStore(url, { clock, timeZone });
  opened.push(s);
  return s;
}

function pool(): pg.Pool {
  const p = new pg.Pool({ connectionString: url });
  pools.push(p);
  return p;
}

const segment = (n: number): CheckedSegment => ({
  id: `0e3b6f0a-1111-4111-8111-${String(n).padStart(12, '0')}`,
  resourceId: 'res1',
  url: 'https://learn.example.org/a',
  title: 'A',
  startMs: Date.parse('2026-03-06T08:00:00+08:00') + n * 60_000,
  endMs: Date.parse('2026-03-06T08:00:30+08:00') + n * 60_000,
  mode: 'reading',
  policyVersion: 0,
});

/** A note of `person` as a device sends it, plus its author. */
const noteOf = (n: number, person: string) => ({
  id: `5b0c1e9a-0000-4000-8000-${String(n).padStart(12, '0')}`,
  url: null,
  canonicalUrl: null,
  title: `n${n}`,
  resourceId: null,
  selectors: [],
  quote: '',
  comment: '',
  tags: [],
  colour: 'yellow' as const,
  mustRead: null,
  createdAt: '2026-03-06T01:00:00.000Z',
  updatedAt: '2026-03-06T01:00:00.000Z',
  deletedAt: null,
  person,
});

beforeEach(async () => {
  url ||= await freshDatabase('postgres-store');
  await resetDatabase(url);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

describe('PostgreSQL store: migrations', () => {
  it('applies each migration once, even when two servers start on an empty database at the same moment', async () => {
    await Promise.all([store(), store(), store()]);
    const { rows } = await pool().query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual((await readMigrations()).map((m) => ({ version: m.version, name: m.name })));
    expect(rows[0]).toEqual({ version: 1, name: '001-core.sql' });
  });

  it('rolls back a migration that fails, keeping the ones before it, and says which', async () => {
    const migrations: Migration[] = [
      { version: 1, name: '001-a.sql', sql: 'CREATE TABLE a (x int)' },
      { version: 2, name: '002-b.sql', sql: 'CREATE TABLE b (x int); INSERT INTO b VALUES (1); SELECT no_such_function()' },
    ];
    const p = pool();
    await expect(migrate(p, migrations)).rejects.toThrow(/Migration 002-b\.sql failed and was rolled back: function no_such_function\(\) does not exist/);
    expect((await p.query('SELECT version FROM schema_migrations')).rows).toEqual([{ version: 1 }]);
    expect((await p.query("SELECT to_regclass('b') AS b")).rows).toEqual([{ b: null }]);
    // Fixed, it goes on from where it stopped.
    expect(await migrate(p, [migrations[0]!, { ...migrations[1]!, sql: 'CREATE TABLE b (x int)' }])).toEqual([2]);
  });

  it('refuses a database whose schema is newer than this StudyTrail', async () => {
    await (await store()).close();
    opened.length = 0;
    await pool().query("INSERT INTO schema_migrations (version, name) VALUES (999, '999-future.sql')");
    await expect(store()).rejects.toThrow(/STUDYTRAIL_DATABASE_URL: the database at .* cannot be used: The database's schema is version 999, newer than this StudyTrail knows/);
  });

  it('fills the monthly sums from the days kept before they existed (migration 095)', async () => {
    const first = await store();
    const day = (date: string, n: number): CheckedSegment => ({ ...segment(n), startMs: Date.parse(`${date}T09:00:00+08:00`), endMs: Date.parse(`${date}T09:00:00+08:00`) + n * 60_000 });
    await first.recordSync({ personId: 'p1', deviceId: 'd1', accepted: [day('2026-01-05', 1), day('2026-01-20', 2), day('2026-02-03', 3), day('2026-04-30', 4)], refused: [], notes: [] });
    await first.recordSync({ personId: 'p2', deviceId: 'd1', accepted: [day('2026-02-27', 5)], refused: [], notes: [] });
    const months = [dayNumber('2026-01-01'), dayNumber('2026-02-01'), dayNumber('2026-04-01')];
    const range = [dayNumber('2026-01-01'), dayNumber('2026-04-30')] as const;
    const kept = await first.periodTotalsOf(['p1', 'p2'], ...range, months);
    // A database from before migration 095 (and so before 097, which converts its sums): the days, and no monthly sums.
    await pool().query('DROP TABLE month_totals; DROP FUNCTION refresh_month_totals, month_start, month_end; DELETE FROM schema_migrations WHERE version IN (95, 97)');
    await first.close();
    const second = await store();
    expect(await second.periodTotalsOf(['p1', 'p2'], ...range, months)).toEqual(kept);
    expect(kept.get('p1')!.map((t) => [t.day, t.creditedSeconds])).toEqual([
      [months[0], 180],
      [months[1], 180],
      [months[2], 240],
    ]);
    for (const person of ['p1', 'p2']) {
      const days = await second.dayTotals(person, ...range);
      expect((await second.periodTotalsOf([person], ...range, months)).get(person)).toEqual(periodTotalsFromDays(person, days, ...range, months));
      expect(await second.creditedByDay([person], ...range)).toEqual(creditedByDayOf([days]));
    }
  });

  it("turns the monthly sums' resources kept as objects into [id, seconds, …] by id, and writes pairs from then on (migration 097)", async () => {
    const first = await store();
    const day = (date: string, n: number, resourceId: string): CheckedSegment => ({
      ...segment(n),
      resourceId,
      startMs: Date.parse(`${date}T09:00:00+08:00`),
      endMs: Date.parse(`${date}T09:00:00+08:00`) + n * 60_000,
    });
    await first.recordSync({ personId: 'p1', deviceId: 'd1', accepted: [day('2026-01-05', 1, 'res2'), day('2026-01-20', 2, 'res10'), day('2026-01-21', 3, 'res2')], refused: [], notes: [] });
    const months = [dayNumber('2026-01-01')];
    const range = [dayNumber('2026-01-01'), dayNumber('2026-01-31')] as const;
    const kept = await first.periodTotalsOf(['p1'], ...range, months);
    expect(kept.get('p1')!.map((t) => t.byResource)).toEqual([['res10', 120, 'res2', 240]]);
    // A database from before migration 097: the sums' resources as jsonb objects (095's function).
    await pool().query(`CREATE FUNCTION pg_temp.as_object(pairs json) RETURNS jsonb LANGUAGE sql RETURN (SELECT coalesce(jsonb_object_agg(r.k, r.n), '{}') FROM (
                          SELECT pairs->>(2 * i) AS k, (pairs->>(2 * i + 1))::bigint AS n FROM generate_series(0, json_array_length(pairs) / 2 - 1) AS i) r);
                        ALTER TABLE month_totals ALTER COLUMN by_resource TYPE jsonb USING pg_temp.as_object(by_resource);
                        DELETE FROM schema_migrations WHERE version = 97`);
    await first.close();
    const second = await store();
    expect(await second.periodTotalsOf(['p1'], ...range, months)).toEqual(kept);
    await second.recordSync({ personId: 'p1', deviceId: 'd1', accepted: [day('2026-01-22', 4, 'res1')], refused: [], notes: [] });
    const days = await second.dayTotals('p1', ...range);
    expect((await second.periodTotalsOf(['p1'], ...range, months)).get('p1')).toEqual(periodTotalsFromDays('p1', days, ...range, months));
    expect((await second.periodTotalsOf(['p1'], ...range, months)).get('p1')!.map((t) => t.byResource)).toEqual([['res1', 240, 'res10', 120, 'res2', 240]]);
  });

  it('refuses misnamed migration files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-migrations-'));
    try {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(path.join(dir, 'core.sql'), 'SELECT 1');
      await expect(readMigrations(dir)).rejects.toThrow('Migration file core.sql is not named NNN-name.sql');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL store: monthly sums kept by each sync', () => {
  /** Every month_totals row, in a fixed order. */
  const monthRows = async (p: pg.Pool) => (await p.query('SELECT * FROM month_totals ORDER BY person_id, month')).rows;

  // A sync works out its months' change from the days it replaces (month-rows.ts) instead of summing
  // the months again: here every kind of write a day sees, from two servers at once, and then the table
  // must be exactly what refresh_month_totals sums afresh from the days (migrations/095-month-totals.sql).
  it('keeps month_totals what summing the days afresh gives, through re-sent, late, overlapping and refused segments, notes, erasure and two servers', async () => {
    const [a, b] = [await store(), await store()];
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const people = ['p1', 'p2', 'p3'];
    const sent: CheckedSegment[] = [];
    let n = 0;
    const newSegment = (): CheckedSegment => {
      // Within three months around a month's end, up to 3 hours, some across midnight; two resources,
      // and two policy versions (their caps are the same default).
      const startMs = Date.parse('2026-01-20T00:00:00+08:00') + Math.floor(rnd() * 60 * 96) * 15 * 60_000;
      const segment: CheckedSegment = {
        id: `0e3b6f0a-3333-4111-8111-${String(++n).padStart(12, '0')}`,
        resourceId: rnd() < 0.5 ? 'res1' : 'res2',
        url: 'https://learn.example.org/a',
        title: 'A',
        startMs,
        endMs: startMs + (1 + Math.floor(rnd() * 180)) * 60_000,
        mode: 'reading',
        policyVersion: rnd() < 0.5 ? 0 : 1,
      };
      sent.push(segment);
      return segment;
    };
    for (let round = 0; round < 40; round++) {
      // Two servers at once, for two people or for the same one (then they wait on the person's lock).
      await Promise.all(
        [a, b].map((s, i) => {
          const personId = people[Math.floor(rnd() * people.length)]!;
          const accepted = Array.from({ length: 1 + Math.floor(rnd() * 6) }, newSegment);
          // Sometimes ids sent before again (by anyone: theirs are kept as they were, another's refused).
          if (rnd() < 0.3) accepted.push(sent[Math.floor(rnd() * sent.length)]!);
          // Refused seconds count on their days too (outside the allow-list), and change them.
          const refused: RefusedSegment[] = [];
          if (rnd() < 0.3) {
            const { id, startMs, endMs } = newSegment();
            refused.push({ id, reason: 'outside_allowlist', code: 'outside_allowlist', message: 'outside', contentHash: `h${id}`, startMs, endMs });
          }
          // A sync with notes writes the days in a message of their own.
          const { person: _, ...note } = noteOf(round * 2 + i, personId);
          const notes = rnd() < 0.2 ? [note] : [];
          return s.recordSync({ personId, deviceId: rnd() < 0.5 ? 'd1' : 'd2', accepted, refused, notes });
        }),
      );
      if (round === 25) {
        // Erased, then back under the same id: their months start anew.
        const user = await a.createUser({ username: 'p4', name: 'P4', role: 'staff', unitId: null, passwordHash: 'h' });
        await a.recordSync({ personId: user.id, deviceId: 'd1', accepted: [newSegment(), newSegment()], refused: [], notes: [] });
        await b.erasePerson(user.id, { actor: { id: 'admin', name: 'Admin' }, reason: null });
        await a.recordSync({ personId: user.id, deviceId: 'd1', accepted: [newSegment()], refused: [], notes: [] });
      }
    }
    const p = pool();
    const kept = await monthRows(p);
    expect(kept.length).toBeGreaterThan(6);
    await p.query(`SELECT refresh_month_totals(array_agg(person_id), -100000, 100000) FROM (SELECT person_id FROM day_totals UNION SELECT person_id FROM month_totals) x`);
    expect(kept).toEqual(await monthRows(p));
  });

  it('mends a month row left wrong by something else when a sync next changes that month, and does not fail the sync', async () => {
    const s = await store();
    const at = (iso: string, n: number): CheckedSegment => ({ ...segment(n), startMs: Date.parse(iso), endMs: Date.parse(iso) + 600_000 });
    await s.recordSync({ personId: 'p1', deviceId: 'd1', accepted: [at('2026-01-05T09:00:00+08:00', 1), at('2026-02-05T09:00:00+08:00', 2)], refused: [], notes: [] });
    const p = pool();
    // As a server from before the monthly sums would leave them: January's row gone, February's counting no day.
    await p.query("DELETE FROM month_totals WHERE person_id = 'p1' AND month = $1", [dayNumber('2026-01-01')]);
    await p.query("UPDATE month_totals SET days = 0, credited_seconds = 0 WHERE person_id = 'p1' AND month = $1", [dayNumber('2026-02-01')]);
    // The same days again, later in the day: both months are summed afresh from their days.
    await s.recordSync({ personId: 'p1', deviceId: 'd1', accepted: [at('2026-01-05T10:00:00+08:00', 3), at('2026-02-05T10:00:00+08:00', 4)], refused: [], notes: [] });
    const kept = await monthRows(p);
    expect(kept.map((r) => [r.month, r.days, Number(r.credited_seconds)])).toEqual([
      [dayNumber('2026-01-01'), 1, 1200],
      [dayNumber('2026-02-01'), 1, 1200],
    ]);
    await p.query("SELECT refresh_month_totals(ARRAY['p1'], -100000, 100000)");
    expect(kept).toEqual(await monthRows(p));
  });
});

describe('PostgreSQL store: start', () => {
  it('names the variable and hides the password when the database cannot be reached', async () => {
    const unreachable = 'postgres://studytrail:s3cret@127.0.0.1:1/studytrail';
    const refused = openPostgresStore(unreachable, { clock, timeZone: TZ });
    await expect(refused).rejects.toThrow(StoreDatabaseError);
    await expect(openPostgresStore(unreachable, { clock, timeZone: TZ })).rejects.toThrow(/^STUDYTRAIL_DATABASE_URL: cannot reach the database at postgres:\/\/studytrail:\*\*\*@127\.0\.0\.1:1\/studytrail: /);
    await expect(openPostgresStore(unreachable, { clock, timeZone: TZ })).rejects.not.toThrow(/s3cret/);
    expect(redactDatabaseUrl('postgres://st@db/st')).toBe('postgres://st@db/st');
  });

  it('refuses to count a database kept in another time zone', async () => {
    await (await store()).close();
    opened.length = 0;
    await expect(store('Europe/Berlin')).rejects.toThrow('STUDYTRAIL_DATABASE_URL: the database counts days in Asia/Shanghai, but STUDYTRAIL_TZ is Europe/Berlin: set STUDYTRAIL_TZ=Asia/Shanghai');
  });

  it('is chosen by a database URL in the configuration, and the embedded store without one', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'studytrail-open-'));
    try {
      const onPostgres = await openStore({ dataDir, databaseUrl: url, timeZone: TZ }, { clock });
      opened.push(onPostgres);
      await onPostgres.createUnit({ name: 'in the database', parentId: null });
      expect((await pool().query('SELECT name FROM units')).rows).toEqual([{ name: 'in the database' }]);
      const embedded = await openStore({ dataDir, databaseUrl: null, timeZone: TZ }, { clock });
      opened.push(embedded);
      expect(await embedded.listUnits()).toEqual([]);
    } finally {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL store: people kept before membership history', () => {
  it('finds them by their current unit when asked who belonged to units over a range, as userMatcher means it', async () => {
    const s = await store();
    const a = await s.createUnit({ name: 'A', parentId: null });
    const c = await s.createUnit({ name: 'C', parentId: null });
    for (const [username, unitId] of [['legacy', a.id], ['legacy-elsewhere', c.id], ['legacy-nowhere', null], ['kept', a.id]] as const) {
      await s.createUser({ username, name: username, role: 'staff', unitId, passwordHash: 'x', memberSince: '2026-01-01' });
    }
    // The embedded store's records of before history was kept reach PostgreSQL as they are (migrate-store).
    await pool().query(`UPDATE users SET memberships = '[]' WHERE username LIKE 'legacy%'`);
    for (const [unitIds, from, to] of [[[a.id], '2026-01-01', '2026-12-31'], [[a.id], '2025-01-01', '2025-12-31'], [[c.id], '2026-03-01', '2026-03-01'], [[], '2026-01-01', '2026-12-31']] as const) {
      const query = { belongedTo: { unitIds: [...unitIds], from, to } };
      const expected = (await s.listUsers()).filter(userMatcher(query));
      expect(await s.listUsers(query)).toEqual(expected);
    }
    expect((await s.listUsers({ belongedTo: { unitIds: [a.id], from: '2025-01-01', to: '2025-12-31' } })).map((u) => u.username)).toEqual(['legacy']);
  });
});

describe('PostgreSQL store: several server processes on one database', () => {
  it('shows a sync through one to the other, stores the same ids sent through both at once once, and counts the day once', async () => {
    const [a, b] = await Promise.all([store(), store()]);
    const batch = Array.from({ length: 20 }, (_, i) => segment(i));
    const results = await Promise.all(
      [a, b, a, b].map((s, i) => s.recordSync({ personId: 'p1', deviceId: `d${i}`, accepted: batch, refused: [], notes: [] })),
    );
    for (const r of results) expect([...r.segments.values()].every((v) => v.kind === 'accepted')).toBe(true);
    expect(await b.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(20);
    expect((await a.dayTotals('p1', 0, 99_999)).map((d) => d.creditedSeconds)).toEqual([600]);
  });

  it('numbers note changes made through two servers at once each with a number of its own, the highest being noteSeq', async () => {
    const [a, b] = await Promise.all([store(), store()]);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const { person, ...n } = noteOf(i, 'p1');
        return (i % 2 ? a : b).recordSync({ personId: person, deviceId: 'd', accepted: [], refused: [], notes: [n] });
      }),
    );
    const seqs = (await a.notesChangedSince('p1', 0, 100)).notes.map((n) => n.seq);
    expect(new Set(seqs).size).toBe(30);
    expect(await b.noteSeq()).toBe(seqs.at(-1));
  });

  it('keeps the last active admin when two servers demote two admins at once', async () => {
    const [a, b] = await Promise.all([store(), store()]);
    const first = await a.createUser({ username: 'a1', name: 'A1', role: 'admin', unitId: null, passwordHash: 'h' });
    const second = await a.createUser({ username: 'a2', name: 'A2', role: 'admin', unitId: null, passwordHash: 'h' });
    const audit = { actor: { id: 'x', name: 'x' }, reason: null };
    const outcomes = await Promise.allSettled([a.updateUser(first.id, { role: 'staff' }, audit), b.updateUser(second.id, { role: 'staff' }, audit)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await b.listUsers()).filter((u) => u.role === 'admin')).toHaveLength(1);
  });
});

describe('PostgreSQL store: the policy history kept by each server process', () => {
  /** An app on `s` and a device token of one person, for sending empty syncs (each reads the policy). */
  async function syncer(s: Store, user: { id: string }) {
    const { token, tokenHash } = newToken();
    await s.saveToken({ tokenHash, userId: user.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
    const app = createApp({ store: s, clock, config: { timeZone: TZ, trustProxy: false, publicUrl: null } });
    return async (): Promise<{ policyVersion: number; reads: number }> => {
      const spy = vi.spyOn(pg.Client.prototype, 'query');
      try {
        const res = await app.request('/api/sync', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ deviceId: 'laptop', segments: [] }),
        });
        expect(res.status).toBe(200);
        const reads = spy.mock.calls.filter(([q]) => /FROM policy_versions/.test(typeof q === 'string' ? q : (q as { text: string }).text)).length;
        return { policyVersion: ((await res.json()) as { policyVersion: number }).policyVersion, reads };
      } finally {
        spy.mockRestore();
      }
    };
  }

  /** Syncs through `sync` until its answer names `version` (each try is that server's next sync). */
  async function syncUntilVersion(sync: () => Promise<{ policyVersion: number }>, version: number): Promise<void> {
    await vi.waitFor(async () => expect((await sync()).policyVersion).toBe(version), { timeout: 10_000, interval: 20 });
  }

  // This file's database only: the other test files' stores listen in the same cluster.
  /**
   * Syncs until one reads no policy: the history is kept. (Not at once: a notification of a change made
   * just before may still arrive and drop what a sync has just read.)
   */
  async function syncUntilKept(sync: () => Promise<{ policyVersion: number; reads: number }>, version: number): Promise<void> {
    await vi.waitFor(async () => expect(await sync()).toEqual({ policyVersion: version, reads: 0 }), { timeout: 10_000, interval: 20 });
  }

  const listeners = () =>
    pool().query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN studytrail_policy' AND pid <> pg_backend_pid()");

  it("reads it once, and a change through another server is in that server's next syncs without a restart", async () => {
    const [a, b] = await Promise.all([store(), store()]);
    const user = await a.createUser({ username: 'li', name: 'Li', role: 'staff', unitId: null, passwordHash: 'h' });
    const resource = await a.createResource({ name: 'R', category: 'other', kind: 'reading', patterns: ['https://learn.example.org/*'] });
    const sync = await syncer(b, user);
    expect(await sync()).toEqual({ policyVersion: 1, reads: 1 });
    await syncUntilKept(sync, 1);

    await a.updateResource(resource.id, { patterns: ['https://learn.example.org/course/*'] }, { actor: { id: 'x', name: 'x' }, reason: null });
    await syncUntilVersion(sync, 2);
    expect((await b.policyHistory()).map((p) => p.version)).toEqual([0, 1, 2]);
    await syncUntilKept(sync, 2);
    // A settings change that makes a version is heard too; the server that made it needs no notification.
    await b.updateSettings({ ...(await b.getSettings()), dailyCapSeconds: 3600 }, { actor: { id: 'x', name: 'x' }, reason: null });
    expect(await sync()).toEqual({ policyVersion: 3, reads: 1 });
    await syncUntilVersion(await syncer(a, user), 3);
    expect((await a.getPolicy()).version).toBe(3);
  });

  it('reads it at every sync while its listening connection is down, and keeps it again once listening again', async () => {
    const [a, b] = await Promise.all([store(), store()]);
    const user = await a.createUser({ username: 'li', name: 'Li', role: 'staff', unitId: null, passwordHash: 'h' });
    const resource = await a.createResource({ name: 'R', category: 'other', kind: 'reading', patterns: ['https://learn.example.org/*'] });
    const sync = await syncer(b, user);
    await syncUntilKept(sync, 1);
    const before = (await listeners()).rows.map((r) => r.pid);
    // Both stores' (a store closed by an earlier test may still be leaving).
    expect(before.length).toBeGreaterThanOrEqual(2);

    // Both processes' listening connections cut (as a database restart or a proxy would), and a change made at once.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await pool().query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
      await a.updateResource(resource.id, { patterns: ['https://learn.example.org/course/*'] }, { actor: { id: 'x', name: 'x' }, reason: null });
      await syncUntilVersion(sync, 2);
      // Listening again (new connections), the kept history is current again: changes are heard, not read at every sync.
      await vi.waitFor(async () => expect((await listeners()).rows.filter((r) => !before.includes(r.pid))).toHaveLength(2), { timeout: 10_000, interval: 50 });
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/lost the connection that hears policy changes/), expect.anything());
    } finally {
      errors.mockRestore();
    }
    await syncUntilKept(sync, 2);
    await a.updateResource(resource.id, { active: false }, { actor: { id: 'x', name: 'x' }, reason: null });
    await syncUntilVersion(sync, 3);
  });
});

describe('PostgreSQL store: the note cursor of a sync', () => {
  // A device's cursor must never pass a note change that is numbered but not yet committed: nextval
  // hands numbers out at once, the change becomes visible only at its COMMIT, and a device that was told
  // "you have everything up to n" never asks for n again. The window is after the device's own sync
  // transaction (which holds the person's lock) and before the response reads its cursor: a leader's
  // review through another server process can number a change of that person's note right then.
  it('does not give a device a cursor past a review another server has numbered but not committed', async () => {
    const [a, b] = await Promise.all([store(), store()]);
    const user = await a.createUser({ username: 'li', name: 'Li', role: 'staff', unitId: null, passwordHash: 'h' });
    const { token, tokenHash } = newToken();
    await a.saveToken({ tokenHash, userId: user.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
    const app = createApp({ store: a, clock, config: { timeZone: TZ, trustProxy: false, publicUrl: null } });
    const sync = async (body: object) => {
      const res = await app.request('/api/sync', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ deviceId: 'laptop', segments: [], ...body }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { cursor: string; notes: { note: { id: string }; review: unknown }[] };
    };
    const { person, ...note } = noteOf(1, user.id);
    const start = await sync({ notes: [note], cursor: null });
    expect(start.notes.map((n) => n.review)).toEqual([null]);

    // Two gates in the queries every pool sends (their clients are pg.Client): the laptop's next sync is
    // held just after its own transaction commits, and the review's transaction just before its COMMIT.
    const gate = () => {
      let open!: () => void;
      let reached!: () => void;
      const opened = new Promise<void>((r) => (open = r));
      const hit = new Promise<void>((r) => (reached = r));
      return { opened, hit, open, reached };
    };
    const afterSync = gate();
    const beforeReviewCommit = gate();
    let phase: 'laptop sync' | 'laptop after commit' | 'review' | 'off' = 'laptop sync';
    const query = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : '';
      const go = () => (query as (...a: unknown[]) => unknown).apply(this, args);
      if (phase === 'laptop sync' && text === 'COMMIT') phase = 'laptop after commit';
      else if (phase === 'laptop after commit') {
        phase = 'review';
        afterSync.reached();
        return afterSync.opened.then(go);
      } else if (phase === 'review' && text === 'COMMIT') {
        phase = 'off';
        beforeReviewCommit.reached();
        return beforeReviewCommit.opened.then(go);
      }
      return go();
    } as typeof query);
    try {
      const next = sync({ cursor: start.cursor });
      await afterSync.hit;
      const review = b.setNoteReview(note.id, { reviewerId: 'l', reviewerName: 'L', reviewedAt: '2026-03-06T03:00:00.000Z', comment: '好' }, { actor: { id: 'l', name: 'L' }, reason: null });
      await beforeReviewCommit.hit;
      // The review is numbered and uncommitted. The laptop's response either completes now (and must not
      // carry a cursor past the review) or waits for the review's transaction, which shows in pg_locks.
      afterSync.open();
      let answered = false;
      void next.then(() => (answered = true), () => (answered = true));
      const watcher = pool();
      while (!answered && (await watcher.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rowCount === 0) {
        await new Promise((r) => setTimeout(r, 5));
      }
      beforeReviewCommit.open();
      await review;
      const first = await next;
      const second = await sync({ cursor: first.cursor });
      // The review reaches the laptop in one of its next two syncs.
      expect([...first.notes, ...second.notes].map((n) => n.review)).toContainEqual(expect.objectContaining({ comment: '好' }));
    } finally {
      afterSync.open();
      beforeReviewCommit.open();
      spy.mockRestore();
    }
  });
});

describe('PostgreSQL store: round trips', () => {
  /** The SQL of every query the store and limiter send while `work` runs (their pools' clients are pg.Client). */
  async function queriesDuring(work: () => Promise<unknown>): Promise<string[]> {
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    try {
      await work();
      return spy.mock.calls.map(([q]) => (typeof q === 'string' ? q : (q as { text: string }).text).trim().split(/\s+/).slice(0, 2).join(' '));
    } finally {
      spy.mockRestore();
    }
  }

  // Counted, not timed: each query is a wait on the database, and these are the numbers the bench's
  // throughput was raised by (docs/postgresql-store.md, Measured). More is a regression; fewer, update.
  it('stores a sync of new segments in three queries, and one sent again in six', async () => {
    const s = await store();
    const batch = Array.from({ length: 10 }, (_, i) => segment(i));
    const sync = () => s.recordSync({ personId: 'p1', deviceId: 'd1', accepted: batch, refused: [], notes: [] });
    expect(await queriesDuring(sync)).toEqual(['BEGIN; SELECT', 'WITH claimed', 'INSERT INTO']);
    // Sent again: the claims find them taken, so whose they are and what was kept is read.
    expect(await queriesDuring(sync)).toEqual(['BEGIN; SELECT', 'WITH claimed', 'SELECT id,', 'SELECT id,', 'SELECT id,', 'COMMIT']);
    expect((await s.dayTotals('p1', 0, 99_999)).map((d) => d.rawSeconds)).toEqual([300]);
  });

  it("reads a sync response's note cursor in one query, its wait for the writer in flight included", async () => {
    const s = await store();
    expect(await queriesDuring(() => s.noteSeq())).toEqual(['SELECT pg_advisory_xact_lock_shared(3,']);
  });

  it('answers a sync request of 10 segments in five queries, sign-in and rate limit included', async () => {
    const s = await store();
    const limiter = openPostgresLimiter(url);
    try {
      const resource = await s.createResource({ name: 'R', category: 'other', kind: 'reading', patterns: ['https://learn.example.org/*'] });
      const user = await s.createUser({ username: 'li', name: 'Li', role: 'staff', unitId: null, passwordHash: 'h' });
      const { token, tokenHash } = newToken();
      await s.saveToken({ tokenHash, userId: user.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
      const app = createApp({ store: s, clock, config: { timeZone: TZ, trustProxy: false, publicUrl: null }, limiter: limiter.factory });
      let sent = 0;
      const request = async () => {
        const segments = Array.from({ length: 10 }, () => {
          const endMs = clock() - 3600_000 + sent++ * 60_000;
          return { id: randomUUID(), resourceId: resource.id, url: 'https://learn.example.org/a', title: 'A', startedAt: new Date(endMs - 30_000).toISOString(), endedAt: new Date(endMs).toISOString(), mode: 'reading' };
        });
        const res = await app.request('/api/sync', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ deviceId: 'office-pc', segments }),
        });
        expect(await res.json()).toMatchObject({ rejected: [] });
      };
      // The first sync from a device also writes the device onto its token.
      await request();
      // The policy history is not among them: it is kept between requests (policy-cache.ts). Asked until
      // so, as the resource's notification may still arrive and drop the history a request has just read.
      await vi.waitFor(async () => expect(await queriesDuring(request)).toEqual(['SELECT t.id,', 'INSERT INTO', 'BEGIN; SELECT', 'WITH claimed', 'INSERT INTO']), {
        timeout: 10_000,
        interval: 20,
      });
    } finally {
      await limiter.close();
    }
  });
});
