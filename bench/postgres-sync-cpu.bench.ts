// CPU per sync request on PostgreSQL (issue 19): one server process (the bundle, as `npm start` runs it)
// on a throwaway cluster, answering syncs of 10 new segments from devices that have synced before,
// sent by a closed loop (BENCH_SYNC_CONCURRENCY at once, 16 unless told) so the server is never
// flooded. Prints the server's CPU (Node) and the cluster's (PostgreSQL, every backend and background
// process) per request: on a machine shared with other work the rate says how busy the neighbours
// were; what a request costs is the figure to compare from run to run, and the one 1,000 requests a
// second are sized by (docs/postgresql-store.md). server-postgres measures the goal itself.
//
//   BENCH_SYNC_REQUESTS=3000 BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench -- postgres-sync-cpu
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { copyEmbeddedStore } from '../server/store/postgres/copy-embedded.ts';
import { startPostgresCluster } from '../test/support/postgres-cluster.ts';
import { buildServer, startBuiltServer } from './support/processes.ts';
import { SEGMENTS_PER_SYNC } from './support/load.ts';
import { random, seedOrganisation, TZ, writeStore } from './support/year-data.ts';

const PEOPLE = 200;
const REQUESTS = Number(process.env.BENCH_SYNC_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_SYNC_CONCURRENCY ?? 16);
/** Every person syncs once first (a device's first sync also writes the device onto its token), and the pools fill. */
const WARM_UP = 2 * PEOPLE;
const DAY_MS = 86_400_000;

export default async function bench(): Promise<void> {
  const cluster = await startPostgresCluster();
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-bench-sync-cpu-'));
  try {
    const { state, seeded } = await seedOrganisation(dir, PEOPLE, true, 2);
    await writeStore(dir, state);
    await copyEmbeddedStore({ dataDir: dir, url: cluster.url, timeZone: TZ, clock: () => Date.now() });
    buildServer();
    const server = await startBuiltServer({ STUDYTRAIL_DATABASE_URL: cluster.url, STUDYTRAIL_TZ: TZ });
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const target = new URL(server.url);
    const rnd = random(3);
    let sent = 0;
    const failures: string[] = [];
    const sync = () =>
      new Promise<void>((resolve) => {
        const person = seeded.people[sent++ % PEOPLE]!;
        const now = Date.now();
        const segments = Array.from({ length: SEGMENTS_PER_SYNC }, () => {
          const res = seeded.resources[Math.floor(rnd() * seeded.resources.length)]!;
          const end = now - Math.floor(rnd() * 5 * DAY_MS);
          return { id: randomUUID(), resourceId: res.id, url: `${res.prefix}lesson-${Math.floor(rnd() * 20)}`, title: '课程', startedAt: new Date(end - 300_000).toISOString(), endedAt: new Date(end).toISOString(), mode: 'reading' };
        });
        const json = JSON.stringify({ deviceId: 'office-pc', segments });
        const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), authorization: `Bearer ${person.token}` };
        const req = http.request({ agent, host: target.hostname, port: target.port, path: '/api/sync', method: 'POST', headers }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            if (res.statusCode !== 200 || !body.includes('"rejected":[]')) failures.push(`${res.statusCode} ${body.slice(0, 200)}`);
            resolve();
          });
        });
        req.on('error', (err) => {
          failures.push(err.message);
          resolve();
        });
        req.end(json);
      });
    const run = async (count: number) => {
      let left = count;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (left-- > 0) await sync();
        }),
      );
    };
    await run(WARM_UP);
    const loadBefore = loadavg()[0]!;
    const [node, database, began] = [await server.cpuSeconds(), await cluster.cpuSeconds(), performance.now()];
    await run(REQUESTS);
    const seconds = (performance.now() - began) / 1000;
    const nodeMs = ((await server.cpuSeconds()) - node) * 1000;
    const databaseMs = ((await cluster.cpuSeconds()) - database) * 1000;
    agent.destroy();
    await server.stop();
    console.log(
      `  ${REQUESTS} syncs of ${SEGMENTS_PER_SYNC} new segments, ${CONCURRENCY} at once (${failures.length} failed${failures.length === 0 ? '' : `: ${failures[0]}`}): ` +
        `${(REQUESTS / seconds).toFixed(0)} a second; CPU per request: server (Node) ${(nodeMs / REQUESTS).toFixed(2)} ms, PostgreSQL ${(databaseMs / REQUESTS).toFixed(2)} ms; ` +
        `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
    );
  } finally {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
