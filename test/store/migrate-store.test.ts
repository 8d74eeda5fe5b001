// `npm run migrate-store -- --to postgres://…` as an administrator runs it (the CLI as a process): an
// embedded store with people, tokens, audit, accepted and refused segments, day totals, notes and programme records is
// copied into an empty database of the run's throwaway cluster, and a server on that database then
// reads the same; a database that is not empty, and a data folder a server is using, are refused with
// nothing written.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '../../shared/schemas/notes.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { segmentContentHash } from '../../server/store/content-hash.ts';
import { openLowdbStore } from '../../server/store/lowdb-store.ts';
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts';
import type { CheckedSegment, Store, UserRecord } from '../../server/store/store-contract.ts';
import { freshDatabase } from '../support/postgres-database.ts';
import { TEST_ENV } from '../support/server-process.ts';
import { note as storeNote } from '../support/store-notes.ts';

const run = promisify(execFile);
const TZ = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);
const clock = () => at('2026-03-06T10:00:00+08:00');
const MARCH = [dayNumber('2026-03-01'), dayNumber('2026-03-31')] as const;
const admin = { actor: { id: 'admin', name: '管理员' }, reason: '迁移测试', address: '10.0.0.1' };

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-migrate-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function migrateStore(dataDir: string, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'server/cli/migrate-store.ts', ...args], { env: { ...process.env, LC_ALL: TEST_ENV.LC_ALL, STUDYTRAIL_DATA_DIR: dataDir, STUDYTRAIL_TZ: TZ } }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
}

// A clipped note with a quote, a thought and tags, so every column is copied with something in it.
const note = (n: number, over: Partial<Note> = {}): Note =>
  storeNote(n, { url: 'https://www.example.org/learn/a', quote: '引文', comment: `想法 ${n}`, tags: ['理论', `t${n}`], ...over });

