// Programme figures over real HTTP on a year of records: the organisation's annual summary (every
// person's record) for 300 people with 60 sessions each fully recorded, one annual record, one monthly
// bulletin, and a check-in, each the median of a few runs. Data is seeded through the store.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../server/auth/password.ts';
import { newToken } from '../server/auth/tokens.ts';
import { startApiServer } from '../test/support/api-server.ts';
import { newId } from '../server/store/ids.ts';
import { newSessionCode } from '../server/programme/session-code.ts';
import type { AttendanceEntry } from '../shared/schemas/programme-attendance.ts';

const PEOPLE = 300;
const SESSIONS = 60;
const YEAR = 2026;
const RUNS = 5;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(runs: number, fn: () => Promise<Response>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const res = await fn();
    await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    ms.push(performance.now() - start);
  }
  return median(ms);
}

export default async function programmeBench(): Promise<void> {
  const server = await startApiServer({ nowMs: Date.parse(`${YEAR}-12-20T10:00:00+08:00`) });
  try {
    const { store } = server;
    const office = await store.createUnit({ name: '机关', parentId: null });
    const units = await Promise.all(Array.from({ length: 10 }, (_, i) => store.createUnit({ name: `委室${i + 1}`, parentId: office.id })));
    const passwordHash = await hashPassword('bench-password');
    const people = await Promise.all(
      Array.from({ length: PEOPLE }, (_, i) => store.createUser({ username: `p${i}`, name: `人员${i}`, role: 'staff', unitId: units[i % units.length]!.id, passwordHash })),
    );
    const admin = (await store.findUserByUsername('admin'))!;
    const { token, tokenHash } = newToken();
    await store.saveToken({ tokenHash, userId: admin.id, kind: 'device', label: 'bench', deviceId: null, expiresAt: null });

    const seedStart = performance.now();
    const sessions = [];
    for (let i = 0; i < SESSIONS; i++) {
      const day = new Date(Date.UTC(YEAR, 0, 2 + i * 5));
      const date = day.toISOString().slice(0, 10);
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
        materials: [],
        tariff: 'half-day' as const,
        tariffReason: '',
        creditedHours: 4,
        cancelled: null,
        unitIds: [office.id],
        code: newSessionCode(randomBytes),
        createdBy: admin.id,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
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
    const summaryMs = await timed(3, () => get(`/api/annual-records?year=${YEAR}`));
    const recordMs = await timed(RUNS, () => get(`/api/annual-records/${people[0]!.id}/${YEAR}`));
    const bulletinMs = await timed(RUNS, () => get(`/api/units/${office.id}/bulletin?month=${YEAR}-03`));
    console.log(`seeded ${PEOPLE} people × ${SESSIONS} sessions (${PEOPLE * SESSIONS} attendance entries) in ${(seedMs / 1000).toFixed(1)} s`);
    console.log(`GET /api/annual-records (organisation year summary, ${PEOPLE} records): median ${summaryMs.toFixed(0)} ms`);
    console.log(`GET /api/annual-records/{person}/{year}: median ${recordMs.toFixed(1)} ms`);
    console.log(`GET /api/units/{id}/bulletin (${PEOPLE} people, one month): median ${bulletinMs.toFixed(1)} ms`);
    const size = (await server.snapshot()).length;
    console.log(`store file with the programme's records: ${(size / 1024 / 1024).toFixed(1)} MB`);
  } finally {
    await server.close();
  }
}
