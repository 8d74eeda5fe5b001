// Store files of every earlier schema open in this server: v1 (the walking skeleton) keeps every record, gains
// daily totals, and the original file is kept beside the migrated one; v2 and v3 (one JSON document, v3 with
// the learning programme's records) become lines, the programme's records in the head line.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { openLowdbStore, STORE_FILE_NAME } from './lowdb-store.ts';
import { emptyProgrammeSnapshot } from './programme/records.ts';
import type { Store } from './store-contract.ts';

const clock = () => Date.parse('2026-03-10T10:00:00+08:00');
let dir: string;
let store: Store | null = null;

const v1 = {
  schemaVersion: 1,
  policyVersion: 3,
  settings: { idleSeconds: 90 },
  units: [{ id: 'unitA', name: '研究室', parentId: null, createdAt: '2026-03-01T00:00:00.000Z' }],
  users: [
    { id: 'admin1', username: 'admin', name: '管理员', role: 'admin', unitId: null, passwordHash: 'scrypt$1$1$1$a$b', createdAt: '2026-03-01T00:00:00.000Z' },
    { id: 'staff1', username: 'zhang.wei', name: '张伟', role: 'staff', unitId: 'unitA', passwordHash: 'scrypt$1$1$1$c$d', createdAt: '2026-03-01T00:00:00.000Z' },
  ],
  resources: [{ id: 'res1', name: '理论', category: 'political-theory', kind: 'reading', patterns: ['https://*.example.org/*'], createdAt: '2026-03-01T00:00:00.000Z' }],
  tokens: [{ tokenHash: 'abc+/=def', userId: 'staff1', createdAt: '2026-03-02T00:00:00.000Z' }],
  segments: [
    {
      id: '0e3b6f0a-1111-4111-8111-000000000001',
      personId: 'staff1',
      deviceId: 'laptop',
      resourceId: 'res1',
      url: 'https://www.example.org/a',
      title: 'A',
      startedAt: '2026-03-05T09:00:00+08:00',
      endedAt: '2026-03-05T10:00:00+08:00',
      mode: 'reading',
      policyVersion: 3,
      receivedAt: '2026-03-05T02:01:00.000Z',
    },
    {
      id: '0E3B6F0A-1111-4111-8111-000000000002',
      personId: 'staff1',
      deviceId: 'phone',
      resourceId: 'res1',
      url: 'https://www.example.org/b',
      title: 'B',
      startedAt: '2026-03-05T09:30:00+08:00',
      endedAt: '2026-03-05T10:30:00+08:00',
      mode: 'media',
      policyVersion: 2,
      receivedAt: '2026-03-05T02:31:00.000Z',
    },
  ],
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-migrate-'));
});
afterEach(async () => {
  await store?.close();
  store = null;
  await rm(dir, { recursive: true, force: true });
});

