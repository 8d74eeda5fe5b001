// The PostgreSQL store's goals (issue 19), on a throwaway cluster (test/support/postgres-cluster.ts)
// holding BENCH_PG_PEOPLE people (20,000 unless told) × 250 study days, one sitting a day, in committees
// of 1,000, served by two real server processes (the bundle, as `npm start` runs it) on that database.
//
//   cold start         spawn to listening, on that data                                  goal ≤ 1 s
//   unit-year report   p95 of a 1,000-person committee's summary over the last 365 days  goal ≤ 200 ms
//   organisation year  GET /api/annual-records for the whole organisation                goal ≤ 3 s
//   sync ack           p50/p99 at a fixed arrival rate (BENCH_PG_RATE, 1,000 unless told) of requests
//                      of 10 segments, spread over both processes, for BENCH_LOAD_SECONDS   goal p99 ≤ 100 ms
//
// The fill: the organisation and 10 template people's year go in through migrate-store's copy (so every
// row, day totals included, is what the engine writes), then every other person gets a template's
// segments, day totals and monthly sums under their own id and fresh segment ids, in one INSERT … SELECT
// per chunk.
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dateInZone, startOfDate } from '../shared/time/zoned-days.ts';
import { createApp } from '../server/app.ts';
import { copyEmbeddedStore } from '../server/store/postgres/copy-embedded.ts';
import { openPostgresStore } from '../server/store/postgres/postgres-store.ts';
import { countingStore, sqlStatementsDuring } from '../test/support/counting-store.ts';
import { startPostgresCluster } from '../test/support/postgres-cluster.ts';
import { buildServer, startBuiltServer, type BenchProcess } from './support/processes.ts';
import { get, msText, percentile, SEGMENTS_PER_SYNC, syncLoad } from './support/load.ts';
import { addYear, seedOrganisation, TZ, writeStore } from './support/year-data.ts';

const PEOPLE = Number(process.env.BENCH_PG_PEOPLE ?? 20_000);
const SYNC_RATE = Number(process.env.BENCH_PG_RATE ?? 1000);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const STUDY_DAYS = 250;
const UNIT_SIZE = 1000;
/** People whose year is generated in full; everyone else copies one of them (a multiple of the committees' count keeps each copy in its template's committee's pattern). */
const TEMPLATES = 10;
const CHUNK = 1000;
const REPORT_RUNS = 40;
const DAY_MS = 86_400_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Where a report's time goes: each path answered once by an app in this process on the same database,
 * with its store calls counted and timed by method (calls made together overlap), and its SQL statements.
 */
async function profile(url: string, token: string, paths: Record<string, string>): Promise<void> {
  const store = await openPostgresStore(url, { clock: () => Date.now(), timeZone: TZ });
  const stats = new pg.Client({ connectionString: url });
  await stats.connect();
  // Rows each table gave up (sequential reads plus rows fetched by index), from PostgreSQL's counters;
  // a backend sends them within 10 s of going idle (PostgreSQL 15), hence the wait.
  const rowsRead = async () => {
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    await stats.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await stats.query<{ relname: string; n: string }>('SELECT relname, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS n FROM pg_stat_user_tables');
    return new Map(rows.map((r) => [r.relname, Number(r.n)]));
  };
  try {
    const { wrap, calls } = countingStore();
    const app = createApp({ store: wrap(store), clock: () => Date.now(), config: { timeZone: TZ, trustProxy: false, publicUrl: null } });
    for (const [name, path] of Object.entries(paths)) {
      calls.reset();
      const readBefore = await rowsRead();
      let status = 0;
      const began = performance.now();
      const statements = await sqlStatementsDuring(async () => {
        status = (await app.request(path, { headers: { authorization: `Bearer ${token}` } })).status;
      });
      const took = performance.now() - began;
      const byMethod = [...calls.counts].sort((a, b) => (calls.ms.get(b[0]) ?? 0) - (calls.ms.get(a[0]) ?? 0));
      console.log(`  profile, ${name} (in this process, ${status}): ${msText(took)}, ${calls.total()} store calls, ${statements} SQL statements`);
      console.log(`    ${byMethod.map(([m, n]) => `${m} ×${n} ${(calls.ms.get(m) ?? 0).toFixed(0)} ms`).join('; ')}`);
      const readAfter = await rowsRead();
      const read = [...readAfter].map(([table, n]) => [table, n - (readBefore.get(table) ?? 0)] as const).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
      console.log(`    rows read: ${read.map(([table, n]) => `${table} ${n}`).join('; ')}`);
    }
  } finally {
    await stats.end();
    await store.close();
  }
}

