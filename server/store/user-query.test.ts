// Reading people by unit or by id: the filters' one meaning, and the embedded store answering them
// in creation order (counts too), the same after reopening.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from './lowdb-store.ts';
import type { Store } from './records.ts';
import { userQuerySchema } from './user-query.ts';

let dir: string;
const open: Store[] = [];
const openStore = async () => {
  const store = await openLowdbStore(dir, { clock: () => Date.parse('2026-03-06T02:00:00Z'), timeZone: 'Asia/Shanghai' });
  open.push(store);
  return store;
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-users-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('listUsers and countUsers with a query', () => {
  it('filter by current unit and by id, both together, and give everyone without a query', async () => {
    const store = await openStore();
    const a = await store.createUnit({ name: 'A', parentId: null });
    const b = await store.createUnit({ name: 'B', parentId: a.id });
    const person = (username: string, unitId: string | null) => store.createUser({ username, name: username, role: 'staff', unitId, passwordHash: 'x' });
    const p1 = await person('p1', a.id);
    const p2 = await person('p2', b.id);
    const p3 = await person('p3', null);
    const p4 = await person('p4', a.id);
    const admin = { actor: { id: 'x', name: 'x' }, reason: null };
    // A move counts where the person is now.
    await store.updateUser(p4.id, { unitId: b.id }, admin);
    const names = async (s: Store, query?: Parameters<Store['listUsers']>[0]) => (await s.listUsers(query)).map((u) => u.username);
    const check = async (s: Store) => {
      expect(await names(s)).toEqual(['p1', 'p2', 'p3', 'p4']);
      expect(await names(s, {})).toEqual(['p1', 'p2', 'p3', 'p4']);
      expect(await names(s, { unitIds: [b.id] })).toEqual(['p2', 'p4']);
      expect(await names(s, { unitIds: [b.id, a.id] })).toEqual(['p1', 'p2', 'p4']);
      expect(await names(s, { unitIds: [] })).toEqual([]);
      expect(await names(s, { ids: [p3.id, p1.id, 'nobody'] })).toEqual(['p1', 'p3']);
      expect(await names(s, { ids: [p1.id, p2.id], unitIds: [b.id] })).toEqual(['p2']);
      expect(await s.countUsers()).toBe(4);
      expect(await s.countUsers({ unitIds: [a.id] })).toBe(1);
      expect(await s.countUsers({ ids: [p2.id, p3.id] })).toBe(2);
    };
    await check(store);
    await store.close();
    await check(await openStore());
  });

  it('refuses unknown filters and ids that are no identifiers', async () => {
    for (const bad of [{ unitId: 'u1' }, { ids: ['has space'] }, { unitIds: [''] }, { ids: 'p1' }]) {
      expect(userQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    const store = await openStore();
    await expect(store.listUsers({ active: true } as never)).rejects.toThrow();
  });
});
