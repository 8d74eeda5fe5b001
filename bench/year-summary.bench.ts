// The year summary a leader signs from (issue 15), over real HTTP: 1,000 people in 10 committees, 60
// sessions each fully recorded (60,000 attendance entries) and a year of online study (one sitting a
// week each). Prints the median wall and CPU time of the organisation's year summary (every person's annual record, by
// committee), one annual record, the organisation's overview for the year, a monthly bulletin and the store's size.
// Seeded through the store.
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '../server/auth/password.ts';
import { newToken } from '../server/auth/tokens.ts';
import { newSessionCode } from '../server/programme/session-code.ts';
import { newId } from '../server/store/ids.ts';
import type { AttendanceEntry } from '../shared/schemas/programme-attendance.ts';
import { startApiServer } from '../test/support/api-server.ts';

const PEOPLE = 1000;
const SESSIONS = 60;
const YEAR = 2026;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Median wall time and median CPU time of a request. The server runs in this process, so the CPU time
 * (user + system, both ends of the request) is the work done, which other load on the machine leaves
 * alone while it stretches the wall time.
 */
async function timed(runs: number, fn: () => Promise<Response>): Promise<{ ms: number; cpuMs: number }> {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const res = await fn();
    await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const used = process.cpuUsage(cpu);
    ms.push(performance.now() - start);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { ms: median(ms), cpuMs: median(cpuMs) };
}

const figures = (t: { ms: number; cpuMs: number }, places: number) => `median ${t.ms.toFixed(places)} ms (CPU ${t.cpuMs.toFixed(places)} ms)`;

export default async function yearSummaryBench(): Promise<void> {
  // The people join on 2 January; the clock stands on 20 December.
  const server = await startApiServer({ nowMs: Date.parse(`${YEAR}-01-02T09:00:00+08:00`) });
  try {
    const { store } = server;
    const seedStart = performance.now();
    const office = await store.createUnit({ name: '机关', parentId: null });
    const units: Awaited<ReturnType<typeof store.createUnit>>[] = [];
    for (let i = 0; i < 10; i++) units.push(await store.createUnit({ name: `委室${i + 1}`, parentId: office.id }));
    const resource = await store.createResource({ name: '理论学习', category: 'political-theory', kind: 'reading', patterns: ['https://learn.example.org/*'] });
    const passwordHash = await hashPassword('bench-password');
    const people = await Promise.all(
      Array.from({ length: PEOPLE }, (_, i) => store.createUser({ username: `p${i}`, name: `人员${i}`, role: 'staff', unitId: units[i % units.length]!.id, passwordHash })),
    );
    server.nowMs = Date.parse(`${YEAR}-12-20T10:00:00+08:00`);
    const admin = (await store.findUserByUsername('admin'))!;
    const { token, tokenHash } = newToken();
    await store.saveToken({ tokenHash, userId: admin.id, kind: 'device', label: 'bench', deviceId: null, expiresAt: null });

    const policyVersion = (await store.getPolicy()).version;
    await Promise.all(
      people.map((p) =>
        store.recordSync({
          personId: p.id,
          deviceId: 'office-pc',
          accepted: Array.from({ length: 50 }, (_, w) => {
            const startMs = Date.parse(`${YEAR}-01-05T09:00:00+08:00`) + w * 7 * 86_400_000;
            return { id: randomUUID(), resourceId: resource.id, url: 'https://learn.example.org/a', title: 'a', startMs, endMs: startMs + 3600_000, mode: 'reading' as const, policyVersion };
          }),
          refused: [],
          notes: [],
        }),
      ),
    );
    const sessions = [];
    for (let i = 0; i < SESSIONS; i++) {
      const date = new Date(Date.UTC(YEAR, 0, 2 + i * 5)).toISOString().slice(0, 10);
      const now = new Date().toISOString();
      const session = {
        id: newId(),
        kind: 'collective-study' as const,
        topic: `集体学习 ${i + 1}`,
        date,
        startsAt: `${date}T14:30:00+08:00`,
        endsAt: `${date}T17:30:00+08:00`,
        place: '',
        link: null,
        organiserId: admin.id,
        materials: [resource.id],
        tariff: 'actual' as const,
        tariffReason: '',
        creditedHours: 3,
        creditRule: null,
        cancelled: null,
        unitIds: [office.id],
        code: newSessionCode(randomBytes),
        createdBy: admin.id,
        createdAt: now,
        updatedAt: now,
      };
      await store.programme.saveSession(() => ({ ok: true, value: session }));
      sessions.push(session);
    }
    const writes: Promise<unknown>[] = [];
    for (const s of sessions) {
      for (const [j, p] of people.entries()) {
        const entry: AttendanceEntry = { sessionId: s.id, personId: p.id, status: j % 17 === 0 ? 'absent' : j % 11 === 0 ? 'late' : 'present', reason: '', makeUp: null, checkedInAt: null, markedBy: admin.id, updatedAt: new Date().toISOString() };
        writes.push(store.programme.saveAttendance(s.id, p.id, () => ({ ok: true, value: entry })));
      }
    }
    await Promise.all(writes);
    const seedMs = performance.now() - seedStart;

    const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const summary = await timed(11, () => get(`/api/annual-records?year=${YEAR}`));
    const record = await timed(21, () => get(`/api/annual-records/${people[0]!.id}/${YEAR}`));
    const overview = await timed(5, () => get(`/api/units/${office.id}/summary?period=year`));
    const bulletin = await timed(5, () => get(`/api/units/${office.id}/bulletin?month=${YEAR}-03`));
    console.log(`seeded ${PEOPLE} people × ${SESSIONS} sessions (${PEOPLE * SESSIONS} attendance entries, ${PEOPLE * 50} online sittings) in ${(seedMs / 1000).toFixed(1)} s`);
    console.log(`GET /api/annual-records (organisation year summary by committee, ${PEOPLE} records): ${figures(summary, 0)} (goal ≤ 300 ms)`);
    console.log(`GET /api/annual-records/{person}/{year}: ${figures(record, 1)} (goal ≤ 10 ms)`);
    console.log(`GET /api/units/{office}/summary?period=year (overview, ${PEOPLE} people): ${figures(overview, 0)}`);
    console.log(`GET /api/units/{office}/bulletin (${PEOPLE} people, one month): ${figures(bulletin, 1)}`);
    console.log(`store file with the programme's records: ${((await server.snapshot()).length / 1024 / 1024).toFixed(1)} MB`);
  } finally {
    await server.close();
  }
}