/** Every person past the templates gets template (n mod TEMPLATES)'s rows, `CHUNK` people a statement. */
async function copyTemplates(client: pg.Client): Promise<void> {
  const template = `'p' || lpad((substr(u.id, 2)::int % ${TEMPLATES})::text, 4, '0')`;
  const chunk = `u.role = 'staff' AND substr(u.id, 2)::int >= greatest($1::int, ${TEMPLATES}) AND substr(u.id, 2)::int < $2::int`;
  for (let from = 0; from < PEOPLE; from += CHUNK) {
    const range = [from, from + CHUNK];
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO segments (person_id, id, device_id, resource_id, url, title, start_ms, end_ms, mode, policy_version, received_ms)
       SELECT u.id, gen_random_uuid()::text, t.device_id, t.resource_id, t.url, t.title, t.start_ms, t.end_ms, t.mode, t.policy_version, t.received_ms
         FROM users u JOIN segments t ON t.person_id = ${template} WHERE ${chunk}`,
      range,
    );
    await client.query(`INSERT INTO segment_ids (id, person_id) SELECT s.id, s.person_id FROM segments s JOIN users u ON u.id = s.person_id WHERE ${chunk}`, range);
    await client.query(
      `INSERT INTO day_totals (person_id, day, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds, outside_allowlist_seconds, invalid_seconds, by_resource)
       SELECT u.id, t.day, t.raw_seconds, t.credited_seconds, t.overlap_seconds, t.daily_cap_seconds, t.outside_allowlist_seconds, t.invalid_seconds, t.by_resource
         FROM users u JOIN day_totals t ON t.person_id = ${template} WHERE ${chunk}`,
      range,
    );
    await client.query(
      `INSERT INTO month_totals (person_id, month, days, raw_seconds, credited_seconds, overlap_seconds, daily_cap_seconds, outside_allowlist_seconds, invalid_seconds, by_resource, daily_credited)
       SELECT u.id, t.month, t.days, t.raw_seconds, t.credited_seconds, t.overlap_seconds, t.daily_cap_seconds, t.outside_allowlist_seconds, t.invalid_seconds, t.by_resource, t.daily_credited
         FROM users u JOIN month_totals t ON t.person_id = ${template} WHERE ${chunk}`,
      range,
    );
    await client.query('COMMIT');
  }
  await client.query('ANALYZE');
  // As docs/deployment.md advises for a database on SSD: with the default (4) the planner read a batch
  // of 2,000 people's monthly sums by scanning the whole table (docs/postgresql-store.md#monthly-sums).
  await client.query(`ALTER DATABASE ${client.escapeIdentifier(client.database!)} SET random_page_cost = 1.1`);
}

export default async function bench(): Promise<void> {
  const cluster = await startPostgresCluster();
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-bench-pg-'));
  const servers: BenchProcess[] = [];
  try {
    const filled = performance.now();
    const units = Math.max(1, Math.round(PEOPLE / UNIT_SIZE));
    const { state, seeded } = await seedOrganisation(dir, PEOPLE, true, units);
    addYear(state, { ...seeded, people: seeded.people.slice(0, TEMPLATES) }, STUDY_DAYS, 1);
    await writeStore(dir, state);
    await copyEmbeddedStore({ dataDir: dir, url: cluster.url, timeZone: TZ, clock: () => Date.now() });
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    await copyTemplates(client);
    const count = async (table: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    const segments = await count('segments');
    const days = await count('day_totals');
    const months = await count('month_totals');
    const { size } = (await client.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size')).rows[0]!;
    await client.end();
    console.log(
      `${PEOPLE} people × ${STUDY_DAYS} study days in ${units} committees: ${segments} segments, ${days} day totals, ${months} monthly sums, ${size} in PostgreSQL (filled in ${seconds(performance.now() - filled)})`,
    );

    buildServer();
    const env = { STUDYTRAIL_DATABASE_URL: cluster.url, STUDYTRAIL_TZ: TZ };
    for (let i = 0; i < 2; i++) servers.push(await startBuiltServer(env));
    console.log(`  cold start to listening: ${servers.map((s) => seconds(s.startMs)).join(', ')}; ${(await servers[0]!.cpuSeconds()).toFixed(2)} s of CPU (goal ≤ 1 s)`);

    const agent = new http.Agent({ keepAlive: true });
    const to = dateInZone(Date.now(), TZ);
    const from = dateInZone(startOfDate(to, TZ) - 364 * DAY_MS, TZ);
    const unitUrl = `${servers[0]!.url}/api/units/unit0/summary?from=${from}&to=${to}`;
    for (let i = 0; i < 5; i++) await get(agent, unitUrl, seeded.adminToken);
    const reports: number[] = [];
    for (let i = 0; i < REPORT_RUNS; i++) reports.push(await get(agent, unitUrl, seeded.adminToken));
    reports.sort((a, b) => a - b);
    const unitPeople = Math.ceil(PEOPLE / units);
    console.log(`  unit-year report (${from}..${to}, ${unitPeople} people): p50 ${msText(percentile(reports, 50))}, p95 ${msText(percentile(reports, 95))} over ${REPORT_RUNS} runs (goal p95 ≤ 200 ms)`);

    const year = to.slice(0, 4);
    const annualUrl = `${servers[0]!.url}/api/annual-records?year=${year}`;
    const annual: number[] = [];
    for (let i = 0; i < 2; i++) annual.push(await get(agent, annualUrl, seeded.adminToken));
    agent.destroy();
    console.log(`  organisation annual summary (GET /api/annual-records?year=${year}, ${PEOPLE} people): first ${msText(annual[0]!)}, then ${annual.slice(1).map((t) => t.toFixed(0)).join(', ')} ms (goal ≤ 3 s)`);

    await profile(cluster.url, seeded.adminToken, {
      [`unit-year report (${unitPeople} people)`]: `/api/units/unit0/summary?from=${from}&to=${to}`,
      [`annual summary (${PEOPLE} people)`]: `/api/annual-records?year=${year}`,
    });

    const cpuBefore = await Promise.all(servers.map((s) => s.cpuSeconds()));
    const databaseCpuBefore = await cluster.cpuSeconds();
    const loadAverageBefore = loadavg()[0]!;
    const loadBegan = performance.now();
    const load = await syncLoad(
      servers.map((s) => s.url),
      seeded,
      SYNC_RATE,
      LOAD_SECONDS,
    );
    // Over the whole run, the backlog's draining after the last send included.
    const loadSeconds = (performance.now() - loadBegan) / 1000;
    const serverCpu = (await Promise.all(servers.map((s) => s.cpuSeconds()))).map((c, i) => c - cpuBefore[i]!);
    const databaseCpu = (await cluster.cpuSeconds()) - databaseCpuBefore;
    const cpu = serverCpu.map((c) => (c / loadSeconds) * 100);
    const { times } = load;
    // Per request rather than per second: on a shared machine the rate says how busy the neighbours were,
    // the CPU a request costs does not (much). Requests not answered 200 are counted too: they cost CPU.
    const requests = times.length + load.errors;
    const perRequest = (seconds: number) => `${((seconds * 1000) / requests).toFixed(2)} ms`;
    console.log(
      `  sync ack at ${SYNC_RATE} req/s of ${SEGMENTS_PER_SYNC} segments over 2 processes, ${LOAD_SECONDS} s: achieved ${load.achievedRate.toFixed(0)} req/s, p50 ${msText(percentile(times, 50))}, ` +
        `p99 ${msText(percentile(times, 99))}, max ${msText(times.at(-1)!)} over ${times.length} (${load.errors} not 200${load.errors === 0 ? '' : ` ${JSON.stringify(load.failures)}`}, ${load.late} sent late) (goal p99 ≤ 100 ms); ` +
        `server CPU over ${loadSeconds.toFixed(0)} s ${cpu.map((c) => `${c.toFixed(0)}%`).join(' + ')} of a core`,
    );
    console.log(
      `  CPU per sync request: servers (Node) ${perRequest(serverCpu.reduce((a, b) => a + b, 0))}, PostgreSQL ${perRequest(databaseCpu)} (over ${requests} requests); load average ${loadAverageBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
    );
    await Promise.all(servers.splice(0).map((s) => s.stop()));

    const again = await startBuiltServer(env);
    await again.stop();
    console.log(`  cold start after the load: ${seconds(again.startMs)}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
