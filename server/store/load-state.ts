// Rebuilds the store's state from a snapshot and the journal that continues it. Shared by the server
// (opening its store) and by backup/restore (checking and compacting a copy).
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import { decodeSnapshot, emptyState } from './document.ts';
import { parseJournal, type JournalContents } from './journal.ts';
import { StoreFileError } from './records.ts';
import type { SnapshotLines } from './snapshot-file.ts';
import type { StoreState } from './state.ts';

export interface LoadedState {
  state: StoreState;
  /** The schema version the snapshot was migrated from, or null when it was current (or absent). */
  migratedFrom: number | null;
  /** The journal as read, or null when there was none. */
  journal: JournalContents | null;
  /** The journalSeq the snapshot itself holds (before the journal was replayed). */
  snapshotSeq: number;
}

export function loadState(input: {
  snapshotFile: string;
  /** The snapshot file's lines, or null when there is no snapshot yet. */
  snapshot: SnapshotLines | null;
  journalFile: string;
  /** The journal's text, or null when there is no journal. */
  journalText: string | null;
  timeZone: string;
}): LoadedState {
  const decoded =
    input.snapshot === null
      ? { state: emptyState(input.timeZone, DEFAULT_SETTINGS), migratedFrom: null }
      : decodeSnapshot(input.snapshotFile, input.snapshot, input.timeZone);
  const { state } = decoded;
  const snapshotSeq = state.journalSeq;
  if (input.journalText === null) return { ...decoded, journal: null, snapshotSeq };

  const journal = parseJournal(input.journalFile, input.journalText);
  if (journal.base > state.journalSeq) {
    throw new StoreFileError(
      input.journalFile,
      `continues a newer snapshot (entry ${journal.base}) than ${input.snapshotFile} holds (entry ${state.journalSeq}); the snapshot is missing or old`,
    );
  }
  // Entries up to the snapshot's are already in it: a crash came between writing a snapshot and
  // starting its fresh journal.
  for (const entry of journal.entries) {
    if (entry.seq <= state.journalSeq) continue;
    for (const op of entry.ops) state.apply(op);
    state.journalSeq = entry.seq;
  }
  return { ...decoded, journal, snapshotSeq };
}
