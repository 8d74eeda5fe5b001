// Rebuilds the store's state from a snapshot and the journal that continues it. Shared by the server
// (opening its store) and by backup/restore (checking and compacting a copy). Since schema 6 the
// snapshot names its journal (id and base): when that journal is neither in place, nor set aside by a
// compaction, nor prepared beside it, the changes it held are gone, and loading stops (issue 18).
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import { decodeSnapshot, emptyState } from './document.ts';
import { parseJournal, readJournalRef, type JournalContents, type JournalRef } from './journal.ts';
import { JournalGapError } from './store-contract.ts';
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
  /** The journal the snapshot names; null when it names none (no snapshot, a backup, or a file before schema 6). */
  named: JournalRef | null;
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
  /** A prepared journal's text (a crash before it was put in place), or null: only its header counts. */
  preparedText?: string | null;
  timeZone: string;
}): LoadedState {
  const decoded =
    input.snapshot === null
      ? { state: emptyState(input.timeZone, DEFAULT_SETTINGS), migratedFrom: null, journal: undefined }
      : decodeSnapshot(input.snapshotFile, input.snapshot, input.timeZone);
  const { state, migratedFrom } = decoded;
  const named = decoded.journal ?? null;
  const snapshotSeq = state.journalSeq;
  const retired = input.retired ? parseJournal(input.retired.file, input.retired.text) : null;
  const journal = input.journalText === null ? null : parseJournal(input.journalFile, input.journalText);
  if (named !== null) {
    const prepared = input.preparedText ? readJournalRef(input.preparedText) : null;
    checkNamedJournal(named, [journal, retired, prepared], journal, input.journalFile, input.snapshotFile);
  }
  // The retired journal, when a crash left one, comes between the snapshot and the journal.
  if (retired) replay(state, retired, input.retired!.file, input.snapshotFile);
  if (journal) replay(state, journal, input.journalFile, input.snapshotFile);
  return { state, migratedFrom, journal, snapshotSeq, named };
}

/** The journal a snapshot names must be one of the journal files, continuing from the entry it says. */
function checkNamedJournal(
  named: JournalRef,
  candidates: ({ id: string | null; base: number } | null)[],
  journal: JournalContents | null,
  journalFile: string,
  snapshotFile: string,
): void {
  const found = candidates.find((c) => c !== null && c.id === named.id);
  const expected = { snapshotFile, journalId: named.id, base: named.base };
  if (!found && journal === null) throw new JournalGapError(journalFile, { kind: 'journal-missing', ...expected });
  if (!found) {
    throw new JournalGapError(journalFile, { kind: 'journal-other', ...expected, foundId: journal!.id, foundBase: journal!.base });
  }
  if (found.base !== named.base) throw new JournalGapError(journalFile, { kind: 'journal-misplaced', ...expected, foundBase: found.base });
}

function replay(state: StoreState, journal: JournalContents, journalFile: string, snapshotFile: string): void {
  if (journal.base > state.journalSeq) {
    throw new JournalGapError(journalFile, { kind: 'journal-ahead', snapshotFile, journalBase: journal.base, snapshotSeq: state.journalSeq });
  }
  // Entries up to the snapshot's are already in it: a crash came after the snapshot was written but
  // before the journal it replaces was dropped.
  for (const entry of journal.entries) {
    if (entry.seq <= state.journalSeq) continue;
    for (const op of entry.ops) state.apply(op);
    state.journalSeq = entry.seq;
  }
}
