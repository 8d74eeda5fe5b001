// Keeps a week or more of offline work within extension storage: segments that continue each other
// exactly (same page and mode, one starting when the other ended) become one, and only if the outbox
// ever outgrows its budget are the oldest segments given up. Pure.
import type { Segment } from '../../shared/schemas/sync.ts';

/**
 * storage.local holds 10 MB in Chrome; the tracker state and the rest need little. Far above a week of
 * dense study (see compaction.test.ts), so reaching it means months offline.
 */
export const OUTBOX_BUDGET_BYTES = 8 * 1024 * 1024;

/**
 * Merges each segment into the one before it when it continues it exactly. A segment that has been
 * offered to the server (it may hold it already) is never changed, so its id always means one interval.
 */
export function compact(outbox: readonly Segment[], offered: ReadonlySet<string>): Segment[] {
  const out: Segment[] = [];
  for (const segment of outbox) {
    const last = out[out.length - 1];
    if (last !== undefined && continues(last, segment) && !offered.has(last.id) && !offered.has(segment.id)) {
      out[out.length - 1] = { ...last, title: segment.title || last.title, endedAt: segment.endedAt };
    } else {
      out.push(segment);
    }
  }
  return out;
}

function continues(a: Segment, b: Segment): boolean {
  return (
    a.resourceId === b.resourceId &&
    a.url === b.url &&
    a.mode === b.mode &&
    Date.parse(a.endedAt) === Date.parse(b.startedAt)
  );
}

/** Approximate stored size of a segment in bytes (JSON, UTF-8). */
export function segmentBytes(segment: Segment): number {
  const utf8 = (text: string) => new TextEncoder().encode(text).length;
  // Keys, quotes, the uuid, the two instants and the mode come to about 190 bytes.
  return 190 + segment.resourceId.length + utf8(segment.url) + utf8(segment.title);
}

/** The outbox within the budget: the oldest segments go first. */
export function withinBudget(outbox: readonly Segment[], budgetBytes = OUTBOX_BUDGET_BYTES): { kept: Segment[]; dropped: number } {
  let total = 0;
  let first = outbox.length;
  while (first > 0 && total + segmentBytes(outbox[first - 1]!) <= budgetBytes) {
    first--;
    total += segmentBytes(outbox[first]!);
  }
  return { kept: outbox.slice(first), dropped: first };
}
