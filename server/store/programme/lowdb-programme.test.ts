// The programme's records in the embedded store's file: written with the rest, read back on reopen, and
// a file from before the programme existed opens with none.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore, STORE_FILE_NAME } from '../lowdb-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-programme-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const clock = () => Date.parse('2026-03-01T00:00:00Z');

describe('programme records in the store file', () => {
  it('survive closing and reopening', async () => {
    const store = await openLowdbStore(dir, { clock });
    await store.programme.saveCalendarException(() => ({ ok: true, value: { date: '2026-05-01', action: 'cancel', movedTo: null, reason: '劳动节' } }));
    await store.programme.saveAnnualNote({ personId: 'p1', year: 2026, remarks: '认真', decision: null, updatedAt: '2026-12-31T00:00:00.000Z' });
    await store.close();
    const reopened = await openLowdbStore(dir, { clock });
    expect(reopened.programme.calendarExceptions()).toEqual([{ date: '2026-05-01', action: 'cancel', movedTo: null, reason: '劳动节' }]);
    expect(reopened.programme.annualNote('p1', 2026)?.remarks).toBe('认真');
    await reopened.close();
  });

  it('opens a file written before the programme existed with empty programme records', async () => {
    const store = await openLowdbStore(dir, { clock });
    await store.createUnit({ name: '机关', parentId: null });
    await store.close();
    const file = path.join(dir, STORE_FILE_NAME);
    const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    delete raw.programme;
    await writeFile(file, JSON.stringify(raw));
    const reopened = await openLowdbStore(dir, { clock });
    expect(reopened.programme.sessions()).toEqual([]);
    expect(reopened.programme.settings().tariff).toEqual({ halfDayHours: 4, dayHours: 8 });
    expect(await reopened.listUnits()).toHaveLength(1);
    await reopened.close();
  });
});
