// POST /api/sync: idempotent upload of counted time. Each segment gets its own verdict; the valid
// ones are stored durably before the response says "accepted".
import { Hono } from 'hono';
import { SEGMENT_REJECTION_CODES, syncRequestSchema, type Rejection, type Segment, type SyncResponse } from '../../shared/schemas/sync.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { checkSegment } from '../sync/check-segment.ts';

export function syncRoutes({ store, clock }: AppDeps) {
  return new Hono<AppEnv>().post('/', signedIn(store), async (c) => {
    const { deviceId, segments } = await readJson(c, syncRequestSchema);
    const nowMs = clock();
    const patterns = new Map((await store.listResources()).map((r) => [r.id, r.patterns]));

    // Verdicts in input order: a rejection from the checks, or the index into the valid list.
    const verdicts: (Rejection | number)[] = [];
    const valid: Segment[] = [];
    segments.forEach((raw, index) => {
      const verdict = checkSegment(raw, index, { nowMs, patternsOf: (id) => patterns.get(id) });
      if (verdict.ok) verdicts.push(valid.push(verdict.segment) - 1);
      else verdicts.push(verdict.rejection);
    });

    const outcomes = await store.recordSegments({ personId: c.get('user').id, deviceId, segments: valid });

    const accepted = new Set<string>();
    const rejected: Rejection[] = [];
    for (const verdict of verdicts) {
      if (typeof verdict !== 'number') {
        rejected.push(verdict);
        continue;
      }
      const { id } = valid[verdict]!;
      if (outcomes[verdict] === 'id_reused') {
        rejected.push({ id, code: SEGMENT_REJECTION_CODES.idReused, message: 'This id was already used for a different segment' });
      } else {
        accepted.add(id);
      }
    }
    const { version } = await store.getPolicy();
    const body: SyncResponse = { accepted: [...accepted], rejected, policyVersion: version };
    return c.json(body);
  });
}
