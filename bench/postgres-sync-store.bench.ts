// PostgreSQL's CPU per Store.recordSync, the store alone (issue 19): no HTTP, no sign-in or rate limit,
// one sync at a time from this process on a throwaway cluster, so the figure moves with the store's
// statements and little else; postgres-sync-cpu measures whole requests, 16 at once. 200 people, syncs
// of 10 new segments ending in the last five days (as the other sync benches send), 2,000 to warm up,
// then BENCH_SYNC_REQUESTS (3,000 unless told) measured: the cluster's CPU (every backend and
// background process) and this process's (the store's Node side, and the loop's) divided by them.
//
//   npm run bench -- postgres-sync-store
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { openPostgresStore } from '../server/store/postgres/postgres-store.ts';
import type { SyncInput } from '../server/store/store-contract.ts';
import { startPostgresCluster } from '../test/support/postgres-cluster.ts';
import { SEGMENTS_PER_SYNC } from './support/load.ts';
import { random, TZ } from './support/year-data.ts';

const PEOPLE = 200;
const WARM_UP = 2000;
const REQUESTS = Number(process.env.BENCH_SYNC_REQUESTS ?? 3000);
const DAY_MS = 86_400_000;

export default async function bench(): Promise<void> {
  const cluster = await startPostgresCluster();
  try {
    const store = await openPostgresStore(cluster.url, { clock: () => Date.now(), timeZone: TZ });
    const rnd = random(3);
    const sync = (i: number): SyncInput => ({
      personId: `p${i % PEOPLE}`,
      deviceId: 'office-pc',
      refused: [],
      notes: [],
      accepted: Array.from({ length: SEGMENTS_PER_SYNC }, () => {
        const endMs = Date.now() - Math.floor(rnd() * 5 * DAY_MS);
        return { id: randomUUID(), resourceId: `res${Math.floor(rnd() * 8)}`, url: 'https://learn.example.org/r1/lesson-1', title: '课程', startMs: endMs - 300_000, endMs, mode: 'reading', policyVersion: 1 };
      }),
    });
    for (let i = 0; i < WARM_UP; i++) await store.recordSync(sync(i));
    const loadBefore = loadavg()[0]!;
    const [database, own, began] = [await cluster.cpuSeconds(), process.cpuUsage(), performance.now()];
    for (let i = 0; i < REQUESTS; i++) await store.recordSync(sync(i));
    const seconds = (performance.now() - began) / 1000;
    const databaseMs = ((await cluster.cpuSeconds()) - database) * 1000;
    const { user, system } = process.cpuUsage(own);
    await store.close();
    console.log(
      `  ${REQUESTS} syncs of ${SEGMENTS_PER_SYNC} new segments, one at a time: ${(REQUESTS / seconds).toFixed(0)} a second; CPU per sync: PostgreSQL ${(databaseMs / REQUESTS).toFixed(2)} ms, ` +
        `this process ${((user + system) / 1000 / REQUESTS).toFixed(2)} ms; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
    );
  } finally {
    await cluster.stop();
  }
}
