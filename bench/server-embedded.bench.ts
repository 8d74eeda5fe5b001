// The embedded store's goals (issue 19), on a year of an office: 1,000 people × 250 study days written
// as a snapshot, served by the real server (its bundle, as `npm start` runs it) in a child process.
//
//   cold start       spawn to listening, on that data                                  goal ≤ 2 s
//   unit-year report p95 of the office's summary over the last 365 days (1,000 people) goal ≤ 100 ms
//   sync ack         p50/p99 at a fixed arrival rate of 200 requests/s of 10 segments,
//                    each acknowledged only once durable, for 30 s and on until the
//                    journal has been compacted once (its snapshot written beside the
//                    acks), and the worst ack while that compaction ran             goal p99 ≤ 50 ms
//   RSS              the server's resident memory, highest sampled over the whole run  goal ≤ 300 MB
//
// The load is open (bench/support/load.ts): request i is sent at start + i × 5 ms whether or not earlier
// ones were answered, and its time is counted from then.
import http from 'node:http';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dateInZone, startOfDate } from '../shared/time/zoned-days.ts';
import { JOURNAL_FILE_NAME, RETIRED_JOURNAL_FILE_NAME } from '../server/store/journal.ts';
import { openLowdbStore, STORE_FILE_NAME } from '../server/store/lowdb-store.ts';
import { startServer } from './support/processes.ts';
import { get, mb, msText, percentile, SEGMENTS_PER_SYNC, syncLoad } from './support/load.ts';
import { addYear, seedOrganisation, TZ, writeStore, type Seeded } from './support/year-data.ts';

const PEOPLE = 1000;
const STUDY_DAYS = 250;
const REPORT_RUNS = 40;
const SYNC_RATE = 200;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
/** The load goes on until a compaction has run (the journal reaches the snapshot's size, 50 MB: about 3 minutes at 200 syncs a second), but no longer than this. */
const MAX_LOAD_SECONDS = 400;
const DAY_MS = 86_400_000;

/** Writes the year into `dir`; the state it was built in is dropped on return, so this process's collector does not walk it during the load. */
async function writeYear(dir: string): Promise<{ seeded: Seeded; segments: number }> {
  const { state, seeded } = await seedOrganisation(dir, PEOPLE, true);
  const segments = addYear(state, seeded, STUDY_DAYS);
  await writeStore(dir, state);
  return { seeded, segments };
}