describe('store migration 1 → 4', () => {
  it('keeps every record, adds what v2 has, computes daily totals and keeps the v1 file', async () => {
    const text = JSON.stringify(v1);
    await writeFile(path.join(dir, STORE_FILE_NAME), text);
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });

    expect(await store.findUserByUsername('zhang.wei')).toMatchObject({ id: 'staff1', active: true, unitId: 'unitA' });
    expect(await store.findToken('abc+/=def')).toMatchObject({ userId: 'staff1', kind: 'device', lastUsedAt: null, expiresAt: null });
    expect(await store.getPolicy()).toEqual({
      version: 3,
      resources: [{ id: 'res1', name: '理论', category: 'political-theory', kind: 'reading', patterns: ['https://*.example.org/*'] }],
      settings: { idleSeconds: 90, mediaPresenceSeconds: 1800 },
    });
    expect(await store.getSettings()).toMatchObject({ idleSeconds: 90, dailyCapSeconds: 28800, retentionDays: 400 });

    const segments = await store.segmentsForPerson('staff1', 0, Number.MAX_SAFE_INTEGER);
    expect(segments.map((s) => [s.id, s.deviceId, s.mode, s.policyVersion])).toEqual([
      ['0e3b6f0a-1111-4111-8111-000000000001', 'laptop', 'reading', 3],
      ['0E3B6F0A-1111-4111-8111-000000000002', 'phone', 'media', 2],
    ]);
    expect(await store.dayTotals('staff1', 0, 99999)).toEqual([
      expect.objectContaining({ day: dayNumber('2026-03-05'), rawSeconds: 7200, creditedSeconds: 5400, overlapSeconds: 1800 }),
    ]);

    expect(await readFile(path.join(dir, 'studytrail.v1.json'), 'utf8')).toBe(text);
    expect(JSON.parse((await readFile(path.join(dir, STORE_FILE_NAME), 'utf8')).split('\n')[0]!.slice(9)).schemaVersion).toBe(6);
  });

  it('reads a v1 file written over several lines (pretty-printed JSON) as one document', async () => {
    await writeFile(path.join(dir, STORE_FILE_NAME), JSON.stringify(v1, null, 2));
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    expect(await store.listUsers()).toHaveLength(2);
    expect((await store.dayTotals('staff1', 0, 99999))[0]!.creditedSeconds).toBe(5400);
  });

  it('survives a second start after migrating (no double migration, the v1 copy untouched)', async () => {
    await writeFile(path.join(dir, STORE_FILE_NAME), JSON.stringify(v1));
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    await store.close();
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    expect(await store.listUsers()).toHaveLength(2);
    expect((await store.dayTotals('staff1', 0, 99999))[0]!.creditedSeconds).toBe(5400);
  });

  it('carries over the audit entries of a v1 file in the v2 shape, and goes on numbering after them', async () => {
    const erased = {
      id: 'b7f1c0de-0000-4000-8000-000000000001',
      at: '2026-03-04T02:00:00.000Z',
      actorId: 'admin1',
      actorName: '管理员',
      action: 'person.erase',
      target: 'gone1',
      details: { username: 'li.na', segments: 12 },
      reason: '调离本单位',
      address: '203.0.113.9',
    };
    await writeFile(path.join(dir, STORE_FILE_NAME), JSON.stringify({ ...v1, audit: [erased, { ...erased, id: 'x2', target: 'gone2', reason: '', address: null }] }));
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    const expected = [
      {
        id: '1',
        at: '2026-03-04T02:00:00.000Z',
        actorId: 'admin1',
        actorName: '管理员',
        action: 'person.erase',
        target: 'person:gone1',
        details: 'username: li.na; segments: 12',
        reason: '调离本单位',
        address: '203.0.113.9',
      },
      expect.objectContaining({ id: '2', target: 'person:gone2', reason: null, address: null }),
    ];
    expect(await store.auditFor(['person:gone1', 'person:gone2'])).toEqual(expected);
    await store.updateUser('staff1', { name: '张伟伟' }, { actor: { id: 'admin1', name: '管理员' }, reason: null });
    expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ id: '3', action: 'person.update' });
    await store.close();
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    expect(await store.auditFor(['person:gone1', 'person:gone2'])).toEqual(expected);
  });

  it('refuses a v1 file of the wrong shape, naming the field, and leaves it untouched', async () => {
    const text = JSON.stringify({ ...v1, users: [{ id: 'x' }] });
    await writeFile(path.join(dir, STORE_FILE_NAME), text);
    await expect(openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' })).rejects.toThrow(/not a valid StudyTrail store \(users\.0\.username/);
    expect(await readFile(path.join(dir, STORE_FILE_NAME), 'utf8')).toBe(text);
  });
});

