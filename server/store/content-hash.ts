// What makes a re-sent segment "the same": a digest of its content. Refused segments keep only this
// digest (not their URL), so the same check works for them.
import { createHash } from 'node:crypto';

export interface SegmentContent {
  resourceId: string;
  url: string;
  title: string;
  startMs: number;
  endMs: number;
  mode: string;
}

export function segmentContentHash(c: SegmentContent): string {
  return createHash('sha256')
    .update(JSON.stringify([c.resourceId, c.url, c.title, c.startMs, c.endMs, c.mode]))
    .digest('base64url')
    .slice(0, 22);
}
