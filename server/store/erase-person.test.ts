// Erasing a person removes everything recorded about them, and only that, in one durable write with
// its audit entry; a store file from before audit entries existed still opens.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/schemas/sync.ts';
import { openLowdbStore, STORE_FILE_NAME } from './lowdb-store.ts';
import type { NewAuditRecord, Store } from './records.ts';

const clock = () => Date.parse('2026-03-06T02:00:00Z');
let dir: string;
const open: Store[] = [];

async function openStore(): Promise<Store> {
  const store = await openLowdbStore(dir, { clock });
  open.push(store);
  return store;
}

const segment = (n: number): Segment => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  resourceId: 'res1',
  url: 'https://learn.example.org/a',
  title: 'A',
  startedAt: '2026-03-06T09:00:00+08:00',
  endedAt: '2026-03-06T09:10:00+08:00',
  mode: 'reading',
});

const audit = (target: string): NewAuditRecord => ({
  actorId: 'admin1',
  actorName: '管理员',
  action: 'person.erase',
  target,
  details: { username: 'leaver' },
  reason: '调离',
  address: '203.0.113.9',
});

async function twoPeople(store: Store) {
  const unit = await store.createUnit({ name: '研究室', parentId: null });
  const person = (username: string) => store.createUser({ username, name: username, role: 'staff', unitId: unit.id, passwordHash: 'x' });
  const leaver = await person('Leaver');
  const stayer = await person('stayer');
  await store.recordSegments({ personId: leaver.id, deviceId: 'd1', segments: [segment(1), segment(2)] });
  await store.recordSegments({ personId: stayer.id, deviceId: 'd2', segments: [segment(3)] });
  await store.saveToken({ tokenHash: 'h-leaver', userId: leaver.id, createdAt: '2026-03-06T02:00:00.000Z' });
  await store.saveToken({ tokenHash: 'h-stayer', userId: stayer.id, createdAt: '2026-03-06T02:00:00.000Z' });
  return { leaver, stayer };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-erase-'));
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('erasePerson', () => {
  it('removes the account, tokens and segments of that person only, with an audit entry, durably', async () => {
    const store = await openStore();
    const { leaver, stayer } = await twoPeople(store);
    const result = await store.erasePerson(leaver.id, audit(leaver.id));
    expect(result?.counts).toEqual({ segments: 2, tokens: 1 });
    expect(result?.audit).toMatchObject({ ...audit(leaver.id), at: '2026-03-06T02:00:00.000Z' });

    for (const reopened of [store, await (async () => (await store.close(), openStore()))()]) {
      expect(await reopened.findUserById(leaver.id)).toBeNull();
      expect(await reopened.findUserByUsername('leaver')).toBeNull();
      expect(await reopened.findToken('h-leaver')).toBeNull();
      expect(await reopened.segmentsForPerson(leaver.id, 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect(await reopened.findUserById(stayer.id)).not.toBeNull();
      expect(await reopened.findToken('h-stayer')).not.toBeNull();
      expect((await reopened.segmentsForPerson(stayer.id, 0, Number.MAX_SAFE_INTEGER)).map((s) => s.id)).toEqual([segment(3).id]);
      expect(await reopened.auditFor(leaver.id)).toEqual([result!.audit]);
    }
    const disk = await readFile(path.join(dir, STORE_FILE_NAME), 'utf8');
    expect(disk).not.toContain(segment(1).id);
    expect(disk).not.toContain('"Leaver"');
  });

  it('frees the username and accepts the erased segment ids again for someone else', async () => {
    const store = await openStore();
    const { leaver, stayer } = await twoPeople(store);
    await store.erasePerson(leaver.id, audit(leaver.id));
    const again = await store.createUser({ username: 'leaver', name: 'New', role: 'staff', unitId: null, passwordHash: 'x' });
    expect(again.id).not.toBe(leaver.id);
    expect(await store.recordSegments({ personId: stayer.id, deviceId: 'd2', segments: [segment(1)] })).toEqual(['added']);
  });

  it('answers null for an unknown person and changes nothing', async () => {
    const store = await openStore();
    await twoPeople(store);
    const before = await readFile(path.join(dir, STORE_FILE_NAME), 'utf8');
    expect(await store.erasePerson('nobody', audit('nobody'))).toBeNull();
    expect(await readFile(path.join(dir, STORE_FILE_NAME), 'utf8')).toBe(before);
  });
});

describe('audit entries', () => {
  it('opens a store file written before audit entries existed', async () => {
    const legacy = {
      schemaVersion: 1,
      policyVersion: 0,
      settings: { idleSeconds: 120 },
      units: [],
      users: [],
      resources: [],
      tokens: [],
      segments: [],
    };
    await writeFile(path.join(dir, STORE_FILE_NAME), JSON.stringify(legacy));
    const store = await openStore();
    expect(await store.auditFor('x')).toEqual([]);
    const entry = await store.appendAudit(audit('x'));
    expect(await store.auditFor('x')).toEqual([entry]);
  });
});