// A v2 file (one JSON document holding every person's rows) as the v2 server wrote it.
const v2 = {
  schemaVersion: 2,
  timeZone: 'Asia/Shanghai',
  journalSeq: 7,
  settings: DEFAULT_SETTINGS,
  policyHistory: [
    {
      version: 1,
      at: '2026-03-01T00:00:00.000Z',
      settings: { idleSeconds: DEFAULT_SETTINGS.idleSeconds, mediaPresenceSeconds: DEFAULT_SETTINGS.mediaPresenceSeconds, dailyCapSeconds: DEFAULT_SETTINGS.dailyCapSeconds },
      resources: [{ id: 'res1', name: '理论', category: 'political-theory', kind: 'reading', patterns: ['https://*.example.org/*'] }],
    },
  ],
  units: v1.units,
  users: v1.users.map((u) => ({ ...u, active: true })),
  resources: v1.resources.map((r) => ({ ...r, active: true })),
  tokens: [],
  auditSeq: 0,
  audit: [],
  noteSeq: 0,
  notes: [],
  people: {
    staff1: {
      devices: ['laptop'],
      pages: [['res1', 'https://www.example.org/a', 'A']],
      // 0e3b6f0a-1111-4111-8111-000000000001, 2026-03-05 09:00–10:00 +08:00, received a minute after.
      segments: [['DjtvChERQRGBEQAAAAAAAQ', 0, 0, Date.parse('2026-03-05T09:00:00+08:00'), 3600_000, 0, 1, 60_000]],
      refused: [],
      days: [[dayNumber('2026-03-05'), 3600, 3600, 0, 0, 0, 0, ['res1', 3600]]],
    },
  },
};

