// Backup and restore of the embedded store. A backup reads the snapshot and the journals while the
// server runs, without stopping it: each journal's header names the entry it continues from, so a copy
// that raced a compaction (new snapshot, old journal or the reverse) is noticed and read again. The
// copy is replayed and checked, then written as one compact snapshot. Restore refuses while a server
// uses the folder, and keeps the files it replaces. A backup names no journal (schema 6: `journal`
// null); restore writes it naming the fresh journal it prepares first, as a compaction does.
import { readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { lockDataDir } from './data-lock.ts';
import { decodeSnapshot, encodeSnapshot } from './document.ts';
import { Journal, JOURNAL_FILE_NAME, newJournalRef, PREPARED_JOURNAL_FILE_NAME, RETIRED_JOURNAL_FILE_NAME } from './journal.ts';
import { checkedJson, looksChecked } from './checked-line.ts';
import { loadState } from './load-state.ts';
import { STORE_FILE_NAME } from './lowdb-store.ts';
import { readSnapshotNow, SnapshotFile, type SnapshotLines } from './snapshot-file.ts';
import { JournalGapError, StoreFileError } from './store-contract.ts';
import type { StoreState } from './state.ts';
import { BackupError } from './store-problems.ts';

/** 20 ms apart: long enough for a compaction of a large store to finish writing its snapshot. */
const RETRIES = 500;

async function readText(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
}

/** The journalSeq a snapshot's first line names (any version), or 0 when it cannot be read (then loadState explains). */
function snapshotSeq(lines: SnapshotLines | null): number {
  if (lines === null) return 0;
  const first = lines[Symbol.iterator]().next();
  try {
    // Since schema 6 the line starts with its checksum.
    const json = first.done ? undefined : looksChecked(first.value) ? checkedJson(first.value) : { ok: true as const, json: first.value };
    const seq = json?.ok ? (JSON.parse(json.json) as { journalSeq?: unknown }).journalSeq : undefined;
    return typeof seq === 'number' ? seq : 0;
  } catch {
    return 0;
  }
}

/** The base named by a journal's header line, or null when it cannot be read (then loadState explains). */
function journalBase(text: string): number | null {
  const m = /^[0-9a-f]{8} (\{[^\n]*\})\n/.exec(text);
  if (!m) return null;
  try {
    const base = (JSON.parse(m[1]!) as { base?: unknown }).base;
    return typeof base === 'number' ? base : null;
  } catch {
    return null;
  }
}

/** The store's state as of one instant, read from a folder a running server may be writing. */
export async function readConsistentState(dataDir: string, timeZone: string): Promise<StoreState> {
  const snapshotFile = path.join(dataDir, STORE_FILE_NAME);
  const journalFile = path.join(dataDir, JOURNAL_FILE_NAME);
  const retiredFile = path.join(dataDir, RETIRED_JOURNAL_FILE_NAME);
  for (let attempt = 1; ; attempt++) {
    // In the order a compaction replaces them: snapshot, retired journal, journal.
    const snapshot = await readSnapshotNow(snapshotFile);
    const retiredText = await readText(retiredFile);
    const journalText = await readText(journalFile);
    const preparedText = await readText(path.join(dataDir, PREPARED_JOURNAL_FILE_NAME));
    const seq = snapshotSeq(snapshot);
    const chainStart = retiredText !== null ? journalBase(retiredText) : journalText === null ? seq : journalBase(journalText);
    const retired = retiredText === null ? null : { file: retiredFile, text: retiredText };
    try {
      // A compaction that ran between the reads shows as a journal that does not continue what was read.
      if (chainStart !== seq) throw new JournalGapError(journalFile, { kind: 'changed-while-read' });
      return loadState({ snapshotFile, snapshot, journalFile, journalText, retired, preparedText, timeZone }).state;
    } catch (err) {
      if (!(err instanceof JournalGapError) || attempt >= RETRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  /** The last change the backup contains. */
  journalSeq: number;
}

/** Writes a consistent, checked copy of the store as one snapshot file; never overwrites a file. */
export async function writeBackup(dataDir: string, dest: string, timeZone: string, nowMs: number): Promise<BackupResult> {
  let file = dest;
  const existing = await stat(dest).catch(() => null);
  if (existing?.isDirectory()) {
    const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    file = path.join(dest, `studytrail-backup-${stamp}.json`);
  }
  if (await stat(file).catch(() => null)) throw new BackupError({ kind: 'backup-exists', file });
  const state = await readConsistentState(dataDir, timeZone);
  await new SnapshotFile(file).write(encodeSnapshot(state, null));
  return { file, bytes: (await stat(file)).size, journalSeq: state.journalSeq };
}

export interface RestoreResult {
  /** Files of the replaced store, renamed aside. */
  keptAside: string[];
  journalSeq: number;
}

/** A damaged backup is not the live store: the advice is another backup, not a restore. */
function decodeBackup(file: string, lines: SnapshotLines, timeZone: string): { state: StoreState } {
  try {
    return decodeSnapshot(file, lines, timeZone);
  } catch (err) {
    if (!(err instanceof StoreFileError)) throw err;
    throw new StoreFileError(file, err.problem, 'restore-older-backup');
  }
}

/** Replaces the store in `dataDir` by a backup. Refuses while a server uses the folder. */
export async function restoreBackup(dataDir: string, backupFile: string, timeZone: string, nowMs: number): Promise<RestoreResult> {
  const lock = await lockDataDir(dataDir);
  try {
    const lines = await new SnapshotFile(backupFile).read();
    if (lines === null) throw new BackupError({ kind: 'backup-missing', file: backupFile });
    const { state } = decodeBackup(backupFile, lines, timeZone);
    const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const keptAside: string[] = [];
    for (const name of [STORE_FILE_NAME, JOURNAL_FILE_NAME, RETIRED_JOURNAL_FILE_NAME]) {
      const from = path.join(dataDir, name);
      if (!(await stat(from).catch(() => null))) continue;
      const to = `${from}.before-restore-${stamp}`;
      await rename(from, to);
      keptAside.push(to);
    }
    const ref = newJournalRef(state.journalSeq);
    const prepared = await Journal.prepare(path.join(dataDir, JOURNAL_FILE_NAME), ref);
    await new SnapshotFile(path.join(dataDir, STORE_FILE_NAME)).write(encodeSnapshot(state, ref));
    await (await prepared.install()).close();
    return { keptAside, journalSeq: state.journalSeq };
  } finally {
    await lock.release();
  }
}
