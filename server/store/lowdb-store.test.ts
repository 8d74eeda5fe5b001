// The embedded store's own behaviour: its files, journal, group commit, compaction and crash recovery.
// What any engine must do (the Store contract) is tested on both engines in test/store/.
import { appendFile, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { withChecksum } from './checked-line.ts';
import { segmentContentHash } from './content-hash.ts';
import { encodeLine, JOURNAL_FILE_NAME, PREPARED_JOURNAL_FILE_NAME, RETIRED_JOURNAL_FILE_NAME } from './journal.ts';
import { openLowdbStore, STORE_FILE_NAME } from './lowdb-store.ts';
import { packId } from './packed-id.ts';
import { StoreFileError, type CheckedSegment, type Store } from './store-contract.ts';

const TZ = 'Asia/Shanghai';
let nowMs = Date.parse('2026-03-06T10:00:00+08:00');
const clock = () => nowMs;

let dir: string;
let file: string;
let journalFile: string;
const open: Store[] = [];

async function openStore(options: { onDurableWrite?: () => void; compactAtBytes?: number; at?: string } = {}): Promise<Store> {
  const store = await openLowdbStore(options.at ?? dir, { clock, timeZone: TZ, ...options });
  open.push(store);
  return store;
}

/** What a crash at this instant leaves: the folder's files, copied elsewhere. */
async function crashCopy(folder: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'studytrail-crash-'));
  for (const name of await readdir(folder)) if (!name.endsWith('.lock')) await cp(path.join(folder, name), path.join(copy, name));
  return copy;
}

/** The store's folder as a crash at this instant leaves it, opened by a new store. */
async function reopenAfterCrash(): Promise<Store> {
  return openStore({ at: await crashCopy(dir) });
}

const at = (iso: string) => Date.parse(iso);
/** A snapshot line's value (schema 6: after its checksum). */
const lineValue = (line: string) => JSON.parse(line.slice(9));
const S1 = '0e3b6f0a-1111-4111-8111-000000000001';
const S2 = '0e3b6f0a-1111-4111-8111-000000000002';
const S3 = '0e3b6f0a-1111-4111-8111-000000000003';
function segment(id: string, from: string, to: string, overrides: Partial<CheckedSegment> = {}): CheckedSegment {
  return { id, resourceId: 'res1', url: 'https://learn.example.org/a', title: 'A', startMs: at(from), endMs: at(to), mode: 'reading', policyVersion: 1, ...overrides };
}
const sync = (store: Store, personId: string, accepted: CheckedSegment[], extra: Partial<Parameters<Store['recordSync']>[0]> = {}) =>
  store.recordSync({ personId, deviceId: 'd1', accepted, refused: [], notes: [], ...extra });

