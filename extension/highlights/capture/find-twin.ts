// Is a new clip the same passage as a note already on the page? Two selections of one passage by hand
// rarely match to the character (a punctuation mark more or less), so "the same" is: they overlap by at
// least TWIN_OVERLAP of the longer one. A deliberate clip of part of a long passage is not a twin.
import type { TextSpan } from '../anchoring/types.ts';

export const TWIN_OVERLAP = 0.9;

/** The id of the anchored note whose passage is the candidate's, the closest one if several; else null. */
export function findTwin(candidate: TextSpan, anchored: Iterable<readonly [string, TextSpan]>): string | null {
  let best: string | null = null;
  let bestShare = 0;
  for (const [id, span] of anchored) {
    const overlap = Math.min(candidate.end, span.end) - Math.max(candidate.start, span.start);
    if (overlap <= 0) continue;
    const share = overlap / Math.max(candidate.end - candidate.start, span.end - span.start);
    if (share >= TWIN_OVERLAP && share > bestShare) {
      best = id;
      bestShare = share;
    }
  }
  return best;
}
