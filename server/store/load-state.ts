// Rebuilds the store's state from a snapshot and the journal that continues it. Shared by the server
// (opening its store) and by backup/restore (checking and compacting a copy).
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import { decodeSnapshot, emptyState } from './document.ts';
import { parseJournal, type JournalContents } from './journal.ts';
import { JournalGapError } from './records.ts';
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
  /** A retired journal's text (a crash during a compaction), replayed before the journal; null when none. */
  retired?: { file: string; text: string } | null;
  timeZone: string;
}): LoadedState {
  const decoded =
    input.snapshot === null
      ? { state: emptyState(input.timeZone, DEFAULT_SETTINGS), migratedFrom: null }
      : decodeSnapshot(input.snapshotFile, input.snapshot, input.timeZone);
  const { state } = decoded;
  const snapshotSeq = state.journalSeq;
  // The retired journal, when a crash left one, comes between the snapshot and the journal.
  if (input.retired) replay(state, parseJournal(input.retired.file, input.retired.text), input.retired.file, input.snapshotFile);
  if (input.journalText === null) return { ...decoded, journal: null, snapshotSeq };
  const journal = parseJournal(input.journalFile, input.journalText);
  replay(state, journal, input.journalFile, input.snapshotFile);
  return { ...decoded, journal, snapshotSeq };
}

function replay(state: StoreState, journal: JournalContents, journalFile: string, snapshotFile: string): void {
  if (journal.base > state.journalSeq) {
    throw new JournalGapError(
      journalFile,
      `continues a newer snapshot (entry ${journal.base}) than ${snapshotFile} holds (entry ${state.journalSeq}); the snapshot is missing or old`,
    );
  }
  // Entries up to the snapshot's are already in it: a crash came after the snapshot was written but
  // before the journal it replaces was dropped.
  for (const entry of journal.entries) {
    if (entry.seq <= state.journalSeq) continue;
    for (const op of entry.ops) state.apply(op);
    state.journalSeq = entry.seq;
  }
}
