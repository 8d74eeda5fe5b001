// Pure operations on the outbox: what goes in a batch, what the server's verdict removes, and how
// unsent segments are set aside for a person who signed out and given back when they return.
import { MAX_SEGMENTS_PER_SYNC, type Segment, type SyncResponse } from '../../shared/schemas/sync.ts';
import type { ParkedOutbox } from '../storage/items.ts';

export function takeBatch(outbox: readonly Segment[], size = MAX_SEGMENTS_PER_SYNC): Segment[] {
  return outbox.slice(0, size);
}

/** The outbox without every segment the server gave a verdict on (accepted or rejected). */
export function removeSettled(outbox: readonly Segment[], response: SyncResponse): Segment[] {
  const settled = new Set([...response.accepted, ...response.rejected.map((r) => r.id)]);
  return outbox.filter((s) => !settled.has(s.id));
}

/** Appends without duplicating ids, so replaying a commit cannot send a segment twice. */
export function appendSegments(outbox: readonly Segment[], segments: readonly Segment[]): Segment[] {
  const known = new Set(outbox.map((s) => s.id));
  return [...outbox, ...segments.filter((s) => !known.has(s.id))];
}

/** Sets the owner's unsent segments aside (merged with any already parked for them). */
export function park(parked: readonly ParkedOutbox[], owner: string, segments: readonly Segment[]): ParkedOutbox[] {
  if (segments.length === 0) return [...parked];
  const existing = parked.find((p) => p.owner === owner)?.segments ?? [];
  return [...parked.filter((p) => p.owner !== owner), { owner, segments: appendSegments(existing, segments) }];
}

/** Takes the owner's parked segments back out. */
export function unpark(
  parked: readonly ParkedOutbox[],
  owner: string,
): { segments: readonly Segment[]; parked: ParkedOutbox[] } {
  return {
    segments: parked.find((p) => p.owner === owner)?.segments ?? [],
    parked: parked.filter((p) => p.owner !== owner),
  };
}
