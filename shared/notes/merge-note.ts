// How two versions of one note are reconciled, identically on the extension and on the server:
// the later change wins, and a deletion wins over any edit made before it.

import type { Note } from '../schemas/notes.ts';

/** When this version last changed: its deletion time for a tombstone, else its last edit. */
function changedAt(note: Note): number {
  return Date.parse(note.deletedAt ?? note.updatedAt);
}

/**
 * Picks the version to keep.
 *
 *   edit@10 vs edit@12      → edit@12
 *   edit@12 vs delete@11    → edit@12   (the edit came after the deletion)
 *   edit@11 vs delete@11    → delete    (ties go to the deletion: nothing is resurrected by accident)
 *   equal times, both edits → the one whose JSON sorts last (any rule works; it must be the same everywhere)
 */
export function mergeNote(a: Note, b: Note): Note {
  const ta = changedAt(a);
  const tb = changedAt(b);
  if (ta !== tb) return ta > tb ? a : b;
  const aDeleted = a.deletedAt !== null;
  const bDeleted = b.deletedAt !== null;
  if (aDeleted !== bDeleted) return aDeleted ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}
