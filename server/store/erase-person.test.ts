// Erasing a person removes everything recorded about them, and only that, in one durable write with
// its audit entry, and leaves none of it in the store's files (snapshot or journal).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '../../shared/schemas/notes.ts';
import { JOURNAL_FILE_NAME } from './journal.ts';
import { openLowdbStore, STORE_FILE_NAME } from './lowdb-store.ts';
import type { AuditContext, CheckedSegment, Store } from './store-contract.ts';

const clock = () => Date.parse('2026-03-06T02:00:00Z');
const TZ = 'Asia/Shanghai';
let dir: string;
const open: Store[] = [];

async function openStore(): Promise<Store> {
  const store = await openLowdbStore(dir, { clock, timeZone: TZ });
  open.push(store);
  return store;
}

const segmentId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const segment = (n: number, page = 'leaver-page'): CheckedSegment => ({
  id: segmentId(n),
  resourceId: 'res1',
  url: `https://learn.example.org/${page}`,
  title: 'A',
  startMs: Date.parse('2026-03-06T09:00:00+08:00') + n * 60_000,
  endMs: Date.parse('2026-03-06T09:10:00+08:00') + n * 60_000,
  mode: 'reading',
  policyVersion: 0,
});

const note: Note = {
  id: '5b0c1e9a-0000-4000-8000-000000000001',
  url: null,
  canonicalUrl: null,
  title: '离任笔记',
  resourceId: null,
  selectors: [],
  quote: '',
  comment: 'leaver-comment',
  tags: [],
  colour: 'yellow',
  mustRead: null,
  createdAt: '2026-03-06T01:00:00.000Z',
  updatedAt: '2026-03-06T01:00:00.000Z',
  deletedAt: null,
};

const admin: AuditContext = { actor: { id: 'admin1', name: '管理员' }, reason: '调离', address: '203.0.113.9' };
const diskText = async () =>
  (await readFile(path.join(dir, STORE_FILE_NAME), 'utf8').catch(() => '')) + (await readFile(path.join(dir, JOURNAL_FILE_NAME), 'utf8').catch(() => ''));

async function twoPeople(store: Store) {
  const unit = await store.createUnit({ name: '研究室', parentId: null });
  const person = (username: string) => store.createUser({ username, name: username, role: 'staff', unitId: unit.id, passwordHash: 'x' });
  const leaver = await person('Leaver');
  const stayer = await person('stayer');
  const refused = {
    id: segmentId(9),
    reason: 'outside_allowlist' as const,
    code: 'url_outside_resource',
    message: 'no',
    contentHash: 'h',
    startMs: Date.parse('2026-03-06T08:00:00+08:00'),
    endMs: Date.parse('2026-03-06T08:05:00+08:00'),
  };
  await store.recordSync({ personId: leaver.id, deviceId: 'd1', accepted: [segment(1), segment(2)], refused: [refused], notes: [note] });
  await store.recordSync({ personId: stayer.id, deviceId: 'd2', accepted: [segment(3, 'stayer-page')], refused: [], notes: [] });
  await store.setNoteReview(note.id, { reviewerId: 'l', reviewerName: 'L', reviewedAt: '2026-03-06T03:00:00.000Z', comment: '好' }, admin);
  await store.saveToken({ tokenHash: 'h-leaver', userId: leaver.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
  await store.saveToken({ tokenHash: 'h-stayer', userId: stayer.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
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
  it('removes the account, sign-ins, segments, refused segments, day totals and notes of that person only, with an audit entry, durably', async () => {
    const store = await openStore();
    const { leaver, stayer } = await twoPeople(store);
    expect(await diskText()).toContain('leaver-page');
    const result = await store.erasePerson(leaver.id, admin);
    expect(result?.counts).toEqual({ segments: 2, refused: 1, tokens: 1, dayTotals: 1, notes: 1 });
    expect(result?.audit).toMatchObject({
      at: '2026-03-06T02:00:00.000Z',
      actorId: 'admin1',
      actorName: '管理员',
      action: 'person.erase',
      target: `person:${leaver.id}`,
      reason: '调离',
      address: '203.0.113.9',
    });

    await store.close();
    {
      const reopened = await openStore();
      expect(await reopened.findUserById(leaver.id)).toBeNull();
      expect(await reopened.findUserByUsername('leaver')).toBeNull();
      expect(await reopened.findToken('h-leaver')).toBeNull();
      expect(await reopened.tokensOf(leaver.id)).toEqual([]);
      expect(await reopened.segmentsForPerson(leaver.id, 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect(await reopened.refusedForPerson(leaver.id, 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
      expect(await reopened.dayTotals(leaver.id, 0, 99999)).toEqual([]);
      expect(await reopened.findNote(note.id)).toBeNull();
      expect(await reopened.queryNotes({})).toEqual({ notes: [], total: 0 });
      expect(await reopened.findUserById(stayer.id)).not.toBeNull();
      expect(await reopened.findToken('h-stayer')).not.toBeNull();
      expect((await reopened.segmentsForPerson(stayer.id, 0, Number.MAX_SAFE_INTEGER)).map((s) => s.id)).toEqual([segmentId(3)]);
      expect(await reopened.dayTotals(stayer.id, 0, 99999)).toHaveLength(1);
      expect((await reopened.auditFor([`person:${leaver.id}`])).at(-1)).toEqual(result!.audit);
    }
    // The journal held the earlier syncs: the files were rewritten without them.
    const disk = await diskText();
    expect(disk).not.toContain('leaver-page');
    expect(disk).not.toContain('leaver-comment');
    expect(disk).not.toContain('h-leaver');
  });

  it('frees the username and accepts the erased segment and note ids again for someone else', async () => {
    const store = await openStore();
    const { leaver, stayer } = await twoPeople(store);
    await store.erasePerson(leaver.id, admin);
    const again = await store.createUser({ username: 'leaver', name: 'New', role: 'staff', unitId: null, passwordHash: 'x' });
    expect(again.id).not.toBe(leaver.id);
    const result = await store.recordSync({ personId: stayer.id, deviceId: 'd2', accepted: [segment(1)], refused: [], notes: [note] });
    expect(result.segments.get(segmentId(1))).toEqual({ kind: 'accepted' });
    expect(result.notes.get(note.id)).toBe('accepted');
  });

  it('answers null for an unknown person and changes nothing', async () => {
    const store = await openStore();
    await twoPeople(store);
    const before = await diskText();
    expect(await store.erasePerson('nobody', admin)).toBeNull();
    expect(await diskText()).toBe(before);
  });
});
