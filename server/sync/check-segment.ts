// Checks one uploaded segment on its own, so a bad segment is rejected alone and the rest of the
// batch is kept. Pure: "now" and the resources are passed in.
import { matchesAny } from '../../shared/url/match-pattern.ts';
import { SEGMENT_REJECTION_CODES, segmentSchema, type Rejection, type Segment } from '../../shared/schemas/sync.ts';
import { describeIssues } from '../http/json-body.ts';

export const SEGMENT_LIMITS = {
  /** Longer than a working day is not one sitting: a stuck clock or a forged segment. */
  maxDurationMs: 12 * 3600_000,
  /** Tolerated client clock skew into the future. */
  futureSkewMs: 120_000,
  /** Older segments are refused, so the past cannot be rewritten long after reports were read. */
  maxAgeMs: 30 * 86_400_000,
} as const;

export type SegmentVerdict = { ok: true; segment: Segment } | { ok: false; rejection: Rejection };

function reject(id: string, code: string, message: string): SegmentVerdict {
  return { ok: false, rejection: { id, code, message } };
}

export function checkSegment(
  raw: unknown,
  index: number,
  context: { nowMs: number; patternsOf: (resourceId: string) => readonly string[] | undefined },
): SegmentVerdict {
  const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  // A segment without a usable id is named by its position, so the client can still find it.
  const id = typeof rawId === 'string' && rawId !== '' ? rawId : `segments[${index}]`;

  const parsed = segmentSchema.safeParse(raw);
  if (!parsed.success) return reject(id, SEGMENT_REJECTION_CODES.invalid, describeIssues(parsed.error));
  const segment = parsed.data;

  const startMs = Date.parse(segment.startedAt);
  const endMs = Date.parse(segment.endedAt);
  if (endMs <= startMs) return reject(id, SEGMENT_REJECTION_CODES.endBeforeStart, 'endedAt must be later than startedAt');
  if (endMs - startMs > SEGMENT_LIMITS.maxDurationMs) {
    return reject(id, SEGMENT_REJECTION_CODES.tooLong, 'A segment may last at most 12 hours');
  }
  if (endMs > context.nowMs + SEGMENT_LIMITS.futureSkewMs) {
    return reject(id, SEGMENT_REJECTION_CODES.inFuture, "endedAt is in the future: check the device's clock");
  }
  if (startMs < context.nowMs - SEGMENT_LIMITS.maxAgeMs) {
    return reject(id, SEGMENT_REJECTION_CODES.tooOld, 'startedAt is more than 30 days ago');
  }
  const patterns = context.patternsOf(segment.resourceId);
  if (!patterns) {
    return reject(id, SEGMENT_REJECTION_CODES.unknownResource, `There is no resource with id "${segment.resourceId}"`);
  }
  if (!matchesAny(patterns, segment.url)) {
    return reject(id, SEGMENT_REJECTION_CODES.outsideResource, "The url does not match the resource's patterns");
  }
  return { ok: true, segment };
}
