import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from './backup.ts';
import { openLowdbStore } from './lowdb-store.ts';

const TZ = 'Asia/Shanghai';
const nowMs = Date.parse('2026-03-06T10:00:00+08:00');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-backup-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('restore', () => {
  it('refuses a damaged backup, advising another backup, and leaves the store as it was', async () => {
    const data = path.join(dir, 'data');
    const store = await openLowdbStore(data, { clock: () => nowMs, timeZone: TZ });
    await store.createUnit({ name: 'Research', parentId: null });
    await store.close();
    const { file } = await writeBackup(data, path.join(dir, 'backup.json'), TZ, nowMs);
    const bytes = await readFile(file);
    bytes[bytes.indexOf('Research')] = 'r'.charCodeAt(0);
    await writeFile(file, bytes);
    const before = await readdir(data);
    await expect(restoreBackup(data, file, TZ, nowMs)).rejects.toThrow(
      `The store file ${file} is damaged at line 1 (checksum mismatch). Nothing was changed: restore another (older) backup instead.`,
    );
    expect(await readdir(data)).toEqual(before);
    const reopened = await openLowdbStore(data, { clock: () => nowMs, timeZone: TZ });
    expect((await reopened.listUnits()).map((u) => u.name)).toEqual(['Research']);
    await reopened.close();
  });
});
