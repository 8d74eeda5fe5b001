// The core Store contract (server/store/store-contract.ts), on both engines: organisation, policy, sign-ins,
// audit, sync and day totals, notes. What only the embedded store has (its files, journal and crash
// recovery) stays in server/store/lowdb-store.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import type { Note } from '../../shared/schemas/notes.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { segmentContentHash } from '../../server/store/content-hash.ts';
import { ConflictError, DuplicateError, MissingReferenceError, NotFoundError, type CheckedSegment, type Store } from '../../server/store/store-contract.ts';
import { userMatcher } from '../../server/store/user-query.ts';
import { describeEachEngine } from '../support/store-engines.ts';
import { note } from '../support/store-notes.ts';

const at = (iso: string) => Date.parse(iso);
const admin = { actor: { id: 'admin1', name: '管理员' }, reason: null };
const S1 = '0e3b6f0a-1111-4111-8111-000000000001';
const S2 = '0e3b6f0a-1111-4111-8111-000000000002';
const S3 = '0e3b6f0a-1111-4111-8111-000000000003';
function segment(id: string, from: string, to: string, overrides: Partial<CheckedSegment> = {}): CheckedSegment {
  return { id, resourceId: 'res1', url: 'https://learn.example.org/a', title: 'A', startMs: at(from), endMs: at(to), mode: 'reading', policyVersion: 1, ...overrides };
}
const sync = (store: Store, personId: string, accepted: CheckedSegment[], extra: Partial<Parameters<Store['recordSync']>[0]> = {}) =>
  store.recordSync({ personId, deviceId: 'd1', accepted, refused: [], notes: [], ...extra });

