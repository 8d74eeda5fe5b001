// Checks one uploaded segment on its own, so a bad segment is rejected alone and the rest of the
// batch is kept. Pure: "now" and the policy versions are passed in. A refused segment whose times are
// usable still counts as raw time, with its reason, clamped to the window the server accepts:
//
//   schema, end ≤ start           → rejected, nothing kept (no trustworthy interval)
//   too long, in future, too old  → rejected, seconds kept as `invalid`
//   unknown resource, URL outside → rejected, seconds kept as `outside_allowlist` (URL not kept)
import { MIN_SEGMENT_MS, SEGMENT_REJECTION_CODES, segmentSchema, type Rejection, type Segment } from '../../shared/schemas/sync.ts';
import { matchesPattern, parseMatchPattern, type MatchPattern } from '../../shared/url/match-pattern.ts';
import { describeIssues } from '../../shared/schemas/errors.ts';
import { segmentContentHash } from '../store/content-hash.ts';
import type { CheckedSegment, PolicyVersionRecord, RefusedSegment } from '../store/store-contract.ts';

export const SEGMENT_LIMITS = {
  /** Longer than a working day is not one sitting: a stuck clock or a forged segment. */
  maxDurationMs: 12 * 3600_000,
  /** Tolerated client clock skew into the future. */
  futureSkewMs: 120_000,
  /** Older segments are refused, so the past cannot be rewritten long after reports were read. */
  maxAgeMs: 30 * 86_400_000,
} as const;

type PolicyResource = PolicyVersionRecord['resources'][number];

/** Parsed patterns, kept: the same few patterns judge every segment. */
const parsedPatterns = new Map<string, MatchPattern | null>();
function matchesAnyPattern(patterns: readonly string[], url: URL): boolean {
  for (const p of patterns) {
    let parsed = parsedPatterns.get(p);
    if (parsed === undefined) {
      if (parsedPatterns.size > 10_000) parsedPatterns.clear();
      parsed = parseMatchPattern(p);
      parsedPatterns.set(p, parsed);
    }
    if (parsed !== null && matchesPattern(parsed, url)) return true;
  }
  return false;
}

/**
 * Whether a page is inside a resource, remembered per resource of a policy version (versions never
 * change, only get added): a person's segments come from the same few pages again and again, and
 * parsing the URL and matching every pattern was a large share of checking a segment.
 */
const verdicts = new WeakMap<PolicyResource, Map<string, boolean>>();
function resourceHolds(resource: PolicyResource, url: string): boolean {
  let known = verdicts.get(resource);
  if (known === undefined) {
    known = new Map();
    verdicts.set(resource, known);
  }
  let inside = known.get(url);
  if (inside === undefined) {
    if (known.size > 10_000) known.clear();
    inside = matchesAnyPattern(resource.patterns, new URL(url));
    known.set(url, inside);
  }
  return inside;
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
  if (endMs - startMs < MIN_SEGMENT_MS) {
    return { ok: false, rejection: { id, code: SEGMENT_REJECTION_CODES.tooShort, message: 'A segment must last at least one second' } };
  }

  const { nowMs } = context;
  const timeProblem =
    endMs - startMs > SEGMENT_LIMITS.maxDurationMs
      ? TOO_LONG
      : endMs > nowMs + SEGMENT_LIMITS.futureSkewMs
        ? IN_FUTURE
        : startMs < nowMs - SEGMENT_LIMITS.maxAgeMs
          ? TOO_OLD
          : null;
  if (timeProblem) return refuse({ segment, id, startMs, endMs, nowMs }, timeProblem, 'invalid');

  let known = false;
  for (const policy of context.policiesAt(startMs)) {
    const resource = policy.resources.find((r) => r.id === segment.resourceId);
    if (!resource) continue;
    known = true;
    if (resourceHolds(resource, segment.url)) {
      const { resourceId, url, title, mode } = segment;
      return { ok: true, segment: { id: segment.id, resourceId, url, title, startMs, endMs, mode, policyVersion: policy.version } };
    }
  }
  const problem = known
    ? OUTSIDE_RESOURCE
    : { code: SEGMENT_REJECTION_CODES.unknownResource, message: `There is no designated resource with id "${segment.resourceId}"` };
  return refuse({ segment, id, startMs, endMs, nowMs }, problem, 'outside_allowlist');
}

interface Problem {
  code: string;
  message: string;
}
const TOO_LONG: Problem = { code: SEGMENT_REJECTION_CODES.tooLong, message: 'A segment may last at most 12 hours' };
const IN_FUTURE: Problem = { code: SEGMENT_REJECTION_CODES.inFuture, message: "endedAt is in the future: check the device's clock" };
const TOO_OLD: Problem = { code: SEGMENT_REJECTION_CODES.tooOld, message: 'startedAt is more than 30 days ago' };
const OUTSIDE_RESOURCE: Problem = { code: SEGMENT_REJECTION_CODES.outsideResource, message: "The url does not match the resource's patterns" };

interface Judged {
  segment: Segment;
  /** As the verdict names it. */
  id: string;
  startMs: number;
  endMs: number;
  nowMs: number;
}

/** A refusal whose seconds are kept as raw time: only what falls inside the window the server accepts, at most the longest sitting. */
function refuse({ segment, id, startMs, endMs, nowMs }: Judged, { code, message }: Problem, reason: RefusedSegment['reason']): SegmentVerdict {
  const from = Math.max(startMs, nowMs - SEGMENT_LIMITS.maxAgeMs);
  const to = Math.min(endMs, nowMs + SEGMENT_LIMITS.futureSkewMs, from + SEGMENT_LIMITS.maxDurationMs);
  const contentHash = segmentContentHash({ resourceId: segment.resourceId, url: segment.url, title: segment.title, startMs, endMs, mode: segment.mode });
  return { ok: false, rejection: { id, code, message }, refused: { id, reason, code, message, contentHash, startMs: from, endMs: Math.max(from, to) } };
}
