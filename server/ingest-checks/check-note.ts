// The time check a note gets after its shape: a note's times order its versions (the latest updatedAt
// wins the merge), so a time in the future would win every merge until then. Refused like a segment
// that ends in the future, with the same clock-skew tolerance.
import { SEGMENT_REJECTION_CODES } from '../../shared/schemas/sync.ts';
import type { Note } from '../../shared/schemas/notes.ts';
import { SEGMENT_LIMITS } from './check-segment.ts';

/** Null when the note's times are acceptable, else its rejection. */
export function noteTimeProblem(note: Note, nowMs: number): { id: string; code: string; message: string } | null {
  const latest = nowMs + SEGMENT_LIMITS.futureSkewMs;
  for (const field of ['createdAt', 'updatedAt', 'deletedAt'] as const) {
    const at = note[field];
    if (at !== null && Date.parse(at) > latest) {
      return { id: note.id, code: SEGMENT_REJECTION_CODES.inFuture, message: `${field} is in the future: check the device's clock` };
    }
  }
  return null;
}