/** An office's store: two units, three people, a resource, tokens, audited changes, segments over days, a refused one, notes. */
async function seed(store: Store) {
  const office = await store.createUnit({ name: '办公室', parentId: null }, admin);
  const research = await store.createUnit({ name: '研究室', parentId: office.id }, admin);
  const resource = await store.createResource({ name: '理论学习', category: 'political-theory', kind: 'reading', patterns: ['https://*.example.org/learn/*'] }, admin);
  const people: UserRecord[] = [];
  for (const [i, unit] of [office, research, research].entries()) {
    const person = await store.createUser({ username: `Staff.${i}`, name: `职员${i}`, role: i === 0 ? 'leader' : 'staff', unitId: unit.id, passwordHash: `hash-${i}` }, admin);
    await store.saveToken({ tokenHash: `token-hash-${i}`, userId: person.id, kind: 'device', label: `laptop ${i}`, deviceId: null, expiresAt: null });
    const hour = String(8 + i).padStart(2, '0');
    const segments: CheckedSegment[] = Array.from({ length: 6 }, (_, k) => ({
      id: `0e3b6f0a-1111-4111-8111-0000000${i}00${k}`,
      resourceId: resource.id,
      url: 'https://www.example.org/learn/lesson',
      title: `第${k}课`,
      startMs: at(`2026-03-0${1 + (k % 3)}T${hour}:00:00+08:00`) + k * 700_000,
      endMs: at(`2026-03-0${1 + (k % 3)}T${hour}:10:00+08:00`) + k * 700_000,
      mode: 'reading',
      policyVersion: 1,
    }));
    const content = { resourceId: resource.id, url: 'https://secret.example.com/', title: 'x', startMs: at('2026-03-04T08:00:00+08:00'), endMs: at('2026-03-04T08:05:00+08:00'), mode: 'reading' };
    const refused = { id: `0e3b6f0a-1111-4111-8111-0000000${i}099`, reason: 'outside_allowlist' as const, code: 'url_outside_resource', message: 'no', contentHash: segmentContentHash(content), startMs: content.startMs, endMs: content.endMs };
    await store.recordSync({ personId: person.id, deviceId: `device-${i}`, accepted: segments, refused: [refused], notes: [note(i + 1, { resourceId: resource.id })] });
    people.push(person);
  }
  // The learning programme: a session with one person's attendance, a report and an annual note.
  const session = {
    id: 'session1', kind: 'collective-study' as const, topic: '学习两会精神', date: '2026-03-05', startsAt: '2026-03-05T14:30:00+08:00', endsAt: '2026-03-05T17:30:00+08:00',
    place: '三楼会议室', link: null, organiserId: people[0]!.id, materials: [], tariff: 'half-day' as const, tariffReason: '', creditedHours: 4, creditRule: null, cancelled: null,
    unitIds: [office.id], code: 'AB3K7P', createdBy: 'admin', createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z',
  };
  await store.programme.saveSession(() => ({ ok: true, value: session }));
  await store.programme.saveAttendance(session.id, people[1]!.id, () => ({
    ok: true,
    value: { sessionId: session.id, personId: people[1]!.id, status: 'present', reason: '', makeUp: null, checkedInAt: null, markedBy: 'admin', updatedAt: '2026-03-05T07:00:00.000Z' },
  }));
  await store.programme.saveReport({ id: 'report1', personId: people[2]!.id, title: '调研', status: 'draft', date: '2026-02-01', fileUrl: null, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
  await store.programme.saveAnnualNote({ personId: people[2]!.id, year: 2026, remarks: '认真', decision: null, updatedAt: '2026-03-01T00:00:00.000Z' });
  return { people, resource };
}

describe('npm run migrate-store', () => {
  it('copies an embedded store into an empty database, checks it, and refuses to copy into it again', async () => {
    const dataDir = path.join(dir, 'office');
    const embedded = await openLowdbStore(dataDir, { clock, timeZone: TZ });
    const { people } = await seed(embedded);
    const before = {
      users: await embedded.listUsers(),
      units: await embedded.listUnits(),
      audit: await embedded.listAudit({ limit: 100 }),
      policy: await embedded.policyHistory(),
      token: await embedded.findToken('token-hash-1'),
      days: await embedded.dayTotals(people[2]!.id, -1e6, 1e6),
      march: await embedded.periodTotalsOf(people.map((p) => p.id), MARCH[0], MARCH[1], [MARCH[0]]),
      programme: { sessions: await embedded.programme.sessions(), attendance: await embedded.programme.attendance(), person: await embedded.programme.recordsOf(people[2]!.id) },
    };
    await embedded.close();
    const url = await freshDatabase('migrate');

    const copied = await migrateStore(dataDir, '--to', url);
    expect(copied.stderr).toBe('');
    expect(copied.code).toBe(0);
    expect(copied.stdout).toContain('users: 3');
    expect(copied.stdout).toContain('segments: 18');
    expect(copied.stdout).toContain('refused_segments: 3');
    expect(copied.stdout).toContain('notes: 3');
    expect(copied.stdout).toContain('attendance: 1');
    expect(copied.stdout).toContain('research_reports: 1');
    expect(copied.stdout).toContain('each of 3 people');

    const postgres = await openPostgresStore(url, { clock, timeZone: TZ });
    try {
      expect(await postgres.listUsers()).toEqual(before.users);
      expect(await postgres.listUnits()).toEqual(before.units);
      expect(await postgres.listAudit({ limit: 100 })).toEqual(before.audit);
      expect(await postgres.policyHistory()).toEqual(before.policy);
      expect(await postgres.findToken('token-hash-1')).toEqual(before.token);
      expect(await postgres.dayTotals(people[2]!.id, -1e6, 1e6)).toEqual(before.days);
      // Their monthly sums were made from the days copied (month_totals): March whole, as the embedded store adds it up.
      expect(await postgres.periodTotalsOf(people.map((p) => p.id), MARCH[0], MARCH[1], [MARCH[0]])).toEqual(before.march);
      expect([...before.march.values()].map((totals) => totals.map((t) => [t.day, t.lastDay]))).toEqual(people.map(() => [MARCH]));
      expect({ sessions: await postgres.programme.sessions(), attendance: await postgres.programme.attendance(), person: await postgres.programme.recordsOf(people[2]!.id) }).toEqual(before.programme);
      // Numbers continue after the copied ones: the next audit entry is newer than every copied one.
      const next = await postgres.createUnit({ name: '新单位', parentId: null }, admin);
      const [newest] = await postgres.listAudit({ limit: 1 });
      expect(newest!.target).toContain(next.id);
      expect(BigInt(newest!.id)).toBeGreaterThan(BigInt(before.audit[0]!.id));
    } finally {
      await postgres.close();
    }

    const again = await migrateStore(dataDir, '--to', url);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty \(.*users: 3 rows.*\).*Nothing was copied/);
  });

  it('refuses while a server uses the data folder, and says how to call it', async () => {
    const dataDir = path.join(dir, 'busy');
    const running = await openLowdbStore(dataDir, { clock, timeZone: TZ });
    try {
      const url = await freshDatabase('busy');
      const refused = await migrateStore(dataDir, '--to', url);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/stop that server first/);
    } finally {
      await running.close();
    }
    const usage = await migrateStore(dataDir, '--to', 'mysql://x');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run migrate-store -- --to postgres://');
  });
});
