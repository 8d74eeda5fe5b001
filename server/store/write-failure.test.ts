// A write the disk refuses, for real: the test process's own file size limit (RLIMIT_FSIZE, set with
// util-linux's prlimit) makes the kernel write short and then answer EFBIG, as a full disk writes short
// and answers ENOSPC. The store must acknowledge nothing it could not write, say so in health(), and
// take changes again once the limit is lifted, without being reopened.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE_NAME, parseJournal, RETIRED_JOURNAL_FILE_NAME } from './journal.ts';
import { openLowdbStore, STORE_FILE_NAME } from './lowdb-store.ts';
import { StoreReadOnlyError, type Store } from './store-contract.ts';

let nowMs = Date.parse('2026-03-06T10:00:00+08:00');
const options = { clock: () => nowMs, timeZone: 'Asia/Shanghai' };
let dir: string;
const open: Store[] = [];

/** Files this process writes may grow to `bytes` and no further (null: no limit). */
function limitFileSize(bytes: number | null): void {
  execFileSync('prlimit', ['--pid', String(process.pid), `--fsize=${bytes ?? 'unlimited'}:`]);
}

async function openStore(at = dir): Promise<Store> {
  const store = await openLowdbStore(at, options);
  open.push(store);
  return store;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-full-'));
});

afterEach(async () => {
  limitFileSize(null);
  await Promise.all(open.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

/** Creates units one after another until the store refuses one; returns the names it acknowledged and the refusal. */
async function fillUntilRefused(store: Store, prefix: string): Promise<{ acked: string[]; refused: string; refusal: unknown }> {
  const acked: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const name = `${prefix} ${i} ${'x'.repeat(60)}`;
    try {
      await store.createUnit({ name, parentId: null });
      acked.push(name);
    } catch (refusal) {
      return { acked, refused: name, refusal };
    }
  }
  throw new Error('the store never refused a write');
}

describe('lowdb store: a write the disk refuses', () => {
  it('acknowledges nothing it could not write, goes read-only, and recovers once the disk takes writes again', async () => {
    const store = await openStore();
    await store.createUnit({ name: 'before', parentId: null });
    const journalFile = path.join(dir, JOURNAL_FILE_NAME);
    limitFileSize((await stat(journalFile)).size + 1000);
    const { acked, refused: notConfirmed, refusal } = await fillUntilRefused(store, 'unit');
    expect(acked.length).toBeGreaterThan(3);
    expect(refusal).toBeInstanceOf(StoreReadOnlyError);
    expect((refusal as Error).message).toMatch(/not confirmed as saved: writing the store's files failed \(EFBIG\)/);
    // The journal was written short: its last line is torn, and only whole lines count.
    const text = await readFile(journalFile, 'utf8');
    expect(text.endsWith('\n')).toBe(false);
    const onDisk = parseJournal(journalFile, text);
    expect(onDisk.tornTail).toBe(true);

    const health = await store.health();
    expect(health).toMatchObject({ writable: false, code: 'EFBIG', since: new Date(nowMs).toISOString() });
    await expect(store.createUnit({ name: 'refused', parentId: null })).rejects.toThrow(/^Nothing was changed: the server cannot save changes since .* \(Writing .*studytrail\.journal failed \(EFBIG: /);
    // Reads go on, from memory.
    expect((await store.listUnits()).map((u) => u.name)).toEqual(expect.arrayContaining(['before', ...acked]));

    // Still full a second later: the probe fails and says so again.
    nowMs += 1000;
    expect(await store.health()).toMatchObject({ writable: false, code: 'EFBIG' });

    limitFileSize(null);
    nowMs += 1000;
    expect(await store.health()).toEqual({ writable: true });
    const recovered = parseJournal(journalFile, await readFile(journalFile, 'utf8'));
    expect(recovered.tornTail).toBe(false);
    await store.createUnit({ name: 'after', parentId: null });

    // A crash now: every acknowledged unit is on disk, once; the one not confirmed was saved on recovery; the refused one never was.
    const copy = await mkdtemp(path.join(tmpdir(), 'studytrail-full-copy-'));
    for (const name of await readdir(dir)) if (!name.endsWith('.lock')) await cp(path.join(dir, name), path.join(copy, name));
    const copied = await openLowdbStore(copy, options);
    const names = (await copied.listUnits()).map((u) => u.name);
    await copied.close();
    expect(names.filter((n) => acked.includes(n))).toEqual(acked);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('before');
    expect(names).toContain('after');
    expect(names).toContain(notConfirmed);
    expect(names).not.toContain('refused');
    await rm(copy, { recursive: true, force: true });
  });

  it('finishes a compaction the disk cut short once it takes writes again, losing nothing', async () => {
    const store = await openStore();
    for (let i = 0; i < 40; i++) await store.createUnit({ name: `unit ${i} ${'y'.repeat(80)}`, parentId: null });
    // Room for the journal to grow a little, not for a snapshot of everything.
    limitFileSize(2000);
    await expect(store.maintain()).rejects.toBeInstanceOf(StoreReadOnlyError);
    expect(await store.health()).toMatchObject({ writable: false, code: 'EFBIG' });
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    limitFileSize(null);
    nowMs += 1000;
    expect(await store.health()).toEqual({ writable: true });
    expect(await readdir(dir)).not.toContain(RETIRED_JOURNAL_FILE_NAME);
    const head = JSON.parse((await readFile(path.join(dir, STORE_FILE_NAME), 'utf8')).split('\n')[0]!.slice(9));
    expect(head.units).toHaveLength(40);
    await store.createUnit({ name: 'after', parentId: null });
    await store.close();
    open.length = 0;
    expect(await (await openStore()).listUnits()).toHaveLength(41);
  });
});