describeEachEngine('store contract', ({ open }) => {
  let nowMs = at('2026-03-06T10:00:00+08:00');
  const clock = () => nowMs;
  const openStore = () => open({ clock });
  /** The store as a restart finds it: this one closed, a new one opened on the same data. */
  const reopen = async (store: Store) => {
    await store.close();
    return openStore();
  };
  beforeEach(() => {
    nowMs = at('2026-03-06T10:00:00+08:00');
  });

  describe('lifecycle', () => {
    it('starts empty with the default settings and policy version 0', async () => {
      const store = await openStore();
      expect(await store.countUsers()).toBe(0);
      expect(await store.getPolicy()).toEqual({ version: 0, resources: [], settings: { idleSeconds: 120, mediaPresenceSeconds: 1800 } });
      expect(await store.getSettings()).toEqual(DEFAULT_SETTINGS);
      expect(await store.policyHistory()).toEqual([{ version: 0, at: new Date(0).toISOString(), settings: { idleSeconds: 120, mediaPresenceSeconds: 1800, dailyCapSeconds: 28_800 }, resources: [] }]);
      expect(await store.noteSeq()).toBe(0);
      expect(await store.health()).toEqual({ writable: true });
    });

    it('keeps everything across a restart', async () => {
      const first = await openStore();
      const unit = await first.createUnit({ name: 'Office', parentId: null });
      const user = await first.createUser({ username: 'Zhang.Wei', name: '张伟', role: 'staff', unitId: unit.id, passwordHash: 'h' });
      const resource = await first.createResource({ name: 'R', category: 'other', kind: 'reading', patterns: ['https://*.example.org/*'] });
      const token = await first.saveToken({ tokenHash: 't', userId: user.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
      await sync(first, user.id, [segment(S1, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00', { resourceId: resource.id })]);
      const second = await reopen(first);
      expect(await second.findUserByUsername('zhang.wei')).toEqual(user);
      expect(await second.findUserById(user.id)).toEqual(user);
      expect(await second.findUnit(unit.id)).toEqual(unit);
      expect(await second.findResource(resource.id)).toEqual(resource);
      expect(await second.findToken('t')).toEqual(token);
      expect((await second.getPolicy()).resources).toEqual([{ id: resource.id, name: 'R', category: 'other', kind: 'reading', patterns: ['https://*.example.org/*'] }]);
      const [stored] = await second.segmentsForPerson(user.id, 0, Number.MAX_SAFE_INTEGER);
      expect(stored).toEqual({ ...segment(S1, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00', { resourceId: resource.id }), personId: user.id, deviceId: 'd1', receivedMs: nowMs });
      expect(await second.dayTotals(user.id, 0, 99999)).toEqual([
        expect.objectContaining({ day: dayNumber('2026-03-06'), rawSeconds: 600, creditedSeconds: 600, byResource: [resource.id, 600] }),
      ]);
    });

    it('refuses changes after close', async () => {
      const store = await openStore();
      await store.close();
      await expect(store.createUnit({ name: 'late', parentId: null })).rejects.toThrow(/closed/);
    });
  });

  describe('organisation', () => {
    it('rejects a taken username whatever its case, and an unknown unit, without changing anything', async () => {
      const store = await openStore();
      const unit = await store.createUnit({ name: 'U', parentId: null });
      await store.createUser({ username: 'li', name: 'Li', role: 'staff', unitId: unit.id, passwordHash: 'h' });
      await expect(store.createUser({ username: 'LI', name: 'x', role: 'staff', unitId: unit.id, passwordHash: 'h' })).rejects.toThrow(DuplicateError);
      await expect(store.createUser({ username: 'wang', name: 'x', role: 'staff', unitId: 'nope', passwordHash: 'h' })).rejects.toThrow(MissingReferenceError);
      await expect(store.createUnit({ name: 'child', parentId: 'nope' })).rejects.toThrow(MissingReferenceError);
      expect(await store.listUsers()).toHaveLength(1);
      expect(await store.listAudit({ limit: 10 })).toEqual([]);
    });

    it('refuses to move a unit under its own subtree, and removes a unit with its audit entry', async () => {
      const store = await openStore();
      const top = await store.createUnit({ name: 'top', parentId: null });
      const mid = await store.createUnit({ name: 'mid', parentId: top.id });
      const leaf = await store.createUnit({ name: 'leaf', parentId: mid.id });
      await expect(store.updateUnit(top.id, { parentId: leaf.id }, admin)).rejects.toThrow(ConflictError);
      await expect(store.updateUnit(top.id, { parentId: top.id }, admin)).rejects.toThrow(ConflictError);
      await expect(store.updateUnit('nope', { name: 'x' }, admin)).rejects.toThrow(NotFoundError);
      expect((await store.updateUnit(leaf.id, { parentId: top.id, name: 'moved' }, admin)).parentId).toBe(top.id);
      await store.deleteUnit(mid.id, admin);
      expect((await store.listUnits()).map((u) => u.name)).toEqual(['top', 'moved']);
      expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'unit.delete', target: `unit:${mid.id}`, details: 'mid, under top' });
    });

    it('revokes a person’s tokens on deactivation or a new password, and keeps the last admin', async () => {
      const store = await openStore();
      const a = await store.createUser({ username: 'a', name: 'A', role: 'admin', unitId: null, passwordHash: 'h' });
      const s = await store.createUser({ username: 's', name: 'S', role: 'staff', unitId: null, passwordHash: 'h' });
      for (const hash of ['t1', 't2']) await store.saveToken({ tokenHash: hash, userId: s.id, kind: 'device', label: '', deviceId: null, expiresAt: null });
      await store.updateUser(s.id, { passwordHash: 'h2' }, admin, 't1');
      expect((await store.tokensOf(s.id)).map((t) => t.tokenHash)).toEqual(['t1']);
      await store.updateUser(s.id, { active: false }, admin);
      expect(await store.tokensOf(s.id)).toEqual([]);
      await expect(store.updateUser(a.id, { role: 'staff' }, admin)).rejects.toThrow(ConflictError);
      expect((await store.listAudit({ limit: 2 })).map((e) => [e.action, e.details])).toEqual([
        ['person.update', 's: active: true → false; 1 sign-in(s) revoked'],
        ['person.password', 's: password changed; 1 sign-in(s) revoked'],
      ]);
      // A move starts a new period of membership today; the old one ends yesterday.
      const unit = await store.createUnit({ name: 'U', parentId: null });
      nowMs = at('2026-03-10T10:00:00+08:00');
      const moved = await store.updateUser(a.id, { unitId: unit.id }, admin);
      expect(moved.memberships.map((m) => [m.from, m.to, m.unitId])).toEqual([
        ['2026-03-06', '2026-03-09', null],
        ['2026-03-10', null, unit.id],
      ]);
      expect(await (await reopen(store)).findUserById(a.id)).toEqual(moved);
    });

    it('writes an audit entry with every administrative change, newest first, and finds them by target', async () => {
      const store = await openStore();
      const unit = await store.createUnit({ name: 'U', parentId: null }, admin);
      await store.updateUnit(unit.id, { name: 'V' }, { ...admin, reason: '更名', address: '10.0.0.7' });
      const entries = await store.listAudit({ limit: 10 });
      expect(entries.map((e) => [e.id, e.action, e.details, e.reason, e.address])).toEqual([
        ['2', 'unit.update', 'name: "U" → "V"', '更名', '10.0.0.7'],
        ['1', 'unit.create', 'U, parent -', null, null],
      ]);
      expect(await store.listAudit({ limit: 10, before: '2' })).toHaveLength(1);
      expect((await store.auditFor([`unit:${unit.id}`, 'unit:other'])).map((e) => e.action)).toEqual(['unit.create', 'unit.update']);
    });

    it('filters people by current unit and by id, in the order they were created, and counts them, the same after reopening', async () => {
      const store = await openStore();
      const a = await store.createUnit({ name: 'A', parentId: null });
      const b = await store.createUnit({ name: 'B', parentId: a.id });
      const person = (username: string, unitId: string | null) => store.createUser({ username, name: username, role: 'staff', unitId, passwordHash: 'x' });
      const p1 = await person('p1', a.id);
      const p2 = await person('p2', b.id);
      const p3 = await person('p3', null);
      const p4 = await person('p4', a.id);
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
      await check(await reopen(store));
    });

    it('finds who belonged to some units on some day of a range by their membership history, as userMatcher means it, the same after reopening', async () => {
      const store = await openStore();
      const a = await store.createUnit({ name: 'A', parentId: null });
      const b = await store.createUnit({ name: 'B', parentId: a.id });
      const c = await store.createUnit({ name: 'C', parentId: null });
      const person = (username: string, unitId: string | null, memberSince?: string) =>
        store.createUser({ username, name: username, role: 'staff', unitId, passwordHash: 'x', ...(memberSince && { memberSince }) });
      // Today is 2026-03-06. p2 was in C from 1 January and moves to B today; p4 leaves A today.
      const p1 = await person('p1', a.id, '2026-01-01');
      const p2 = await person('p2', c.id, '2026-01-01');
      await person('p3', c.id);
      const p4 = await person('p4', a.id, '2026-02-01');
      await person('p5', null, '2026-01-01');
      await store.updateUser(p2.id, { unitId: b.id }, admin);
      await store.updateUser(p4.id, { active: false }, admin);
      const belongedTo = (unitIds: string[], from: string, to: string) => ({ belongedTo: { unitIds, from, to } });
      const names = async (s: Store, query: Parameters<Store['listUsers']>[0]) => (await s.listUsers(query)).map((u) => u.username);
      const check = async (s: Store) => {
        expect(await names(s, belongedTo([b.id], '2026-01-01', '2026-02-28'))).toEqual([]);
        expect(await names(s, belongedTo([c.id], '2026-01-01', '2026-02-28'))).toEqual(['p2']);
        expect(await names(s, belongedTo([c.id], '2026-03-06', '2026-03-06'))).toEqual(['p3']);
        expect(await names(s, belongedTo([a.id, b.id], '2026-01-01', '2026-12-31'))).toEqual(['p1', 'p2', 'p4']);
        expect(await names(s, belongedTo([a.id, b.id], '2026-03-07', '2026-12-31'))).toEqual(['p1', 'p2']);
        expect(await names(s, belongedTo([a.id], '2025-01-01', '2025-12-31'))).toEqual([]);
        expect(await names(s, belongedTo([], '2026-01-01', '2026-12-31'))).toEqual([]);
        expect(await names(s, { ...belongedTo([a.id, b.id, c.id], '2026-01-01', '2026-12-31'), ids: [p1.id, p4.id] })).toEqual(['p1', 'p4']);
        expect(await s.countUsers(belongedTo([a.id, b.id, c.id], '2026-01-01', '2026-12-31'))).toBe(4);
        // The engine answers what the one matcher means, whatever the histories came to be.
        for (const query of [belongedTo([a.id, c.id], '2026-02-15', '2026-03-05'), belongedTo([b.id, c.id], '2026-03-06', '2026-03-06')]) {
          expect(await s.listUsers(query)).toEqual((await s.listUsers()).filter(userMatcher(query)));
        }
      };
      await check(store);
      await check(await reopen(store));
    });

    it('refuses unknown filters on people', async () => {
      const store = await openStore();
      await expect(store.listUsers({ active: true } as never)).rejects.toThrow();
      await expect(store.countUsers({ ids: ['has space'] })).rejects.toThrow();
      await expect(store.listUsers({ belongedTo: { unitIds: ['u1'], from: '2026-01-01' } } as never)).rejects.toThrow();
      await expect(store.listUsers({ belongedTo: { unitIds: ['u1'], from: '2026-01-01', to: '2026-13-01' } })).rejects.toThrow();
    });
  });

  describe('policy', () => {
    it('versions the policy on every change to what extensions follow, and keeps the history', async () => {
      const store = await openStore();
      const r = await store.createResource({ name: 'R', category: 'other', kind: 'video', patterns: ['https://v.example.org/*'] });
      expect((await store.getPolicy()).version).toBe(1);
      await store.updateSettings({ ...DEFAULT_SETTINGS, annualTargetHours: 80 }, admin);
      expect((await store.getPolicy()).version).toBe(1);
      await store.updateSettings({ ...DEFAULT_SETTINGS, idleSeconds: 300 }, admin);
      expect((await store.getPolicy()).version).toBe(2);
      expect(await store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, idleSeconds: 300 });
      await store.updateResource(r.id, { active: false }, admin);
      expect(await store.getPolicy()).toMatchObject({ version: 3, resources: [] });
      const history = await store.policyHistory();
      expect(history.map((p) => [p.version, p.resources.length, p.settings.idleSeconds])).toEqual([
        [0, 0, 120],
        [1, 1, 120],
        [2, 1, 300],
        [3, 0, 300],
      ]);
      expect((await store.listAudit({ limit: 3 })).map((e) => e.details)).toEqual(['active: true → false', 'idleSeconds: 120 → 300; annualTargetHours: 80 → 50', 'annualTargetHours: 50 → 80']);
      expect(await (await reopen(store)).policyHistory()).toEqual(history);
    });
  });

  describe('sign-ins', () => {
    it("lists a device's last use to the minute while it runs, and keeps it to the hour in the store", async () => {
      const first = await openStore();
      const unit = await first.createUnit({ name: 'Office', parentId: null });
      const user = await first.createUser({ username: 'zhang.wei', name: '张伟', role: 'staff', unitId: unit.id, passwordHash: 'h' });
      await first.saveToken({ tokenHash: 't', userId: user.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
      const savedAt = new Date(nowMs).toISOString();
      nowMs += 20 * 60_000;
      await first.touchToken('t');
      nowMs += 5 * 60_000;
      await first.touchToken('t');
      expect((await first.tokensOf(user.id))[0]!.lastUsedAt).toBe(new Date(nowMs).toISOString());
      // Not a write per request: the stored record still says when it was last written.
      expect((await first.findToken('t'))!.lastUsedAt).toBe(savedAt);
      // The device id it first synced for is written at once, and kept.
      await first.touchToken('t', 'device-1');
      await first.touchToken('t', 'device-2');
      expect((await first.findToken('t'))!.deviceId).toBe('device-1');
      nowMs += 60 * 60_000;
      await first.touchToken('t');
      const touchedAt = new Date(nowMs).toISOString();
      const second = await reopen(first);
      expect((await second.tokensOf(user.id))[0]).toMatchObject({ lastUsedAt: touchedAt, deviceId: 'device-1' });
    });

    it('finds a token with its user in one read, and neither for an unknown token or an erased user', async () => {
      const store = await openStore();
      const user = await store.createUser({ username: 'li', name: 'Li', role: 'staff', unitId: null, passwordHash: 'h' });
      const token = await store.saveToken({ tokenHash: 'a', userId: user.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
      expect(await store.findSignIn('a')).toEqual({ token, user });
      expect(await store.findSignIn('nope')).toBeNull();
      // Read, then used from a device: the device is written at once, the time only hourly (as without the read).
      await store.touchToken('a', 'device-1');
      nowMs += 10 * 60_000;
      await store.touchToken('a');
      expect((await store.findSignIn('a'))!.token).toMatchObject({ deviceId: 'device-1', lastUsedAt: token.lastUsedAt });
      nowMs += 60 * 60_000;
      await store.touchToken('a');
      const again = await reopen(store);
      expect((await again.findToken('a'))!.lastUsedAt).toBe(new Date(nowMs).toISOString());
      await again.erasePerson(user.id, admin);
      expect(await again.findSignIn('a')).toBeNull();
    });

    it('revokes a device with an audit entry, and forgets a deleted token', async () => {
      const store = await openStore();
      const user = await store.createUser({ username: 'li', name: 'Li', role: 'staff', unitId: null, passwordHash: 'h' });
      const device = await store.saveToken({ tokenHash: 'a', userId: user.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
      await store.saveToken({ tokenHash: 'b', userId: user.id, kind: 'session', label: '', deviceId: null, expiresAt: '2026-03-07T10:00:00.000Z' });
      await store.revokeToken(device.id, admin);
      await expect(store.revokeToken(device.id, admin)).rejects.toThrow(NotFoundError);
      await store.deleteToken('b');
      expect(await store.findToken('a')).toBeNull();
      expect(await store.tokensOf(user.id)).toEqual([]);
      expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'device.revoke', target: `person:${user.id}`, details: 'li: device laptop' });
    });
  });

  describe('sync and daily totals', () => {
    it('answers a re-sent id as before, and an id with other content or from another person as id_reused', async () => {
      const store = await openStore();
      const s = segment(S1, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00');
      const first = await sync(store, 'p1', [s, s]);
      expect([...first.segments]).toEqual([[S1, { kind: 'accepted' }]]);
      expect((await sync(store, 'p1', [s])).segments.get(S1)).toEqual({ kind: 'accepted' });
      expect((await sync(store, 'p1', [{ ...s, title: 'changed' }])).segments.get(S1)).toEqual({ kind: 'id_reused' });
      expect((await sync(store, 'p2', [s])).segments.get(S1)).toEqual({ kind: 'id_reused' });
      expect(await store.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
      expect(await store.segmentsForPerson('p2', 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    });

    it('stores the same ids sent at once, by the same person or by two, once', async () => {
      const store = await openStore();
      const s = segment(S1, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00');
      const results = await Promise.all([sync(store, 'p1', [s]), sync(store, 'p1', [s]), sync(store, 'p2', [s])]);
      const verdicts = results.map((r) => r.segments.get(S1)!.kind);
      expect(verdicts.filter((v) => v === 'accepted').length).toBeGreaterThanOrEqual(1);
      const stored = [...(await store.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)), ...(await store.segmentsForPerson('p2', 0, Number.MAX_SAFE_INTEGER))];
      expect(stored).toHaveLength(1);
      // Whoever stored it was told accepted; the other person id_reused.
      expect(verdicts[stored[0]!.personId === 'p1' ? 2 : 0]).toBe('id_reused');
    });

    it('answers a batch of new and re-sent ids each as alone, recounting the day, and a re-sent id refused with no seconds as stored', async () => {
      const store = await openStore();
      const s1 = segment(S1, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00');
      const s2 = segment(S2, '2026-03-06T09:05:00+08:00', '2026-03-06T09:15:00+08:00');
      await sync(store, 'p1', [s1]);
      const mixed = await sync(store, 'p1', [s1, s2, { ...s2, title: 'other' }]);
      expect([...mixed.segments]).toEqual([
        [S1, { kind: 'accepted' }],
        [S2, { kind: 'id_reused' }],
      ]);
      expect(await store.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(2);
      expect((await store.dayTotals('p1', 0, 99_999)).map((d) => d.creditedSeconds)).toEqual([900]);
      const empty = { reason: 'invalid' as const, code: 'invalid_segment', message: 'no', contentHash: 'x', startMs: s1.startMs, endMs: s1.startMs };
      const refused = await sync(store, 'p1', [], { refused: [{ ...empty, id: S1 }, { ...empty, id: S3 }] });
      expect([...refused.segments]).toEqual([
        [S1, { kind: 'id_reused' }],
        [S3, { kind: 'rejected', code: 'invalid_segment', message: 'no' }],
      ]);
      expect(await store.refusedForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    });

    it('keeps refused seconds with their reason but not their URL, and repeats the verdict', async () => {
      const store = await openStore();
      const content = { resourceId: 'res1', url: 'https://secret.example.com/private', title: 'private', startMs: at('2026-03-06T08:00:00+08:00'), endMs: at('2026-03-06T08:05:00+08:00'), mode: 'reading' };
      const refused = { id: S2, reason: 'outside_allowlist' as const, code: 'url_outside_resource', message: 'no', contentHash: segmentContentHash(content), startMs: content.startMs, endMs: content.endMs };
      const result = await sync(store, 'p1', [], { refused: [refused] });
      expect(result.segments.get(S2)).toEqual({ kind: 'rejected', code: 'url_outside_resource', message: 'no' });
      expect((await sync(store, 'p1', [], { refused: [refused] })).segments.get(S2)).toEqual({ kind: 'rejected', code: 'url_outside_resource', message: 'no' });
      expect((await sync(store, 'p1', [], { refused: [{ ...refused, contentHash: 'other' }] })).segments.get(S2)).toEqual({ kind: 'id_reused' });
      expect(await store.dayTotals('p1', 0, 99999)).toEqual([expect.objectContaining({ rawSeconds: 300, creditedSeconds: 0, outsideAllowlistSeconds: 300 })]);
      expect(await store.refusedForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toEqual([{ ...refused, personId: 'p1', deviceId: 'd1', receivedMs: nowMs }]);
    });

    it('maintains daily totals on ingest: overlap across devices once, the daily cap, per resource, and per segment', async () => {
      const store = await openStore();
      await store.updateSettings({ ...DEFAULT_SETTINGS, dailyCapSeconds: 3600 }, admin);
      const version = (await store.getPolicy()).version;
      await sync(store, 'p1', [segment(S1, '2026-03-05T09:00:00+08:00', '2026-03-05T09:40:00+08:00', { policyVersion: version })]);
      await store.recordSync({
        personId: 'p1',
        deviceId: 'phone',
        accepted: [segment(S2, '2026-03-05T09:20:00+08:00', '2026-03-05T10:20:00+08:00', { resourceId: 'res2', policyVersion: version })],
        refused: [],
        notes: [],
      });
      const day = dayNumber('2026-03-05');
      expect(await store.dayTotals('p1', day, day)).toEqual([
        {
          personId: 'p1',
          day,
          rawSeconds: 6000,
          creditedSeconds: 3600,
          overlapSeconds: 1200,
          dailyCapSeconds: 1200,
          outsideAllowlistSeconds: 0,
          invalidSeconds: 0,
          byResource: ['res1', 2400, 'res2', 1200],
        },
      ]);
      expect(await store.segmentCredits('p1', day, day)).toEqual(
        new Map([
          [S1, { rawSeconds: 2400, creditedSeconds: 2400, overlapSeconds: 0, dailyCapSeconds: 0 }],
          [S2, { rawSeconds: 3600, creditedSeconds: 1200, overlapSeconds: 1200, dailyCapSeconds: 1200 }],
        ]),
      );
      expect(await store.dayTotals('p1', day + 1, day + 5)).toEqual([]);
    });

    it('counts a segment across midnight on both days, in the organisation zone', async () => {
      const store = await openStore();
      await sync(store, 'p1', [segment(S1, '2026-03-05T23:50:00+08:00', '2026-03-06T00:20:00+08:00')]);
      expect((await store.dayTotals('p1', 0, 99999)).map((d) => [d.day, d.creditedSeconds])).toEqual([
        [dayNumber('2026-03-05'), 600],
        [dayNumber('2026-03-06'), 1200],
      ]);
      expect((await store.segmentCredits('p1', dayNumber('2026-03-05'), dayNumber('2026-03-06'))).get(S1)).toMatchObject({ rawSeconds: 1800, creditedSeconds: 1800 });
      expect(await store.segmentsForPerson('p1', at('2026-03-06T00:00:00+08:00'), at('2026-03-06T01:00:00+08:00'))).toHaveLength(1);
      expect(await store.segmentsForPerson('p1', at('2026-03-06T00:20:00+08:00'), at('2026-03-06T01:00:00+08:00'))).toEqual([]);
    });

    it('answers a whole-history range (the personal export asks for ±Infinity ms and ±MAX_SAFE_INTEGER days)', async () => {
      const store = await openStore();
      await sync(store, 'p1', [segment(S1, '2026-03-06T09:00:00+08:00', '2026-03-06T09:30:00+08:00')]);
      expect((await store.segmentsForPerson('p1', Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).map((s) => s.id)).toEqual([S1]);
      expect(await store.refusedForPerson('p1', Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toEqual([]);
      expect((await store.dayTotals('p1', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).map((d) => [d.day, d.creditedSeconds])).toEqual([[dayNumber('2026-03-06'), 1800]]);
    });

    it("reads many people's daily totals at once, as each one's own read would (the unit report)", async () => {
      const store = await openStore();
      await sync(store, 'p1', [segment(S1, '2026-03-05T09:00:00+08:00', '2026-03-05T09:30:00+08:00'), segment(S2, '2026-03-07T09:00:00+08:00', '2026-03-07T10:00:00+08:00')]);
      await sync(store, 'p2', [segment(S3, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00')]);
      const from = dayNumber('2026-03-06');
      const to = dayNumber('2026-03-07');
      const batch = await store.dayTotalsOf(['p1', 'p2', 'nobody'], from, to);
      expect([...batch.keys()].sort()).toEqual(['nobody', 'p1', 'p2']);
      expect(batch.get('p1')).toEqual(await store.dayTotals('p1', from, to));
      expect(batch.get('p1')!.map((d) => [d.day, d.creditedSeconds])).toEqual([[to, 3600]]);
      expect(batch.get('p2')!.map((d) => [d.day, d.creditedSeconds])).toEqual([[from, 600]]);
      expect(batch.get('nobody')).toEqual([]);
      expect(await store.dayTotalsOf([], from, to)).toEqual(new Map());
      const all = await store.dayTotalsOf(['p1'], Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      expect(all.get('p1')).toEqual(await store.dayTotals('p1', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
      expect(all.get('p1')).toHaveLength(2);
    });

    it('folds raw segments older than the retention window into the daily totals', async () => {
      const store = await openStore();
      await sync(store, 'p1', [segment(S1, '2026-03-01T09:00:00+08:00', '2026-03-01T10:00:00+08:00'), segment(S2, '2026-03-06T09:00:00+08:00', '2026-03-06T09:30:00+08:00')]);
      nowMs = at('2027-04-07T12:00:00+08:00'); // 2026-03-01 is now more than 400 days ago, 2026-03-06 is not
      await store.maintain();
      expect((await store.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).map((s) => s.id)).toEqual([S2]);
      expect((await store.dayTotals('p1', 0, 99999)).map((d) => d.creditedSeconds)).toEqual([3600, 1800]);
      const after = await reopen(store);
      expect((await after.dayTotals('p1', 0, 99999)).map((d) => d.creditedSeconds)).toEqual([3600, 1800]);
      expect(await after.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
    });

    it('erases a person and everything recorded about them, and only that, with its audit entry', async () => {
      const store = await openStore();
      const leaver = await store.createUser({ username: 'leaver', name: '离任者', role: 'staff', unitId: null, passwordHash: 'h' });
      const stayer = await store.createUser({ username: 'stayer', name: '留任者', role: 'staff', unitId: null, passwordHash: 'h' });
      await store.saveToken({ tokenHash: 'lt', userId: leaver.id, kind: 'device', label: '', deviceId: null, expiresAt: null });
      const refused = { id: S3, reason: 'invalid' as const, code: 'too_long', message: 'no', contentHash: 'h', startMs: at('2026-03-06T08:00:00+08:00'), endMs: at('2026-03-06T08:05:00+08:00') };
      await sync(store, leaver.id, [segment(S1, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00')], { refused: [refused], notes: [note(1)] });
      await sync(store, stayer.id, [segment(S2, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00')], { notes: [note(2)] });
      const erased = await store.erasePerson(leaver.id, admin);
      expect(erased!.counts).toEqual({ segments: 1, refused: 1, tokens: 1, dayTotals: 1, notes: 1 });
      expect(erased!.audit).toMatchObject({ action: 'person.erase', target: `person:${leaver.id}`, details: 'leaver (离任者): 1 segment(s), 1 refused, 1 day total(s), 1 note(s), 1 sign-in(s)' });
      expect(await store.erasePerson(leaver.id, admin)).toBeNull();
      expect(await store.findUserById(leaver.id)).toBeNull();
      expect(await store.findToken('lt')).toBeNull();
      expect(await store.segmentsForPerson(leaver.id, 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect(await store.refusedForPerson(leaver.id, 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect(await store.dayTotals(leaver.id, 0, 99999)).toEqual([]);
      expect(await store.findNote(note(1).id)).toBeNull();
      expect(await store.segmentsForPerson(stayer.id, 0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
      expect((await store.queryNotes({})).total).toBe(1);
      // The erased ids are free again: nothing remembers whose they were.
      expect((await sync(store, stayer.id, [segment(S1, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00')])).segments.get(S1)).toEqual({ kind: 'accepted' });
    });
  });

  describe('notes', () => {
    it('merges notes with the one rule, refuses another person’s note id, and pages changes by cursor', async () => {
      const store = await openStore();
      const first = note(6, { comment: 'first' });
      await sync(store, 'p1', [], { notes: [first] });
      const seq = await store.noteSeq();
      expect(seq).toBeGreaterThan(0);
      await sync(store, 'p1', [], { notes: [{ ...first, comment: 'older edit', updatedAt: '2026-03-06T00:00:00.000Z' }] });
      expect((await store.findNote(first.id))!.note.comment).toBe('first');
      expect(await store.noteSeq()).toBe(seq);
      expect((await sync(store, 'p2', [], { notes: [first] })).notes.get(first.id)).toBe('id_reused');
      await sync(store, 'p1', [], { notes: [{ ...first, comment: 'newer', updatedAt: '2026-03-06T02:00:00.000Z' }] });
      const changed = await store.notesChangedSince('p1', seq, 10);
      expect(changed.notes.map((n) => n.note.comment)).toEqual(['newer']);
      expect(changed.more).toBe(false);
      await store.setNoteReview(first.id, { reviewerId: 'l', reviewerName: 'L', reviewedAt: '2026-03-06T03:00:00.000Z', comment: '好' }, admin);
      expect((await store.notesChangedSince('p1', changed.notes[0]!.seq, 10)).notes[0]!.review?.comment).toBe('好');
      expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'note.review', details: 'note by p1: 好' });
      expect((await (await reopen(store)).findNote(first.id))!.review?.comment).toBe('好');
    });

    it('pages a person’s changes by cursor, tombstones included, and says when more are left', async () => {
      const store = await openStore();
      await sync(store, 'p1', [], { notes: [note(1), note(2), note(3)] });
      await sync(store, 'p1', [], { notes: [note(1, { deletedAt: '2026-03-06T00:00:00.000Z', updatedAt: '2026-03-06T00:00:00.000Z' })] });
      const page = await store.notesChangedSince('p1', 0, 2);
      expect(page.more).toBe(true);
      expect(page.notes.map((n) => n.note.title)).toEqual(['笔记 2', '笔记 3']);
      const rest = await store.notesChangedSince('p1', page.notes[1]!.seq, 2);
      expect(rest).toMatchObject({ more: false, notes: [{ note: { title: '笔记 1', deletedAt: '2026-03-06T00:00:00.000Z' } }] });
      await expect(store.setNoteReview(note(1).id, null, admin)).rejects.toThrow(NotFoundError);
    });

    it('orders notes created at the same instant by id, and pages through them without repeats or gaps', async () => {
      const store = await openStore();
      const same = '2026-03-05T01:00:00.000Z';
      const ids = ['5b0c1e9a-0000-4000-8000-00000000000c', '5b0c1e9a-0000-4000-8000-00000000000a', '5b0c1e9a-0000-4000-8000-00000000000b'];
      await sync(store, 'p1', [], { notes: ids.map((id) => note(1, { id, createdAt: same, updatedAt: same })) });
      const pages = [];
      for (let offset = 0; offset < 3; offset++) pages.push(...(await store.queryNotes({ offset, limit: 1 })).notes.map((n) => n.note.id));
      expect(pages).toEqual([...ids].sort());
    });

    it('answers the notes query from the notes as merged: edits in place, deletions and reviews seen, the same after reopening', async () => {
      let store = await openStore();
      await sync(store, 'p1', [], { notes: [note(1), note(2), note(3, { comment: 'Marxism and the STATE' })] });
      await sync(store, 'p2', [], { notes: [note(4, { tags: ['党史'], resourceId: 'res9' })] });
      // An edit replaces the note (it is not counted twice); a deletion takes it out of every read.
      await sync(store, 'p1', [], {
        notes: [note(1, { tags: ['党史'], updatedAt: '2026-03-06T00:00:00.000Z' }), note(2, { deletedAt: '2026-03-06T00:00:00.000Z', updatedAt: '2026-03-06T00:00:00.000Z' })],
      });
      await store.setNoteReview(note(3).id, { reviewerId: 'l', reviewerName: 'L', reviewedAt: '2026-03-06T03:00:00.000Z', comment: '' }, admin);
      const titles = (page: { notes: { note: Note }[] }) => page.notes.map((r) => r.note.title);
      for (const round of [1, 2]) {
        if (round === 2) store = await reopen(store);
        expect(titles(await store.queryNotes({}))).toEqual(['笔记 4', '笔记 3', '笔记 1']);
        expect(await store.queryNotes({ personIds: ['p1', 'p1', 'nobody'], limit: 1 })).toMatchObject({ total: 2, notes: [{ note: { title: '笔记 3' } }] });
        expect(titles(await store.queryNotes({ personIds: ['p1'], reviewed: 'no' }))).toEqual(['笔记 1']);
        expect(titles(await store.queryNotes({ reviewed: 'yes' }))).toEqual(['笔记 3']);
        expect(titles(await store.queryNotes({ tag: '党史', offset: 1, limit: 5 }))).toEqual(['笔记 1']);
        expect(titles(await store.queryNotes({ resourceId: 'res9' }))).toEqual(['笔记 4']);
        expect(titles(await store.queryNotes({ text: 'state  marxism' }))).toEqual(['笔记 3']);
        expect(titles(await store.queryNotes({ text: '党史 笔记' }))).toEqual(['笔记 4', '笔记 1']);
        expect(titles(await store.queryNotes({ fromMs: at('2026-03-03T01:00:00Z'), toMs: at('2026-03-04T01:00:00Z') }))).toEqual(['笔记 3']);
        expect(await store.queryNotes({ personIds: [] })).toEqual({ notes: [], total: 0 });
        expect(await store.queryNotes({ offset: 10, limit: 5 })).toEqual({ notes: [], total: 3 });
        expect(await store.countNotesByPerson({ fromMs: 0, toMs: at('2026-03-05T00:00:00Z') })).toEqual(new Map([['p1', 2], ['p2', 1]]));
        expect(await store.countNotesByPerson({ personIds: ['p2'], fromMs: 0, toMs: at('2026-03-04T00:00:00Z') })).toEqual(new Map());
      }
      await expect(store.queryNotes({ limit: 0 })).rejects.toThrow();
    });
  });
});
