// Server figures (issue 3) for a year of study: the unit-year report for 1,000 people × 250 study
// days, the store's size on disk, the server's memory holding that year, and its cold start. The data
// set is generated here, into a temp folder, and deleted after. The server runs as a child process.
import http from 'node:http';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dateInZone, nextDate, startOfDate } from '../shared/time/zoned-days.ts';
import { JOURNAL_FILE_NAME } from '../server/store/journal.ts';
import { openLowdbStore, STORE_FILE_NAME } from '../server/store/lowdb-store.ts';
import { startServer } from './support/processes.ts';
import { addYear, seedOrganisation, TZ, writeStore } from './support/year-data.ts';

const PEOPLE = 1000;
const STUDY_DAYS = 250;
const REPORT_RUNS = 40;
const DAY_MS = 86_400_000;

function get(url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    http
      .get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - began) : reject(new Error(`GET ${url}: ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export default async function bench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-bench-year-'));
  try {
    const generated = performance.now();
    const { state, seeded } = await seedOrganisation(dir, PEOPLE, false);
    const segments = addYear(state, seeded, STUDY_DAYS);
    await writeStore(dir, state);
    const generatedMs = performance.now() - generated;
    const size = (await stat(path.join(dir, STORE_FILE_NAME))).size + (await stat(path.join(dir, JOURNAL_FILE_NAME))).size;

    // Opening the store alone (no process start, no transpiling): the store's share of a cold start.
    const opened = performance.now();
    const store = await openLowdbStore(dir, { clock: () => Date.now(), timeZone: TZ });
    const openMs = performance.now() - opened;
    await store.close();

    const server = await startServer({ STUDYTRAIL_DATA_DIR: dir, STUDYTRAIL_TZ: TZ });
    const to = dateInZone(Date.now(), TZ);
    let from = to;
    for (let i = 0; i < 365; i++) from = dateInZone(startOfDate(from, TZ) - DAY_MS / 2, TZ);
    if (nextDate(from) > to) throw new Error('range');
    const url = `${server.url}/api/units/${seeded.rootUnitId}/summary?from=${from}&to=${to}`;
    for (let i = 0; i < 5; i++) await get(url, seeded.adminToken);
    const times: number[] = [];
    for (let i = 0; i < REPORT_RUNS; i++) times.push(await get(url, seeded.adminToken));
    times.sort((a, b) => a - b);
    const rss = await server.rssBytes();
    await server.stop();

    console.log(`a year: ${PEOPLE} people × ${STUDY_DAYS} study days, ${segments} segments (generated in ${(generatedMs / 1000).toFixed(1)} s)`);
    console.log(`  unit-year report (${from}..${to}, ${PEOPLE} people): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms over ${REPORT_RUNS} runs (goal p95 ≤ 100 ms)`);
    console.log(`  store on disk: ${mb(size)} (goal ≤ 50 MB)`);
    console.log(`  server RSS holding the year: ${mb(rss)} (goal ≤ 300 MB)`);
    console.log(`  cold start to listening: ${(server.startMs / 1000).toFixed(2)} s, of which opening the store ${(openMs / 1000).toFixed(2)} s (goal ≤ 2 s)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
