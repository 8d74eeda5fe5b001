// The programme's records in the embedded store: carried by a backup and its restore, and a schema 2
// file (before the programme existed) migrates.
// Surviving a restart and erasure with the person are the programme contract's (test/store/programme-contract.test.ts).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings.ts';
import { writeBackup, restoreBackup } from '../backup.ts';
import { emptyState, encodeSnapshot } from '../document.ts';
import { openLowdbStore, STORE_FILE_NAME } from '../lowdb-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-programme-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const clock = () => Date.parse('2026-03-01T00:00:00Z');
const options = { clock, timeZone: 'Asia/Shanghai' };

describe('programme records in the store', () => {
  it('are in a backup (the v6 snapshot: the head line holds them) and come back on restore', async () => {
    const store = await openLowdbStore(dir, options);
    await store.programme.saveAnnualNote({ personId: 'p1', year: 2026, remarks: '认真', decision: null, updatedAt: '2026-12-31T00:00:00.000Z' });
    // Still only in the journal: the backup reads the snapshot and the journal as one state.
    const backup = await writeBackup(dir, path.join(dir, 'backup.json'), options.timeZone, clock());
    await store.close();
    const head = JSON.parse((await readFile(backup.file, 'utf8')).split('\n')[0]!.slice(9));
    expect(head).toMatchObject({ schemaVersion: 6, journal: null, programme: { annual: [expect.objectContaining({ personId: 'p1', remarks: '认真' })] } });

    const other = await mkdtemp(path.join(tmpdir(), 'studytrail-programme-restore-'));
    try {
      await restoreBackup(other, backup.file, options.timeZone, clock());
      const restored = await openLowdbStore(other, options);
      expect((await restored.programme.annualNote('p1', 2026))?.remarks).toBe('认真');
      await restored.close();
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('opens a schema 2 file with no programme records, keeping the original beside it', async () => {
    // A v2 document is v6's head line (after its checksum) without the programme, the line count and the journal, with the (here empty) people inline.
    const [head] = encodeSnapshot(emptyState('Asia/Shanghai', DEFAULT_SETTINGS), null);
    const { programme: _programme, peopleLines: _lines, journal: _journal, ...rest } = JSON.parse(head!.slice(9)) as Record<string, unknown>;
    const v2 = { ...rest, schemaVersion: 2, people: {} };
    await writeFile(path.join(dir, STORE_FILE_NAME), JSON.stringify(v2));
    const store = await openLowdbStore(dir, options);
    expect(await store.programme.sessions()).toEqual([]);
    expect((await store.programme.settings()).tariff).toEqual({ halfDayHours: 4, dayHours: 8 });
    await store.close();
    expect(JSON.parse(await readFile(path.join(dir, 'studytrail.v2.json'), 'utf8')).schemaVersion).toBe(2);
    expect(JSON.parse((await readFile(path.join(dir, STORE_FILE_NAME), 'utf8')).split('\n')[0]!.slice(9)).schemaVersion).toBe(6);
  });
});
