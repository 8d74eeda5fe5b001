// Checks one uploaded segment on its own, so a bad segment is rejected alone and the rest of the
// batch is kept. Pure: "now" and the policy versions are passed in. A refused segment whose times are
// usable still counts as raw time, with its reason, clamped to the window the server accepts:
//
//   schema, end ≤ start           → rejected, nothing kept (no trustworthy interval)
//   too long, in future, too old  → rejected, seconds kept as `invalid`
//   unknown resource, URL outside → rejected, seconds kept as `outside_allowlist` (URL not kept)
import { SEGMENT_REJECTION_CODES, segmentSchema, type Rejection } from '../../shared/schemas/sync.ts';
import { matchesPattern, parseMatchPattern, type MatchPattern } from '../../shared/url/match-pattern.ts';
import { describeIssues } from '../http/json-body.ts';
import { segmentContentHash } from '../store/content-hash.ts';
import type { CheckedSegment, PolicyVersionRecord, RefusedSegment } from '../store/records.ts';

export const SEGMENT_LIMITS = {
  /** Longer than a working day is not one sitting: a stuck clock or a forged segment. */
  maxDurationMs: 12 * 3600_000,
  /** Tolerated client clock skew into the future. */
  futureSkewMs: 120_000,
  /** Older segments are refused, so the past cannot be rewritten long after reports were read. */
  maxAgeMs: 30 * 86_400_000,
} as const;

/** Parsed patterns, kept: the same few patterns judge every segment. */
const parsedPatterns = new Map<string, MatchPattern | null>();
function matchesAnyPattern(patterns: readonly string[], url: URL): boolean {
  return patterns.some((p) => {
    let parsed = parsedPatterns.get(p);
    if (parsed === undefined) {
      if (parsedPatterns.size > 10_000) parsedPatterns.clear();
      parsed = parseMatchPattern(p);
      parsedPatterns.set(p, parsed);
    }
    return parsed !== null && matchesPattern(parsed, url);
  });
}

/** Parsed page URLs, kept: a person's segments come from the same few pages again and again. */
const parsedUrls = new Map<string, URL>();
function parsedUrl(url: string): URL {
  let parsed = parsedUrls.get(url);
  if (parsed === undefined) {
    if (parsedUrls.size > 10_000) parsedUrls.clear();
    parsed = new URL(url);
    parsedUrls.set(url, parsed);
  }
  return parsed;
}

export type SegmentVerdict =
  | { ok: true; segment: CheckedSegment }
  /** `refused` is set when the seconds are kept as raw time. */
  | { ok: false; rejection: Rejection; refused?: RefusedSegment };

export interface CheckContext {
  nowMs: number;
  /** The policy versions to judge by, preferred first: the one in force at the segment's start, then the current one. */
  policiesAt: (startMs: number) => readonly PolicyVersionRecord[];
}

export function checkSegment(raw: unknown, index: number, context: CheckContext): SegmentVerdict {
  const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  // A segment without a usable id is named by its position, so the client can still find it.
  const id = typeof rawId === 'string' && rawId !== '' ? rawId.slice(0, 100) : `segments[${index}]`;
  const parsed = segmentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, rejection: { id, code: SEGMENT_REJECTION_CODES.invalid, message: describeIssues(parsed.error) } };
  const segment = parsed.data;
  const startMs = Date.parse(segment.startedAt);
  const endMs = Date.parse(segment.endedAt);
  if (endMs <= startMs) {
    return { ok: false, rejection: { id, code: SEGMENT_REJECTION_CODES.endBeforeStart, message: 'endedAt must be later than startedAt' } };
  }

  const content = { resourceId: segment.resourceId, url: segment.url, title: segment.title, startMs, endMs, mode: segment.mode };
  const refuse = (code: string, message: string, reason: RefusedSegment['reason']): SegmentVerdict => {
    // Keep only what falls inside the window the server accepts, at most the longest sitting.
    const from = Math.max(startMs, context.nowMs - SEGMENT_LIMITS.maxAgeMs);
    const to = Math.min(endMs, context.nowMs + SEGMENT_LIMITS.futureSkewMs, from + SEGMENT_LIMITS.maxDurationMs);
    return {
      ok: false,
      rejection: { id, code, message },
      refused: { id, reason, code, message, contentHash: segmentContentHash(content), startMs: from, endMs: Math.max(from, to) },
    };
  };

  if (endMs - startMs > SEGMENT_LIMITS.maxDurationMs) return refuse(SEGMENT_REJECTION_CODES.tooLong, 'A segment may last at most 12 hours', 'invalid');
  if (endMs > context.nowMs + SEGMENT_LIMITS.futureSkewMs) {
    return refuse(SEGMENT_REJECTION_CODES.inFuture, "endedAt is in the future: check the device's clock", 'invalid');
  }
  if (startMs < context.nowMs - SEGMENT_LIMITS.maxAgeMs) return refuse(SEGMENT_REJECTION_CODES.tooOld, 'startedAt is more than 30 days ago', 'invalid');

  const candidates = context.policiesAt(startMs);
  const url = parsedUrl(segment.url);
  let known = false;
  for (const policy of candidates) {
    const resource = policy.resources.find((r) => r.id === segment.resourceId);
    if (!resource) continue;
    known = true;
    if (matchesAnyPattern(resource.patterns, url)) {
      return { ok: true, segment: { id: segment.id, ...content, mode: segment.mode, policyVersion: policy.version } };
    }
  }
  return known
    ? refuse(SEGMENT_REJECTION_CODES.outsideResource, "The url does not match the resource's patterns", 'outside_allowlist')
    : refuse(SEGMENT_REJECTION_CODES.unknownResource, `There is no designated resource with id "${segment.resourceId}"`, 'outside_allowlist');
}