export default async function bench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-bench-embedded-'));
  try {
    const generated = performance.now();
    const { seeded, segments } = await writeYear(dir);
    const generatedMs = performance.now() - generated;
    const size = (await stat(path.join(dir, STORE_FILE_NAME))).size + (await stat(path.join(dir, JOURNAL_FILE_NAME))).size;
    console.log(`a year: ${PEOPLE} people × ${STUDY_DAYS} study days, ${segments} segments, ${mb(size)} on disk (generated in ${(generatedMs / 1000).toFixed(1)} s)`);

    // Opening the store alone (no process start, no module loading): the store's share of a cold start.
    const opened = performance.now();
    const store = await openLowdbStore(dir, { clock: () => Date.now(), timeZone: TZ });
    const openMs = performance.now() - opened;
    await store.close();

    const server = await startServer({ STUDYTRAIL_DATA_DIR: dir, STUDYTRAIL_TZ: TZ });
    // CPU time to listening: what the start costs whatever else the machine is doing.
    const startCpu = await server.cpuSeconds();
    let rssMax = await server.rssBytes();
    const sampler = setInterval(() => {
      void server.rssBytes().then(
        (rss) => (rssMax = Math.max(rssMax, rss)),
        () => undefined,
      );
    }, 200);
    try {
      console.log(`  cold start to listening: ${(server.startMs / 1000).toFixed(2)} s, of which opening the store ${(openMs / 1000).toFixed(2)} s; ${startCpu.toFixed(2)} s of CPU (goal ≤ 2 s)`);

      const agent = new http.Agent({ keepAlive: true });
      const to = dateInZone(Date.now(), TZ);
      const from = dateInZone(startOfDate(to, TZ) - 364 * DAY_MS, TZ);
      const url = `${server.url}/api/units/${seeded.rootUnitId}/summary?from=${from}&to=${to}`;
      for (let i = 0; i < 5; i++) await get(agent, url, seeded.adminToken);
      const reports: number[] = [];
      for (let i = 0; i < REPORT_RUNS; i++) reports.push(await get(agent, url, seeded.adminToken));
      reports.sort((a, b) => a - b);
      agent.destroy();
      const rssAfterReports = await server.rssBytes();
      console.log(`  unit-year report (${from}..${to}, ${PEOPLE} people): p50 ${msText(percentile(reports, 50))}, p95 ${msText(percentile(reports, 95))} over ${REPORT_RUNS} runs (goal p95 ≤ 100 ms); server RSS after them ${mb(rssAfterReports)}`);

      // A compaction runs while the retired journal exists (steps 2-4 in lowdb-store.ts): watched from here.
      const compactions: { from: number; to: number | null }[] = [];
      const retired = path.join(dir, RETIRED_JOURNAL_FILE_NAME);
      const watcher = setInterval(() => {
        const seenAt = performance.now();
        void stat(retired).then(
          () => {
            const last = compactions.at(-1);
            if (!last || last.to !== null) compactions.push({ from: seenAt, to: null });
          },
          () => {
            const open = compactions.at(-1);
            if (open && open.to === null) open.to = seenAt;
          },
        );
      }, 10);
      const cpuBefore = await server.cpuSeconds();
      const loadBegan = performance.now();
      const load = await syncLoad([server.url], seeded, SYNC_RATE, LOAD_SECONDS, { while: () => !compactions.some((c) => c.to !== null), maxSeconds: MAX_LOAD_SECONDS });
      const loadSeconds = (performance.now() - loadBegan) / 1000;
      clearInterval(watcher);
      const cpu = (await server.cpuSeconds()) - cpuBefore;
      const { times } = load;
      console.log(
        `  sync ack at ${SYNC_RATE} req/s of ${SEGMENTS_PER_SYNC} segments, durable, ${loadSeconds.toFixed(0)} s: p50 ${msText(percentile(times, 50))}, p99 ${msText(percentile(times, 99))}, ` +
          `max ${msText(times.at(-1)!)} over ${times.length} (${load.errors} not 200${load.errors === 0 ? '' : ` ${JSON.stringify(load.failures)}`}, ${load.late} sent late) (goal p99 ≤ 50 ms); server CPU ${((cpu / loadSeconds) * 100).toFixed(0)}% of a core`,
      );
      for (const c of compactions) {
        const to = c.to ?? performance.now();
        // Every sync in flight while the snapshot was written (due before it ended, answered after it began).
        const during = load.answered.filter((a) => a.dueAt < to && a.dueAt + a.ms > c.from).map((a) => a.ms).sort((a, b) => a - b);
        console.log(
          `  compaction under that load: ${((to - c.from) / 1000).toFixed(1)} s${c.to === null ? ' (still running)' : ''}; ${during.length} syncs meanwhile, ` +
            (during.length === 0 ? 'none answered' : `p99 ${msText(percentile(during, 99))}, worst ${msText(during.at(-1)!)}`),
        );
      }
      if (compactions.length === 0) console.log(`  no compaction ran within ${MAX_LOAD_SECONDS} s of load`);
      // How fast the journal grows decides how often a compaction (the snapshot made from memory) runs.
      const journalBytes = (await stat(path.join(dir, JOURNAL_FILE_NAME))).size;
      console.log(`  journal after the load: ${mb(journalBytes)}, ${(journalBytes / Math.max(1, times.length)).toFixed(0)} bytes a sync`);
    } finally {
      clearInterval(sampler);
      rssMax = Math.max(rssMax, await server.rssBytes());
      await server.stop();
    }
    // A server that falls behind the load holds every request still waiting: its memory then grows with the backlog, whatever the store.
    console.log(`  server RSS, highest sampled: ${mb(rssMax)} (goal ≤ 300 MB)`);

    // The same data after the load: the store closed with a snapshot holding the year and the syncs.
    const again = await startServer({ STUDYTRAIL_DATA_DIR: dir, STUDYTRAIL_TZ: TZ });
    const rssAgain = await again.rssBytes();
    const cpuAgain = await again.cpuSeconds();
    await again.stop();
    console.log(`  cold start after the load: ${(again.startMs / 1000).toFixed(2)} s (${cpuAgain.toFixed(2)} s of CPU), RSS at start ${mb(rssAgain)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