beforeEach(async () => {
  nowMs = Date.parse('2026-03-06T10:00:00+08:00');
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-store-'));
  file = path.join(dir, STORE_FILE_NAME);
  journalFile = path.join(dir, JOURNAL_FILE_NAME);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('lowdb store: durability', () => {
  it('has a change on disk when the mutation resolves (a crash right after loses nothing)', async () => {
    const store = await openStore();
    const unit = await store.createUnit({ name: '研究室', parentId: null });
    const after = await reopenAfterCrash();
    expect(await after.findUnit(unit.id)).toEqual(unit);
  });

  it('keeps everything across a clean restart, with the snapshot in schema 6 (a head line, then a line per person, each after its checksum)', async () => {
    const first = await openStore();
    const unit = await first.createUnit({ name: 'Office', parentId: null });
    const user = await first.createUser({ username: 'Zhang.Wei', name: '张伟', role: 'staff', unitId: unit.id, passwordHash: 'h' });
    const resource = await first.createResource({ name: 'R', category: 'other', kind: 'reading', patterns: ['https://*.example.org/*'] });
    const token = await first.saveToken({ tokenHash: 't', userId: user.id, kind: 'device', label: 'laptop', deviceId: null, expiresAt: null });
    await sync(first, user.id, [segment('0e3b6f0a-1111-4111-8111-000000000001', '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00', { resourceId: resource.id })]);
    await first.close();
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lineValue(lines[0]!)).toMatchObject({ schemaVersion: 6, peopleLines: 1, journal: { id: expect.any(String), base: expect.any(Number) } });
    expect(lineValue(lines[0]!)).not.toHaveProperty('ids');
    expect(lines.slice(0, 2).map((line) => withChecksum(line.slice(9)))).toEqual(lines.slice(0, 2));
    expect(lineValue(lines[1]!)[0]).toBe(user.id);
    expect(lines[2]).toBe('');

    const second = await openStore();
    expect(await second.findUserByUsername('zhang.wei')).toEqual(user);
    expect(await second.findToken('t')).toEqual(token);
    expect((await second.getPolicy()).resources).toEqual([{ id: resource.id, name: 'R', category: 'other', kind: 'reading', patterns: ['https://*.example.org/*'] }]);
    const [stored] = await second.segmentsForPerson(user.id, 0, Number.MAX_SAFE_INTEGER);
    expect(stored).toMatchObject({ id: '0e3b6f0a-1111-4111-8111-000000000001', personId: user.id, deviceId: 'd1', receivedMs: nowMs });
    expect(await second.dayTotals(user.id, 0, 99999)).toEqual([
      expect.objectContaining({ day: dayNumber('2026-03-06'), rawSeconds: 600, creditedSeconds: 600 }),
    ]);
  });

  it('coalesces concurrent mutations into few journal writes, all durable', async () => {
    let writes = 0;
    const store = await openStore({ onDurableWrite: () => writes++ });
    const units = await Promise.all(Array.from({ length: 50 }, (_, i) => store.createUnit({ name: `U${i}`, parentId: null })));
    expect(writes).toBeLessThanOrEqual(2);
    expect(units.map((u) => u.name)).toEqual(Array.from({ length: 50 }, (_, i) => `U${i}`));
    expect(await (await reopenAfterCrash()).listUnits()).toHaveLength(50);
  });

  it('group-commits concurrent syncs: hundreds of requests in a handful of fsynced appends', async () => {
    let writes = 0;
    const store = await openStore({ onDurableWrite: () => writes++ });
    const id = (i: number) => `0e3b6f0a-2222-4222-8222-${String(i).padStart(12, '0')}`;
    const start = at('2026-03-06T08:00:00+08:00');
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        sync(store, `p${i % 30}`, [segment(id(i), new Date(start + i * 1000).toISOString(), new Date(start + i * 1000 + 500).toISOString())]),
      ),
    );
    expect(writes).toBeLessThanOrEqual(3);
    const after = await reopenAfterCrash();
    expect((await after.segmentsForPerson('p7', 0, Number.MAX_SAFE_INTEGER)).length).toBe(10);
  });

  it('resolves a mutation made during a write only after a later write', async () => {
    let writes = 0;
    const store = await openStore({ onDurableWrite: () => writes++ });
    const first = store.createUnit({ name: 'first', parentId: null });
    await Promise.resolve();
    const second = store.createUnit({ name: 'second', parentId: null });
    await first;
    await second;
    expect(writes).toBe(2);
  });

  it('rewrites the snapshot and starts a fresh journal once the journal is large, losing nothing', async () => {
    let writes = 0;
    const store = await openStore({ compactAtBytes: 2000, onDurableWrite: () => writes++ });
    for (let i = 0; i < 30; i++) await store.createUnit({ name: `unit number ${i}`, parentId: null });
    expect((await stat(journalFile)).size).toBeLessThan(2000 + 500);
    // A copy of the folder is a crash's state only between compactions (copying is not atomic): let the last snapshot land.
    while ((await readdir(dir)).includes(RETIRED_JOURNAL_FILE_NAME)) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(lineValue((await readFile(file, 'utf8')).split('\n')[0]!).units.length).toBeGreaterThan(0);
    expect(await (await reopenAfterCrash()).listUnits()).toHaveLength(30);
  });

  it('drops a torn last journal line (a crash mid-append) and keeps the rest', async () => {
    const store = await openStore();
    await store.createUnit({ name: 'kept', parentId: null });
    await appendFile(journalFile, '0badc0de {"seq":99,"ops":[{"type":"unit.p');
    const after = await reopenAfterCrash();
    expect((await after.listUnits()).map((u) => u.name)).toEqual(['kept']);
    await after.createUnit({ name: 'next', parentId: null });
  });

  it('replays a sync journalled by a server before schema 5 (whole records, two devices), idempotency included', async () => {
    const store = await openStore();
    await store.createUnit({ name: 'a', parentId: null });
    const record = (id: string, deviceId: string, from: string, to: string) => ({
      ...segment(id, from, to),
      personId: 'p1',
      deviceId,
      receivedMs: at('2026-03-06T09:00:00+08:00'),
    });
    const refused = {
      id: S3,
      personId: 'p1',
      deviceId: 'd2',
      reason: 'outside_allowlist',
      code: 'url_outside_resource',
      message: 'outside',
      contentHash: 'h3',
      startMs: at('2026-03-06T08:00:00+08:00'),
      endMs: at('2026-03-06T08:05:00+08:00'),
      receivedMs: at('2026-03-06T09:00:00+08:00'),
    };
    const legacy = {
      type: 'sync',
      personId: 'p1',
      segments: [record(S1, 'd1', '2026-03-06T08:00:00+08:00', '2026-03-06T08:30:00+08:00'), record(S2, 'd2', '2026-03-06T08:15:00+08:00', '2026-03-06T08:45:00+08:00')],
      refused: [refused],
      notes: [],
    };
    await appendFile(journalFile, encodeLine({ seq: 2, ops: [legacy] }));
    const after = await reopenAfterCrash();
    const stored = await after.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER);
    expect(stored.map((s) => [s.id, s.deviceId, s.receivedMs])).toEqual([
      [S1, 'd1', at('2026-03-06T09:00:00+08:00')],
      [S2, 'd2', at('2026-03-06T09:00:00+08:00')],
    ]);
    expect(await after.refusedForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toEqual([refused]);
    expect(await after.dayTotals('p1', 0, 99999)).toEqual([
      expect.objectContaining({ rawSeconds: 3900, creditedSeconds: 2700, overlapSeconds: 900, outsideAllowlistSeconds: 300 }),
    ]);
    const again = await sync(after, 'p1', [segment(S1, '2026-03-06T08:00:00+08:00', '2026-03-06T08:30:00+08:00')]);
    expect(again.segments.get(S1)).toEqual({ kind: 'accepted' });
    expect((await sync(after, 'p2', [segment(S2, '2026-03-06T08:15:00+08:00', '2026-03-06T08:45:00+08:00')])).segments.get(S2)).toEqual({ kind: 'id_reused' });
  });

  it('journals each row naming its page, and goes on appending to a journal whose older lines number their pages', async () => {
    const journalOps = async (folder: string) =>
      (await readFile(path.join(folder, JOURNAL_FILE_NAME), 'utf8'))
        .split('\n')
        .slice(1, -1)
        .map((line) => JSON.parse(line.slice(9)).ops[0]);
    const store = await openStore();
    await store.createUnit({ name: 'a', parentId: null });
    // Two lines as a server before issue 19 wrote them: the page named once, then used by number.
    const named = [[0, 'res1', 'https://learn.example.org/a', 'A']];
    const row = (id: string, from: string, to: string) => [packId(id), 0, at(from), at(to) - at(from), 0, 1];
    const compact = (seq: number, pages: unknown[], rows: unknown[]) =>
      encodeLine({ seq, ops: [{ type: 'sync', personId: 'p1', deviceId: 'd1', receivedMs: nowMs, pages, rows, refused: [], notes: [] }] });
    await appendFile(journalFile, compact(2, named, [row(S1, '2026-03-06T08:00:00+08:00', '2026-03-06T08:30:00+08:00')]));
    await appendFile(journalFile, compact(3, [], [row(S2, '2026-03-06T08:40:00+08:00', '2026-03-06T08:50:00+08:00')]));
    const copy = await crashCopy(dir);
    const after = await openStore({ at: copy });
    await sync(after, 'p1', [segment(S3, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00', { url: 'https://learn.example.org/b' })]);
    expect((await journalOps(copy)).at(-1).segments).toEqual([
      [packId(S3), 'res1', 'https://learn.example.org/b', 'A', at('2026-03-06T09:00:00+08:00'), at('2026-03-06T09:10:00+08:00'), 'reading', expect.any(Number)],
    ]);
    const again = await openStore({ at: await crashCopy(copy) });
    expect((await again.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).map((s) => [s.id, s.url])).toEqual([
      [S1, 'https://learn.example.org/a'],
      [S2, 'https://learn.example.org/a'],
      [S3, 'https://learn.example.org/b'],
    ]);
  });

  it('replays sync lines written before pages were numbered (each row naming its page)', async () => {
    const store = await openStore();
    await store.createUnit({ name: 'a', parentId: null });
    const row = [packId(S1), 'res1', 'https://learn.example.org/a', 'A', at('2026-03-06T08:00:00+08:00'), at('2026-03-06T08:30:00+08:00'), 'reading', 1];
    await appendFile(journalFile, encodeLine({ seq: 2, ops: [{ type: 'sync', personId: 'p1', deviceId: 'd1', receivedMs: nowMs, segments: [row], refused: [], notes: [] }] }));
    const after = await reopenAfterCrash();
    expect(await after.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toEqual([
      expect.objectContaining({ id: S1, url: 'https://learn.example.org/a', deviceId: 'd1', startMs: at('2026-03-06T08:00:00+08:00') }),
    ]);
  });

  it.each([
    ['the journal was set aside, before the fresh one was made', { snapshot: 'old', journal: 'none' }, ['a']],
    ['the fresh journal took appends, before the snapshot was written', { snapshot: 'old', journal: 'fresh' }, ['a', 'b']],
    ['the snapshot was written, before the set-aside journal was deleted', { snapshot: 'new', journal: 'fresh' }, ['a', 'b']],
  ] as const)('recovers from a crash during a compaction: %s', async (_, crash, units) => {
    const store = await openStore();
    await store.maintain();
    await store.createUnit({ name: 'a', parentId: null });
    const oldSnapshot = await readFile(file, 'utf8');
    const retired = await readFile(journalFile, 'utf8');
    await store.maintain();
    await store.createUnit({ name: 'b', parentId: null });
    // What the crash would have left, rebuilt in a copy of the folder.
    const crashed = await mkdtemp(path.join(tmpdir(), 'studytrail-crash-'));
    await writeFile(path.join(crashed, STORE_FILE_NAME), crash.snapshot === 'old' ? oldSnapshot : await readFile(file, 'utf8'));
    if (crash.journal === 'fresh') await writeFile(path.join(crashed, JOURNAL_FILE_NAME), await readFile(journalFile, 'utf8'));
    await writeFile(path.join(crashed, RETIRED_JOURNAL_FILE_NAME), retired);
    const after = await openStore({ at: crashed });
    expect((await after.listUnits()).map((u) => u.name).sort()).toEqual(units);
    // Opened, the store has finished the compaction: one snapshot, one journal, nothing set aside.
    expect((await readdir(crashed)).filter((f) => !f.endsWith('.lock')).sort()).toEqual([JOURNAL_FILE_NAME, STORE_FILE_NAME]);
    await after.createUnit({ name: 'c', parentId: null });
    await after.close();
    expect(await (await openStore({ at: crashed })).listUnits()).toHaveLength(units.length + 1);
  });

  it('recovers from a crash between writing a snapshot and putting its prepared journal in place', async () => {
    const store = await openStore();
    await store.createUnit({ name: 'a', parentId: null });
    const oldJournal = await readFile(journalFile, 'utf8');
    await store.createUnit({ name: 'b', parentId: null });
    await store.close();
    open.length = 0;
    // Opening a migrated (or otherwise rewritten) store prepares a journal, writes the snapshot naming
    // it, then renames it into place: the crash came before the rename.
    await writeFile(path.join(dir, PREPARED_JOURNAL_FILE_NAME), await readFile(journalFile, 'utf8'));
    await writeFile(journalFile, oldJournal);
    const after = await openStore();
    expect((await after.listUnits()).map((u) => u.name).sort()).toEqual(['a', 'b']);
    await after.createUnit({ name: 'c', parentId: null });
    expect((await (await reopenAfterCrash()).listUnits()).map((u) => u.name).sort()).toEqual(['a', 'b', 'c']);
  });

  it('refuses to start when the journal the snapshot names is missing, naming it and the restore command', async () => {
    const store = await openStore();
    await store.createUnit({ name: 'a', parentId: null });
    await store.maintain();
    await store.createUnit({ name: 'acknowledged after the snapshot', parentId: null });
    await store.close();
    open.length = 0;
    const snapshot = await readFile(file, 'utf8');
    await rm(journalFile);
    const refused = openStore();
    await expect(refused).rejects.toThrow(StoreFileError);
    await expect(openStore()).rejects.toThrow(`The store file ${journalFile} is missing: ${file} is continued by journal`);
    await expect(openStore()).rejects.toThrow('npm run restore -- <backup file>');
    await expect(openStore()).rejects.not.toThrow(/empty store|move it away/);
    // Nothing was written: the snapshot is as it was and no journal was started.
    expect(await readFile(file, 'utf8')).toBe(snapshot);
    expect((await readdir(dir)).sort()).toEqual([STORE_FILE_NAME]);
  });

  it('refuses a journal that does not continue the snapshot (another store\'s, or an older one of its own)', async () => {
    const store = await openStore();
    await store.createUnit({ name: 'a', parentId: null });
    const older = await readFile(journalFile, 'utf8');
    await store.maintain();
    await store.createUnit({ name: 'b', parentId: null });
    await store.close();
    open.length = 0;
    const other = await mkdtemp(path.join(tmpdir(), 'studytrail-other-'));
    const otherStore = await openStore({ at: other });
    await otherStore.createUnit({ name: 'elsewhere', parentId: null });
    await otherStore.close();
    open.length = 0;
    for (const swapped of [older, await readFile(path.join(other, JOURNAL_FILE_NAME), 'utf8')]) {
      await writeFile(journalFile, swapped);
      await expect(openStore()).rejects.toThrow(/studytrail\.journal does not continue the snapshot: it is journal \S+ from change \d+, but .* is continued by journal/);
      expect(await readFile(journalFile, 'utf8')).toBe(swapped);
    }
    await rm(other, { recursive: true, force: true });
  });

  it('refuses a snapshot with a flipped byte inside a value, naming the line', async () => {
    const store = await openStore();
    const unit = await store.createUnit({ name: '研究室 Research', parentId: null });
    await sync(store, 'p1', [segment(S1, '2026-03-06T09:00:00+08:00', '2026-03-06T09:10:00+08:00')]);
    await store.close();
    open.length = 0;
    const bytes = await readFile(file);
    // Change one letter of the unit's name (head, line 1), then one digit of a segment's duration (line 2).
    const name = bytes.indexOf('Research');
    const flipped = Buffer.from(bytes);
    flipped[name] = 'r'.charCodeAt(0);
    await writeFile(file, flipped);
    await expect(openStore()).rejects.toThrow(`The store file ${file} is damaged at line 1 (checksum mismatch)`);
    const row = bytes.indexOf(',600000,');
    expect(row).toBeGreaterThan(0);
    const longer = Buffer.from(bytes);
    longer[row + 1] = '7'.charCodeAt(0);
    await writeFile(file, longer);
    await expect(openStore()).rejects.toThrow(`The store file ${file} is damaged at line 2 (checksum mismatch)`);
    await writeFile(file, bytes);
    expect(await (await openStore()).findUnit(unit.id)).toEqual(unit);
  });

  it('refuses a snapshot that is not JSON and leaves it untouched', async () => {
    await writeFile(file, '{"schemaVersion": 2, "units": [');
    await expect(openStore()).rejects.toThrow(StoreFileError);
    await expect(openStore()).rejects.toThrow(`The store file ${file} is not valid JSON`);
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 2, "units": [');
  });

  it('refuses a snapshot of the wrong shape, naming the problem, and leaves it untouched', async () => {
    const store = await openStore();
    await store.createUnit({ name: 'x', parentId: null });
    await store.close();
    const doc = lineValue((await readFile(file, 'utf8')).split('\n')[0]!);
    // Written as a server would (checksums right), so the shape check is what refuses them.
    const line = (value: unknown) => withChecksum(JSON.stringify(value));
    doc.users = [{ id: 'x' }];
    await writeFile(file, `${line(doc)}\n`);
    await expect(openStore()).rejects.toThrow(/is not a valid StudyTrail store \(users\.0\.username/);
    doc.users = [];
    doc.peopleLines = 1;
    const person = ['p1', { devices: [], pages: [], segments: [['x', 0, 0, 1, 1, 0, 0, 0]], refused: [], days: [] }];
    const text = `${line(doc)}\n${line(person)}\n`;
    await writeFile(file, text);
    await expect(openStore()).rejects.toThrow(/people\.p1\.segments\.0: refers to a missing entry 0/);
    expect(await readFile(file, 'utf8')).toBe(text);
    // Each field of a row, wrong in turn, is named (the quick checks pass nothing the full ones refuse).
    const page = [['res1', 'https://learn.example.org/a', 'A']];
    for (const [rows, problem] of [
      [{ segments: [['x', 0, 0, -1, 1, 0, 0, 0]] }, /segments\.0: starts before 1970/],
      [{ segments: [['x', 0, 0, 1, 1, 0, 0, 0], ['y', 0, 0, 1, -1, 0, 0, 0]] }, /segments\.1: expected a non-negative integer/],
      [{ segments: [[7, 0, 0, 1, 1, 0, 0, 0]] }, /segments\.0: expected a string/],
      [{ segments: [['x', 1, 0, 1, 1, 0, 0, 0]] }, /segments\.0: refers to a missing entry 1/],
      [{ segments: [['x', 0, 0, 1, 1, 9, 0, 0]] }, /segments\.0: refers to a missing entry 9/],
      [{ segments: [['x', 0, 0, 1, 1, 0, 0, 0.5]] }, /segments\.0: expected an integer/],
      [{ days: [[20000, 60, 60, 0, 0, 0, 0, ['res1', 60, 'res2']]] }, /days\.0: expected an integer/],
      [{ days: [[20000, 60, -1, 0, 0, 0, 0, []]] }, /days\.0: expected a non-negative integer/],
    ] as const) {
      const empty = { devices: ['d1'], pages: page, segments: [] as unknown[], refused: [], days: [] as unknown[] };
      await writeFile(file, `${line(doc)}\n${line(['p1', { ...empty, ...rows }])}\n`);
      await expect(openStore()).rejects.toThrow(problem);
    }
    // Cut short at a line break: the head's count of people lines notices.
    doc.peopleLines = 2;
    await writeFile(file, `${line(doc)}\n`);
    await expect(openStore()).rejects.toThrow(/0 lines of people where the head announces 2/);
    // Cut inside a line: its checksum notices.
    await writeFile(file, `${line({ ...doc, peopleLines: 1 })}\n${line(person).slice(0, 30)}`);
    await expect(openStore()).rejects.toThrow(/is damaged at line 2 \(checksum mismatch\)/);
  });

  it('refuses a damaged journal line, naming the line, and leaves both files untouched', async () => {
    const store = await openStore();
    await store.createUnit({ name: 'a', parentId: null });
    await store.createUnit({ name: 'b', parentId: null });
    await store.close();
    const lines = (await readFile(journalFile, 'utf8')).split('\n');
    const broken = [...lines.slice(0, 1), lines[0]!.replace(/.$/, 'X'), ...lines.slice(1)].join('\n');
    await writeFile(journalFile, broken);
    await expect(openStore()).rejects.toThrow(/is damaged at line 2 \(checksum mismatch\)/);
    expect(await readFile(journalFile, 'utf8')).toBe(broken);
  });

  it('refuses a file from a newer version, and a store counted in another time zone', async () => {
    await writeFile(file, JSON.stringify({ schemaVersion: 7 }));
    await expect(openStore()).rejects.toThrow(/newer StudyTrail \(schema 7/);
    await writeFile(file, withChecksum(JSON.stringify({ schemaVersion: 7 })));
    await expect(openStore()).rejects.toThrow(/newer StudyTrail \(schema 7/);
    await rm(file);
    const store = await openStore();
    await store.createUnit({ name: 'x', parentId: null });
    await store.close();
    open.length = 0;
    await expect(openLowdbStore(dir, { clock, timeZone: 'Europe/Berlin' })).rejects.toThrow(/set STUDYTRAIL_TZ=Asia\/Shanghai/);
  });

  it('lets only one store use a folder at a time', async () => {
    await openStore();
    await expect(openLowdbStore(dir, { clock, timeZone: TZ })).rejects.toThrow(/is using this data folder/);
  });

});



describe('lowdb store: sync and daily totals', () => {
  // The verdicts and totals of refused segments are part of the store contract (test/store/core-contract.test.ts).
  it('keeps no URL of a refused segment in its files', async () => {
    const store = await openStore();
    const content = { resourceId: 'res1', url: 'https://secret.example.com/private', title: 'private', startMs: at('2026-03-06T08:00:00+08:00'), endMs: at('2026-03-06T08:05:00+08:00'), mode: 'reading' };
    const refused = { id: S2, reason: 'outside_allowlist' as const, code: 'url_outside_resource', message: 'no', contentHash: segmentContentHash(content), startMs: content.startMs, endMs: content.endMs };
    await sync(store, 'p1', [], { refused: [refused] });
    expect(await readFile(journalFile, 'utf8')).not.toContain('secret.example.com');
    await store.close();
    expect(await readFile(file, 'utf8')).not.toContain('secret.example.com');
  });

  it('lists the days touched since the last read in the snapshot instead of recounting them, and counts them when read after a restart', async () => {
    const store = await openStore();
    await sync(store, 'p1', [segment(S1, '2026-03-05T09:00:00+08:00', '2026-03-05T09:30:00+08:00')]);
    expect((await store.dayTotals('p1', 0, 99999)).map((d) => d.creditedSeconds)).toEqual([1800]);
    // Touched again, then a snapshot before anyone reads: the old total is written with the day listed as stale.
    await sync(store, 'p1', [segment(S2, '2026-03-05T10:00:00+08:00', '2026-03-05T10:20:00+08:00'), segment(S3, '2026-03-06T08:00:00+08:00', '2026-03-06T08:10:00+08:00')]);
    await store.close();
    const [, line] = (await readFile(file, 'utf8')).split('\n');
    const rows = lineValue(line!)[1];
    expect(rows.stale).toEqual([dayNumber('2026-03-05'), dayNumber('2026-03-06')]);
    expect(rows.days.map((d: number[]) => d[2])).toEqual([1800]);
    const again = await openStore();
    expect((await again.dayTotals('p1', 0, 99999)).map((d) => [d.day, d.creditedSeconds])).toEqual([
      [dayNumber('2026-03-05'), 3000],
      [dayNumber('2026-03-06'), 600],
    ]);
  });

  it('hands out the daily totals it keeps, and a later sync recounts into a new list, leaving the one read as it was', async () => {
    const store = await openStore();
    await sync(store, 'p1', [segment(S1, '2026-03-05T09:00:00+08:00', '2026-03-05T09:30:00+08:00')]);
    const read = await store.dayTotals('p1', 0, 99999);
    // The whole list asked for twice: the same array, not a copy per read.
    expect(await store.dayTotals('p1', 0, 99999)).toBe(read);
    expect((await store.dayTotalsOf(['p1'], 0, 99999)).get('p1')).toBe(read);
    await sync(store, 'p1', [segment(S2, '2026-03-05T10:00:00+08:00', '2026-03-05T10:20:00+08:00'), segment(S3, '2026-03-06T08:00:00+08:00', '2026-03-06T08:10:00+08:00')]);
    const after = await store.dayTotals('p1', 0, 99999);
    expect(after.map((d) => d.creditedSeconds)).toEqual([3000, 600]);
    expect(read.map((d) => d.creditedSeconds)).toEqual([1800]);
    // Part of the list: a copy of that part.
    expect((await store.dayTotals('p1', dayNumber('2026-03-06'), 99999)).map((d) => d.creditedSeconds)).toEqual([600]);
  });

  it('writes segment rows in the order they came (a step back is negative) and reads them back the same, odd ids included', async () => {
    const store = await openStore();
    const odd = 'my "own" id, 学习 \u2028 \\';
    await sync(store, 'p1', [
      segment(S1, '2026-03-06T09:00:00+08:00', '2026-03-06T09:30:00+08:00'),
      segment(odd, '2026-03-05T09:00:00+08:00', '2026-03-05T09:10:00+08:00', { title: '标题 "quoted"' }),
      segment(S2, '2026-03-06T08:00:00+08:00', '2026-03-06T08:05:00+08:00'),
    ]);
    await store.close();
    const [, line] = (await readFile(file, 'utf8')).split('\n');
    const rows = lineValue(line!)[1];
    expect(rows.segments.map((r: unknown[]) => r[0])).toEqual([packId(S1), `~${odd}`, packId(S2)]);
    expect(rows.segments.map((r: number[]) => r[3]! < 0)).toEqual([false, true, false]);
    const again = await openStore();
    expect((await again.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).map((s) => [s.id, s.title])).toEqual([
      [odd, '标题 "quoted"'],
      [S2, 'A'],
      [S1, 'A'],
    ]);
  });

  it('opens a v6 snapshot whose head counts its ids (written before the idempotency index became a Map), and drops the count', async () => {
    const first = await openStore();
    await sync(first, 'p1', [segment(S1, '2026-03-05T09:00:00+08:00', '2026-03-05T09:30:00+08:00')]);
    await first.close();
    const [head, ...rest] = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, [withChecksum(JSON.stringify({ ...lineValue(head!), ids: 1 })), ...rest].join('\n'));
    const second = await openStore();
    expect((await second.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).map((s) => s.id)).toEqual([S1]);
    // The id is known again: other content under it is refused, the same content stored once.
    expect((await sync(second, 'p1', [segment(S1, '2026-03-05T09:00:00+08:00', '2026-03-05T09:40:00+08:00')])).segments.get(S1)).toEqual({ kind: 'id_reused' });
    await sync(second, 'p1', [segment(S1, '2026-03-05T09:00:00+08:00', '2026-03-05T09:30:00+08:00')]);
    expect(await second.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
    await second.close();
    expect(lineValue((await readFile(file, 'utf8')).split('\n')[0]!)).not.toHaveProperty('ids');
  });

  it.each([4, 5])('reads a v%i snapshot (no checksums, no journal named), keeps it as studytrail.v%i.json and writes v6', async (version) => {
    const first = await openStore();
    await sync(first, 'p1', [segment(S1, '2026-03-05T09:00:00+08:00', '2026-03-05T09:30:00+08:00')]);
    expect(await first.dayTotals('p1', 0, 99999)).toHaveLength(1);
    await first.close();
    // A v4 server wrote the same lines, with every day counted and no `stale`; v5 added `stale`.
    const [head, person] = (await readFile(file, 'utf8')).split('\n');
    const [personId, rows] = lineValue(person!);
    if (version === 4) delete rows.stale;
    const { journal: _journal, ...older } = lineValue(head!);
    const text = `${JSON.stringify({ ...older, schemaVersion: version })}\n${JSON.stringify([personId, rows])}\n`;
    await writeFile(file, text);
    const second = await openStore();
    expect((await second.dayTotals('p1', 0, 99999)).map((d) => d.creditedSeconds)).toEqual([1800]);
    expect(await second.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
    expect(await readFile(path.join(dir, `studytrail.v${version}.json`), 'utf8')).toBe(text);
    expect(lineValue((await readFile(file, 'utf8')).split('\n')[0]!).schemaVersion).toBe(6);
  });

  it('folds raw segments older than the retention window into the daily totals (counted first: no read came between)', async () => {
    const store = await openStore();
    await sync(store, 'p1', [
      segment(S1, '2026-03-01T09:00:00+08:00', '2026-03-01T10:00:00+08:00'),
      segment(S2, '2026-03-06T09:00:00+08:00', '2026-03-06T09:30:00+08:00'),
    ]);
    nowMs = at('2027-04-07T12:00:00+08:00'); // 2026-03-01 is now more than 400 days ago, 2026-03-06 is not
    await store.maintain();
    expect((await store.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).map((s) => s.id)).toEqual([S2]);
    expect((await store.dayTotals('p1', 0, 99999)).map((d) => d.creditedSeconds)).toEqual([3600, 1800]);
    const after = await reopenAfterCrash();
    expect((await after.dayTotals('p1', 0, 99999)).map((d) => d.creditedSeconds)).toEqual([3600, 1800]);
    expect(await after.segmentsForPerson('p1', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(1);
  });

});