describe('store migration 2 → 4', () => {
  it('reads the one-document file, keeps it as studytrail.v2.json and rewrites it as lines', async () => {
    const text = JSON.stringify(v2);
    await writeFile(path.join(dir, STORE_FILE_NAME), text);
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    const [segment] = await store.segmentsForPerson('staff1', 0, Number.MAX_SAFE_INTEGER);
    expect(segment).toEqual({
      id: '0e3b6f0a-1111-4111-8111-000000000001',
      personId: 'staff1',
      deviceId: 'laptop',
      resourceId: 'res1',
      url: 'https://www.example.org/a',
      title: 'A',
      startMs: Date.parse('2026-03-05T09:00:00+08:00'),
      endMs: Date.parse('2026-03-05T10:00:00+08:00'),
      mode: 'reading',
      policyVersion: 1,
      receivedMs: Date.parse('2026-03-05T10:01:00+08:00'),
    });
    expect(await store.dayTotals('staff1', 0, 99999)).toEqual([
      expect.objectContaining({ day: dayNumber('2026-03-05'), rawSeconds: 3600, creditedSeconds: 3600, byResource: ['res1', 3600] }),
    ]);
    expect(await store.findUserByUsername('zhang.wei')).toMatchObject({ id: 'staff1', active: true });
    expect(await readFile(path.join(dir, 'studytrail.v2.json'), 'utf8')).toBe(text);
    const lines = (await readFile(path.join(dir, STORE_FILE_NAME), 'utf8')).split('\n');
    expect(JSON.parse(lines[0]!.slice(9))).toMatchObject({ schemaVersion: 6, journalSeq: 7, peopleLines: 1, programme: emptyProgrammeSnapshot() });
    expect(await store.programme.sessions()).toEqual([]);

    // Opened again: v6 as it is, the v2 copy untouched, nothing lost.
    await store.close();
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    expect(await store.segmentsForPerson('staff1', 0, Number.MAX_SAFE_INTEGER)).toEqual([segment]);
    expect(await readFile(path.join(dir, 'studytrail.v2.json'), 'utf8')).toBe(text);
  });

  it('refuses a v2 file with a broken row, naming it, and leaves it untouched', async () => {
    const text = JSON.stringify({ ...v2, people: { staff1: { ...v2.people.staff1, segments: [['x', 3, 0, 1, 1, 0, 0, 0]] } } });
    await writeFile(path.join(dir, STORE_FILE_NAME), text);
    await expect(openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' })).rejects.toThrow(/people\.staff1\.segments\.0: refers to a missing entry 3/);
    expect(await readFile(path.join(dir, STORE_FILE_NAME), 'utf8')).toBe(text);
  });
});

// A v3 file (v2 plus the learning programme's records, still one JSON document).
const report = { id: 'r1', personId: 'staff1', title: '调研', status: 'draft', date: '2026-02-01', fileUrl: null, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' };
const annual = { personId: 'staff1', year: 2026, remarks: '认真', decision: null, updatedAt: '2026-02-01T00:00:00.000Z' };
const exception = { date: '2026-05-01', action: 'cancel', movedTo: null, reason: '劳动节' };
const v3 = { ...v2, schemaVersion: 3, programme: { ...emptyProgrammeSnapshot(), exceptions: [exception], reports: [report], annual: [annual] } };

describe('store migration 3 → 4', () => {
  it('keeps the programme and the rows, keeps the file as studytrail.v3.json and rewrites it as lines', async () => {
    const text = JSON.stringify(v3);
    await writeFile(path.join(dir, STORE_FILE_NAME), text);
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    const check = async (s: Store) => {
      expect(await s.programme.calendarExceptions()).toEqual([exception]);
      expect(await s.programme.reports()).toEqual([report]);
      expect(await s.programme.annualNote('staff1', 2026)).toEqual(annual);
      expect(await s.segmentsForPerson('staff1', 0, Number.MAX_SAFE_INTEGER)).toEqual([expect.objectContaining({ id: '0e3b6f0a-1111-4111-8111-000000000001', deviceId: 'laptop' })]);
      expect(await s.dayTotals('staff1', 0, 99999)).toEqual([expect.objectContaining({ day: dayNumber('2026-03-05'), creditedSeconds: 3600 })]);
    };
    await check(store);
    expect(await readFile(path.join(dir, 'studytrail.v3.json'), 'utf8')).toBe(text);
    const lines = (await readFile(path.join(dir, STORE_FILE_NAME), 'utf8')).split('\n');
    expect(JSON.parse(lines[0]!.slice(9))).toMatchObject({ schemaVersion: 6, journalSeq: 7, peopleLines: 1, programme: v3.programme });
    expect(JSON.parse(lines[1]!.slice(9))[0]).toBe('staff1');

    // Opened again: v6 as it is, nothing lost; erasing the person removes their programme records for good.
    await store.close();
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    await check(store);
    expect(await store.erasePerson('staff1', { actor: { id: 'admin1', name: '管理员' }, reason: '离职' })).not.toBeNull();
    await store.close();
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    expect(await store.programme.reports()).toEqual([]);
    expect(await store.programme.annualNote('staff1', 2026)).toBeNull();
    expect(await store.programme.calendarExceptions()).toEqual([exception]);
    expect(await readFile(path.join(dir, 'studytrail.v3.json'), 'utf8')).toBe(text);
  });

  it('refuses a v3 file with a broken programme record, naming it, and leaves it untouched', async () => {
    const text = JSON.stringify({ ...v3, programme: { ...v3.programme, reports: [{ ...report, status: 'lost' }] } });
    await writeFile(path.join(dir, STORE_FILE_NAME), text);
    await expect(openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' })).rejects.toThrow(/not a valid StudyTrail store \(programme\.reports\.0\.status/);
    expect(await readFile(path.join(dir, STORE_FILE_NAME), 'utf8')).toBe(text);
  });
});

describe('membership history in stores written before it was kept', () => {
  it('starts each active person in their unit and role on the day their account was created, and keeps later moves', async () => {
    await writeFile(path.join(dir, STORE_FILE_NAME), JSON.stringify(v1));
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    expect((await store.findUserById('staff1'))!.memberships).toEqual([{ from: '2026-03-01', to: null, unitId: 'unitA', role: 'staff' }]);
    const unitB = await store.createUnit({ name: '文化室', parentId: null });
    await store.updateUser('staff1', { unitId: unitB.id }, { actor: { id: 'admin1', name: '管理员' }, reason: null });
    await store.close();
    store = await openLowdbStore(dir, { clock, timeZone: 'Asia/Shanghai' });
    // The clock stands on 10 March: the move takes effect that day, the days before stay in unit A.
    expect((await store.findUserById('staff1'))!.memberships).toEqual([
      { from: '2026-03-01', to: '2026-03-09', unitId: 'unitA', role: 'staff' },
      { from: '2026-03-10', to: null, unitId: unitB.id, role: 'staff' },
    ]);
  });
});
