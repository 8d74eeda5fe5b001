// Dashboard figures: the gzip size of what the browser loads for the first view (and of the Excel
// chunk loaded on export), and the time to first render of a year's overview of a 200-person unit in
// Chromium, with a year of realistic study seeded through the store; the page is then served by the
// server process itself (server/main.ts, as `npm start` runs it) on that store.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { hashPassword } from '../server/auth/password.ts';
import type { CheckedSegment } from '../server/store/store-contract.ts';
import { openLowdbStore } from '../server/store/lowdb-store.ts';
import { startServerProcess } from '../test/support/server-process.ts';

const OUT = resolve('.output/dashboard');
const PEOPLE = 200;
const YEAR = 2026;
const RUNS = 5;

/** Deterministic pseudo-random numbers, so every run seeds the same year. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function bundleFigures(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--config', 'server/dashboard/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });
  const html = await readFile(join(OUT, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const gz = async (file: string) => gzipSync(await readFile(join(OUT, file)), { level: 9 }).length;
  let initialBytes = gzipSync(html).length;
  for (const file of initial) initialBytes += await gz(file);
  const lazy = (await readdir(join(OUT, 'assets'))).filter((f) => !initial.includes(`assets/${f}`));
  let lazyBytes = 0;
  for (const file of lazy) lazyBytes += await gz(`assets/${file}`);
  console.log(`bundle, first view (html + js + css, gzip): ${(initialBytes / 1024).toFixed(1)} KiB`);
  console.log(`bundle, loaded on export (exceljs, gzip):   ${(lazyBytes / 1024).toFixed(1)} KiB`);
}

export default async function dashboardBench(): Promise<void> {
  await bundleFigures();

  const dataDir = await mkdtemp(join(tmpdir(), 'studytrail-bench-dash-'));
  try {
    const store = await openLowdbStore(dataDir, { clock: () => Date.parse(`${YEAR}-12-31T20:00:00+08:00`), timeZone: 'Asia/Shanghai' });
    const office = await store.createUnit({ name: '机关 Office', parentId: null });
    const units = await Promise.all(['研究室', '文化室', '经济委', '法制委', '科技委', '办公室'].map((name) => store.createUnit({ name, parentId: office.id })));
    const passwordHash = await hashPassword('bench-password-1');
    await store.createUser({ username: 'bench.leader', name: '领导', role: 'leader', unitId: office.id, passwordHash });
    const resources = await Promise.all(
      (['political-theory', 'cppcc-theory', 'professional', 'other'] as const).map((category, i) =>
        store.createResource({ name: `资源 ${i}`, category, kind: i === 2 ? 'video' : 'reading', patterns: [`https://r${i}.example.org/*`] }),
      ),
    );

    const random = mulberry32(42);
    let segmentCount = 0;
    const writes: Promise<unknown>[] = [];
    const { version: policyVersion } = await store.getPolicy();
    for (let p = 0; p < PEOPLE; p++) {
      const person = await store.createUser({ username: `p${p}`, name: `学员${String(p).padStart(3, '0')}`, role: 'staff', unitId: units[p % units.length]!.id, passwordHash });
      const diligence = 0.2 + random() * 0.8;
      const segments: CheckedSegment[] = [];
      for (let day = new Date(Date.UTC(YEAR, 0, 1)); day.getUTCFullYear() === YEAR; day.setUTCDate(day.getUTCDate() + 1)) {
        const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
        if (random() > (weekend ? 0.05 : diligence)) continue;
        const sessions = 1 + Math.floor(random() * 3);
        for (let s = 0; s < sessions; s++) {
          // Office hours in Asia/Shanghai (UTC+8): 08:30 to 17:30, 10 to 70 minutes each.
          const startMs = day.getTime() + (0.5 + random() * 9) * 3600_000;
          const resource = resources[Math.floor(random() * resources.length)]!;
          segments.push({
            id: randomUUID(),
            resourceId: resource.id,
            url: `${resource.patterns[0]!.replace('*', `article/${Math.floor(random() * 500)}`)}`,
            title: `学习文章 ${Math.floor(random() * 500)}`,
            startMs: Math.round(startMs),
            endMs: Math.round(startMs + (10 + random() * 60) * 60_000),
            mode: resource.kind === 'video' ? 'media' : 'reading',
            policyVersion,
          });
        }
      }
      segmentCount += segments.length;
      writes.push(store.recordSync({ personId: person.id, deviceId: `device-${p}`, accepted: segments, refused: [], notes: [] }));
    }
    await Promise.all(writes);
    await store.close();
    console.log(`seeded: ${PEOPLE} people in ${units.length} units, ${segmentCount} segments over ${YEAR}`);

    const server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: 'bench-admin-password', STUDYTRAIL_TZ: 'Asia/Shanghai' } });
    try {
      await measureOverview(server.url, office.id);
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Signs the leader in, then opens the year's overview RUNS times and prints the render times. */
async function measureOverview(baseUrl: string, unitId: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Records the moment the people table (the last part of the overview) appears.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('#people table') !== null || document.querySelector('.state-error') !== null) {
          (window as unknown as { renderedAt: number }).renderedAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${baseUrl}/`);
    await page.fill('input[name=username]', 'bench.leader');
    await page.fill('input[name=password]', 'bench-password-1');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=who]');
    const url = `${baseUrl}/units/${unitId}?period=year&date=${YEAR}-12-31`;
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { renderedAt?: number }).renderedAt !== undefined, undefined, { timeout: 60_000 });
      if (await page.$('.state-error')) {
        const detail = await page.textContent('.state-detail');
        console.log(`overview of ${PEOPLE} people over a year: not measured, the overview failed to load (${detail?.trim()})`);
        return;
      }
      times.push(await page.evaluate(() => (window as unknown as { renderedAt: number }).renderedAt));
    }
    times.sort((a, b) => a - b);
    console.log(`overview of ${PEOPLE} people over a year, navigation start to first full render (${RUNS} runs, reload each):`);
    console.log(`  median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms, worst ${times[RUNS - 1]!.toFixed(0)} ms (goal < 1000 ms)`);
  } finally {
    await browser.close();
  }
}
