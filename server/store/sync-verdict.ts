// What a segment id sent again is answered, in both engines: the verdict it had when its content is
// the same, id_reused when not.
import { segmentContentHash } from './content-hash.ts';
import type { CheckedSegment, RefusedSegment, SegmentOutcome, SegmentRecord } from './store-contract.ts';

/** A re-sent id: the verdict it had when its content is the same, id_reused when not. */
export function sameContent(existing: CheckedSegment | RefusedSegment | SegmentRecord, contentHash: string): SegmentOutcome {
  if ('code' in existing) {
    return existing.contentHash === contentHash ? { kind: 'rejected', code: existing.code, message: existing.message } : { kind: 'id_reused' };
  }
  return segmentContentHash(existing) === contentHash ? { kind: 'accepted' } : { kind: 'id_reused' };
}

/** What a sent segment's content hashes to: a refused one carries it, an accepted one is hashed (only when its id comes again). */
export function contentHashOf(item: CheckedSegment | RefusedSegment): string {
  return 'contentHash' in item ? item.contentHash : segmentContentHash(item);
}
