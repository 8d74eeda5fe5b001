// Server figure (issue 3): sync ingest with durable acks next to a bare Hono endpoint on the same
// adapter, in the same run. Both servers run as child processes (as `npm start` runs them); this process
// only drives the load, so the ratio is of what one machine serves, not of what the client can send.
//
// Two loads: 32 requests in flight (the figure earlier stops gave) and 128, enough to keep the server
// busy. Acks wait for an fsync, so at 32 a request spends most of its time waiting on the disk and the
// server idles meanwhile (about a sixth of the run): that load measures latency as much as capacity.
// Each StudyTrail run starts from its own copy of the same seeded store. The last line sets each
// server's best against the other's: the bare endpoint is bounded by this client, which does better at
// 32 than at 128, so 128 against 128 alone would flatter the ratio.
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runLoad } from './support/load.ts';
import { startScript, startServer, type BenchProcess } from './support/processes.ts';
import { random, seedOrganisation, TZ, writeStore } from './support/year-data.ts';

const INGEST_PEOPLE = 200;
const SEGMENTS_PER_SYNC = 10;
const LOAD_SECONDS = 8;
const CONCURRENCY_LEVELS = [32, 128];
const DAY_MS = 86_400_000;

export default async function bench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-bench-ingest-'));
  try {
    const { state, seeded } = await seedOrganisation(dir, INGEST_PEOPLE, true);
    await writeStore(dir, state);
    const rnd = random(11);
    const body = (i: number) => {
      const person = seeded.people[i % seeded.people.length]!;
      const now = Date.now();
      const segments = Array.from({ length: SEGMENTS_PER_SYNC }, () => {
        const res = seeded.resources[Math.floor(rnd() * seeded.resources.length)]!;
        const end = now - Math.floor(rnd() * 5 * DAY_MS);
        return {
          id: randomUUID(),
          resourceId: res.id,
          url: `${res.prefix}lesson-${Math.floor(rnd() * 20)}`,
          title: '课程',
          startedAt: new Date(end - 300_000).toISOString(),
          endedAt: new Date(end).toISOString(),
          mode: 'reading',
        };
      });
      return { json: JSON.stringify({ deviceId: 'bench', segments }), token: person.token };
    };

    const measure = async (start: () => Promise<BenchProcess>, concurrency: number) => {
      const server = await start();
      const cpuBefore = await server.cpuSeconds();
      const load = await runLoad({ url: server.url, path: '/api/sync', concurrency, durationMs: LOAD_SECONDS * 1000, body });
      const cpuMicros = ((await server.cpuSeconds()) - cpuBefore) * 1e6;
      await server.stop();
      return { ...load, cpuPerRequest: `${(cpuMicros / Math.max(1, load.requests)).toFixed(0)} µs CPU a request` };
    };
    const best = { real: 0, base: 0 };
    for (const concurrency of CONCURRENCY_LEVELS) {
      const copy = await mkdtemp(path.join(tmpdir(), 'studytrail-bench-ingest-run-'));
      await cp(dir, copy, { recursive: true });
      const real = await measure(() => startServer({ STUDYTRAIL_DATA_DIR: copy, STUDYTRAIL_TZ: TZ }), concurrency);
      await rm(copy, { recursive: true, force: true });
      const base = await measure(() => startScript('bench/support/bare-server.ts'), concurrency);

      console.log(`sync ingest (${SEGMENTS_PER_SYNC} segments a request, ${concurrency} in flight, ${LOAD_SECONDS} s, durable acks):`);
      console.log(`  StudyTrail /api/sync  ${real.perSecond.toFixed(0)} req/s, ${(real.perSecond * SEGMENTS_PER_SYNC).toFixed(0)} segments/s, ${real.cpuPerRequest} (${real.errors} non-2xx)`);
      console.log(`  bare Hono endpoint    ${base.perSecond.toFixed(0)} req/s, ${(base.perSecond * SEGMENTS_PER_SYNC).toFixed(0)} segments/s, ${base.cpuPerRequest} (${base.errors} non-2xx)`);
      console.log(`  ratio                 ${((real.perSecond / base.perSecond) * 100).toFixed(0)}% of bare Hono (goal ≥ 50%)`);
      best.real = Math.max(best.real, real.perSecond);
      best.base = Math.max(best.base, base.perSecond);
    }
    console.log(`sync ingest, each at its best load: ${best.real.toFixed(0)} against ${best.base.toFixed(0)} req/s = ${((best.real / best.base) * 100).toFixed(0)}% of bare Hono (goal ≥ 50%)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
