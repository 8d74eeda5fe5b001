import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/schemas/sync.ts';
import { openLowdbStore, STORE_FILE_NAME } from './lowdb-store.ts';
import { DuplicateError, MissingReferenceError, StoreFileError, type Store } from './records.ts';

const NOW = Date.parse('2026-03-06T02:00:00Z');
const clock = () => NOW;

let dir: string;
let file: string;
const open: Store[] = [];

async function openStore(options: { onDurableWrite?: () => void } = {}): Promise<Store> {
  const store = await openLowdbStore(dir, { clock, ...options });
  open.push(store);
  return store;
}

async function onDisk(): Promise<{ [key: string]: unknown[] } & { policyVersion: number }> {
  return JSON.parse(await readFile(file, 'utf8'));
}

const segment = (id: string, overrides: Partial<Segment> = {}): Segment => ({
  id,
  resourceId: 'res1',
  url: 'https://learn.example.org/a',
  title: 'A',
  startedAt: '2026-03-06T09:00:00+08:00',
  endedAt: '2026-03-06T09:10:00+08:00',
  mode: 'reading',
  ...overrides,
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-store-'));
  file = path.join(dir, STORE_FILE_NAME);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('lowdb store', () => {
  it('starts empty without creating a file until the first change', async () => {
    const store = await openStore();
    expect(await store.countUsers()).toBe(0);
    expect(await store.getPolicy()).toEqual({ version: 0, resources: [], settings: { idleSeconds: 120 } });
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it('has the change on disk when the mutation resolves', async () => {
    const store = await openStore();
    const unit = await store.createUnit({ name: '研究室', parentId: null });
    const disk = await onDisk();
    expect(disk.schemaVersion).toBe(1);
    expect(disk.units).toEqual([{ id: unit.id, name: '研究室', parentId: null, createdAt: '2026-03-06T02:00:00.000Z' }]);
  });

  it('keeps everything across a reopen', async () => {
    const first = await openStore();
    const unit = await first.createUnit({ name: 'Office', parentId: null });
    const user = await first.createUser({ username: 'Zhang.Wei', name: '张伟', role: 'staff', unitId: unit.id, passwordHash: 'h' });
    const resource = await first.createResource({ name: 'R', category: 'other', kind: 'reading', patterns: ['https://*.example.org/*'] });
    await first.updateSettings({ idleSeconds: 60 });
    await first.saveToken({ tokenHash: 't', userId: user.id, createdAt: '2026-03-06T02:00:00.000Z' });
    await first.recordSegments({ personId: user.id, deviceId: 'd1', segments: [segment('s1', { resourceId: resource.id })] });
    await first.close();

    const second = await openStore();
    expect(await second.findUserByUsername('zhang.wei')).toEqual(user);
    expect(await second.findUnit(unit.id)).toEqual(unit);
    expect(await second.findToken('t')).toEqual({ tokenHash: 't', userId: user.id, createdAt: '2026-03-06T02:00:00.000Z' });
    expect(await second.getPolicy()).toEqual({
      version: 2,
      resources: [{ id: resource.id, name: 'R', category: 'other', kind: 'reading', patterns: ['https://*.example.org/*'] }],
      settings: { idleSeconds: 60 },
    });
    const stored = await second.segmentsForPerson(user.id, 0, Number.MAX_SAFE_INTEGER);
    expect(stored).toEqual([
      { ...segment('s1', { resourceId: resource.id }), personId: user.id, deviceId: 'd1', policyVersion: 2, receivedAt: '2026-03-06T02:00:00.000Z' },
    ]);
  });

  it('refuses a file that is not JSON and leaves it untouched', async () => {
    await writeFile(file, '{"schemaVersion": 1, "units": [');
    await expect(openLowdbStore(dir, { clock })).rejects.toThrow(StoreFileError);
    await expect(openLowdbStore(dir, { clock })).rejects.toThrow(`The store file ${file} is not valid JSON`);
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "units": [');
  });

  it('refuses a file of the wrong shape, naming the problem, and leaves it untouched', async () => {
    const text = JSON.stringify({ schemaVersion: 1, policyVersion: 0, settings: { idleSeconds: 120 }, units: [], users: [{ id: 'x' }], resources: [], tokens: [], segments: [] });
    await writeFile(file, text);
    await expect(openLowdbStore(dir, { clock })).rejects.toThrow(/is not a valid StudyTrail store \(users\.0\.username/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('refuses a file from a newer version', async () => {
    await writeFile(file, JSON.stringify({ schemaVersion: 2 }));
    await expect(openLowdbStore(dir, { clock })).rejects.toThrow(/newer StudyTrail \(schema 2/);
  });

  it('coalesces concurrent mutations into few writes, all durable', async () => {
    let writes = 0;
    const store = await openStore({ onDurableWrite: () => writes++ });
    const units = await Promise.all(Array.from({ length: 50 }, (_, i) => store.createUnit({ name: `U${i}`, parentId: null })));
    expect(writes).toBeLessThanOrEqual(2);
    expect((await onDisk()).units).toHaveLength(50);
    expect(units.map((u) => u.name)).toEqual(Array.from({ length: 50 }, (_, i) => `U${i}`));
  });

  it('resolves a mutation made during a write only after a later write', async () => {
    let writes = 0;
    const store = await openStore({ onDurableWrite: () => writes++ });
    const first = store.createUnit({ name: 'first', parentId: null });
    await Promise.resolve();
    const second = store.createUnit({ name: 'second', parentId: null });
    await first;
    await second;
    expect((await onDisk()).units).toHaveLength(2);
    expect(writes).toBe(2);
  });

  it('rejects a taken username whatever its case, and an unknown unit, without changing anything', async () => {
    const store = await openStore();
    const unit = await store.createUnit({ name: 'U', parentId: null });
    await store.createUser({ username: 'li', name: 'Li', role: 'staff', unitId: unit.id, passwordHash: 'h' });
    await expect(store.createUser({ username: 'LI', name: 'x', role: 'staff', unitId: unit.id, passwordHash: 'h' })).rejects.toThrow(DuplicateError);
    await expect(store.createUser({ username: 'wang', name: 'x', role: 'staff', unitId: 'nope', passwordHash: 'h' })).rejects.toThrow(MissingReferenceError);
    await expect(store.createUnit({ name: 'child', parentId: 'nope' })).rejects.toThrow(MissingReferenceError);
    expect(await store.listUsers()).toHaveLength(1);
    expect(await store.listUnits()).toHaveLength(1);
    expect((await onDisk()).users).toHaveLength(1);
  });

  it('records a segment id once: same content is a no-op, other content or another person is id_reused', async () => {
    const store = await openStore();
    const first = await store.recordSegments({ personId: 'p1', deviceId: 'd1', segments: [segment('s1'), segment('s1')] });
    expect(first).toEqual(['added', 'duplicate']);
    const again = await store.recordSegments({
      personId: 'p1',
      deviceId: 'd2',
      segments: [segment('s1'), segment('s1', { title: 'changed' })],
    });
    expect(again).toEqual(['duplicate', 'id_reused']);
    expect(await store.recordSegments({ personId: 'p2', deviceId: 'd1', segments: [segment('s1')] })).toEqual(['id_reused']);
    expect((await onDisk()).segments).toHaveLength(1);
  });

  it('finds a person’s segments overlapping a range', async () => {
    const store = await openStore();
    await store.recordSegments({
      personId: 'p1',
      deviceId: 'd',
      segments: [
        segment('a', { startedAt: '2026-03-06T08:00:00Z', endedAt: '2026-03-06T09:00:00Z' }),
        segment('b', { startedAt: '2026-03-06T10:00:00Z', endedAt: '2026-03-06T11:00:00Z' }),
      ],
    });
    await store.recordSegments({ personId: 'p2', deviceId: 'd', segments: [segment('c')] });
    const ids = async (from: string, to: string) =>
      (await store.segmentsForPerson('p1', Date.parse(from), Date.parse(to))).map((s) => s.id);
    expect(await ids('2026-03-06T08:30:00Z', '2026-03-06T10:30:00Z')).toEqual(['a', 'b']);
    expect(await ids('2026-03-06T09:00:00Z', '2026-03-06T10:00:00Z')).toEqual([]);
    expect(await ids('2026-03-06T10:59:59Z', '2026-03-07T00:00:00Z')).toEqual(['b']);
  });

  it('bumps the policy version on every resource or settings change', async () => {
    const store = await openStore();
    await store.createResource({ name: 'R', category: 'other', kind: 'video', patterns: ['https://v.example.org/*'] });
    expect((await store.getPolicy()).version).toBe(1);
    expect((await store.updateSettings({ idleSeconds: 300 })).version).toBe(2);
  });

  it('forgets a deleted token', async () => {
    const store = await openStore();
    await store.saveToken({ tokenHash: 't', userId: 'u', createdAt: '2026-03-06T02:00:00.000Z' });
    await store.deleteToken('t');
    expect(await store.findToken('t')).toBeNull();
    expect((await onDisk()).tokens).toEqual([]);
  });

  it('refuses changes after close', async () => {
    const store = await openStore();
    await store.close();
    await expect(store.createUnit({ name: 'late', parentId: null })).rejects.toThrow(/closed/);
  });
});
