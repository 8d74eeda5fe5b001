// Raw versus credited time through the API: every discounted second has a reason the person and their
// leaders can see; sync is limited per token.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { detailedLearningLogSchema } from '../../shared/schemas/log.ts';
import { segmentReportSchema } from '../../shared/schemas/reports.ts';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import { syncResponseSchema, type Segment } from '../../shared/schemas/sync.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-10T12:00:00+08:00'), limits: { syncBurst: 1000 } });
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

const seg = (overrides: Partial<Segment>): Segment => ({
  id: randomUUID(),
  resourceId: org.resources.theory.id,
  url: 'https://www.example.org/learn/x',
  title: 'x',
  startedAt: '2026-03-09T09:00:00+08:00',
  endedAt: '2026-03-09T10:00:00+08:00',
  mode: 'reading',
  ...overrides,
});
const sync = async (token: string, deviceId: string, segments: Segment[]) =>
  expectData(await server.api.post('/api/sync', { deviceId, segments }, token), syncResponseSchema);

describe('raw and credited seconds', () => {
  it('keeps every discounted second with its reason, shown in the log and per segment', async () => {
    const me = org.people.staffResearch;
    await server.api.put('/api/settings', { ...DEFAULT_SETTINGS, dailyCapSeconds: 5400 }, org.adminToken);
    const laptop = seg({ startedAt: '2026-03-09T09:00:00+08:00', endedAt: '2026-03-09T10:00:00+08:00' });
    const phone = seg({ resourceId: org.resources.law.id, url: 'https://law.example.com/x', startedAt: '2026-03-09T09:30:00+08:00', endedAt: '2026-03-09T10:30:00+08:00' });
    const evening = seg({ startedAt: '2026-03-09T20:00:00+08:00', endedAt: '2026-03-09T20:30:00+08:00' });
    const outside = seg({ url: 'https://www.example.org/news/1', startedAt: '2026-03-09T11:00:00+08:00', endedAt: '2026-03-09T11:10:00+08:00' });
    expect((await sync(me.token, 'laptop', [laptop, evening])).accepted).toHaveLength(2);
    expect((await sync(me.token, 'phone', [phone])).accepted).toEqual([phone.id]);
    const refusedNow = await sync(me.token, 'phone', [outside]);
    expect(refusedNow.rejected).toEqual([{ id: outside.id, code: 'url_outside_resource', message: expect.any(String) }]);
    // Today, partly in the future (the server's clock says 12:00): the part before now+2 min is kept as invalid.
    const future = seg({ startedAt: '2026-03-10T11:50:00+08:00', endedAt: '2026-03-10T13:00:00+08:00' });
    expect((await sync(me.token, 'laptop', [future])).rejected[0]!.code).toBe('in_future');
    // Sent again: the same verdict, nothing counted twice.
    expect((await sync(me.token, 'phone', [outside])).rejected[0]!.code).toBe('url_outside_resource');

    for (const token of [me.token, org.people.leadOffice.token, org.adminToken]) {
      const log = expectData(await server.api.get(`/api/people/${me.user.id}/log?from=2026-03-09&to=2026-03-10`, token), detailedLearningLogSchema);
      expect(log.totalSeconds).toBe(5400);
      expect(log.rawSeconds).toBe(3600 + 3600 + 1800 + 600 + 720);
      expect(log.discounts).toEqual({ overlap: 1800, daily_cap: 1800, outside_allowlist: 600, invalid: 720 });
      expect(log.days).toEqual([
        { date: '2026-03-09', seconds: 5400, rawSeconds: 9600 },
        { date: '2026-03-10', seconds: 0, rawSeconds: 720 },
      ]);
    }
    expectError(await server.api.get(`/api/people/${me.user.id}/log?from=2026-03-09&to=2026-03-10`, org.people.leadCulture.token), 403, 'forbidden');

    const segments = expectData(await server.api.get(`/api/people/${me.user.id}/segments?from=2026-03-09&to=2026-03-09`, me.token), z.array(segmentReportSchema));
    expect(segments.map((s) => [s.id, s.deviceId, s.rawSeconds, s.creditedSeconds, s.discounts.overlap, s.discounts.daily_cap])).toEqual([
      [laptop.id, 'laptop', 3600, 3600, 0, 0],
      [phone.id, 'phone', 3600, 1800, 1800, 0],
      [evening.id, 'laptop', 1800, 0, 0, 1800],
    ]);
    expect(segments[0]!.startedAt).toBe('2026-03-09T01:00:00.000Z');
    await server.api.put('/api/settings', DEFAULT_SETTINGS, org.adminToken);
  });

  it('counts a day under the cap of the policy its segments were counted by', async () => {
    const me = org.people.staffCulture;
    await server.api.put('/api/settings', { ...DEFAULT_SETTINGS, dailyCapSeconds: 1800 }, org.adminToken);
    await sync(me.token, 'laptop', [seg({ startedAt: '2026-03-08T09:00:00+08:00', endedAt: '2026-03-08T10:00:00+08:00' })]);
    await server.api.put('/api/settings', DEFAULT_SETTINGS, org.adminToken);
    const log = expectData(await server.api.get(`/api/people/${me.user.id}/log?from=2026-03-08&to=2026-03-08`, me.token), detailedLearningLogSchema);
    expect(log.totalSeconds).toBe(1800);
    expect(log.discounts.daily_cap).toBe(1800);
  });
});

describe('limits', () => {
  it('limits sync per token with 429 and Retry-After, leaving other tokens alone', async () => {
    const limited = await startApiServer({ limits: { syncBurst: 2, syncPerSecond: 1 } });
    try {
      const small = await seedOrganisation(limited);
      const send = (token: string) => limited.api.post('/api/sync', { deviceId: 'd', segments: [] }, token);
      expect((await send(small.people.staffResearch.token)).status).toBe(200);
      expect((await send(small.people.staffResearch.token)).status).toBe(200);
      const refused = await send(small.people.staffResearch.token);
      expectError(refused, 429, 'rate_limited');
      expect(refused.headers.get('retry-after')).toBe('1');
      expect((await send(small.people.staffCulture.token)).status).toBe(200);
      limited.nowMs += 1000;
      expect((await send(small.people.staffResearch.token)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
