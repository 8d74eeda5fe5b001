// GET /api/people/{id}/log: credited seconds (overlaps once, days in Asia/Shanghai) and who may see it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learningLogSchema } from '../../shared/schemas/log.ts';
import { syncResponseSchema, type Segment } from '../../shared/schemas/sync.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-10T12:00:00+08:00') });
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

async function upload(token: string, deviceId: string, segments: Partial<Segment>[]): Promise<void> {
  const full = segments.map((s) => ({
    id: randomUUID(),
    resourceId: org.resources.theory.id,
    url: 'https://www.example.org/learn/x',
    title: 'x',
    mode: 'reading',
    ...s,
  }));
  const res = expectData(await server.api.post('/api/sync', { deviceId, segments: full }, token), syncResponseSchema);
  expect(res.rejected).toEqual([]);
}

const logPath = (personId: string, from: string, to: string) => `/api/people/${personId}/log?from=${from}&to=${to}`;
const getLog = async (token: string, personId: string, from: string, to: string) =>
  expectData(await server.api.get(logPath(personId, from, to), token), learningLogSchema);

describe('learning log', () => {
  it('counts two devices’ overlapping segments once', async () => {
    const me = org.people.staffResearch;
    await upload(me.token, 'laptop', [{ startedAt: '2026-03-02T09:00:00+08:00', endedAt: '2026-03-02T10:00:00+08:00' }]);
    await upload(me.token, 'desktop', [
      {
        resourceId: org.resources.law.id,
        url: 'https://law.example.com/civil-code',
        startedAt: '2026-03-02T09:30:00+08:00',
        endedAt: '2026-03-02T10:30:00+08:00',
      },
    ]);
    const log = await getLog(me.token, me.user.id, '2026-03-02', '2026-03-02');
    expect(log).toEqual({
      personId: me.user.id,
      from: '2026-03-02',
      to: '2026-03-02',
      totalSeconds: 5400,
      days: [{ date: '2026-03-02', seconds: 5400 }],
      byCategory: { 'political-theory': 3600, 'cppcc-theory': 0, professional: 1800, other: 0 },
      byResource: [
        { resourceId: org.resources.theory.id, seconds: 3600 },
        { resourceId: org.resources.law.id, seconds: 1800 },
      ],
    });
  });

  it('splits at midnight in Asia/Shanghai and lists every day of the range', async () => {
    const me = org.people.staffCulture;
    // 23:40-00:20 Shanghai is 15:40-16:20 UTC: a single UTC day, two local days.
    await upload(me.token, 'laptop', [{ startedAt: '2026-03-03T15:40:00Z', endedAt: '2026-03-03T16:20:00Z' }]);
    const log = await getLog(me.token, me.user.id, '2026-03-02', '2026-03-05');
    expect(log.days).toEqual([
      { date: '2026-03-02', seconds: 0 },
      { date: '2026-03-03', seconds: 1200 },
      { date: '2026-03-04', seconds: 1200 },
      { date: '2026-03-05', seconds: 0 },
    ]);
    expect(log.totalSeconds).toBe(2400);
  });

  it('does not change when the same segments are synced again', async () => {
    const me = org.people.leadCulture;
    const s = { id: randomUUID(), startedAt: '2026-03-06T09:00:00+08:00', endedAt: '2026-03-06T09:20:00+08:00' };
    await upload(me.token, 'laptop', [s]);
    await upload(me.token, 'laptop', [s]);
    await upload(me.token, 'phone', [s]);
    expect((await getLog(me.token, me.user.id, '2026-03-06', '2026-03-06')).totalSeconds).toBe(1200);
  });

  it('is shown to the person, leaders of their unit or above, and admins; refused to others', async () => {
    const person = org.people.staffCulture.user.id;
    for (const token of [org.people.staffCulture.token, org.people.leadCulture.token, org.people.leadOffice.token, org.adminToken]) {
      expect((await server.api.get(logPath(person, '2026-03-01', '2026-03-07'), token)).status).toBe(200);
    }
    expectError(await server.api.get(logPath(person, '2026-03-01', '2026-03-07'), org.people.staffResearch.token), 403, 'forbidden');
    const research = org.people.staffResearch.user.id;
    expectError(await server.api.get(logPath(research, '2026-03-01', '2026-03-07'), org.people.leadCulture.token), 403, 'forbidden');
    expectError(await server.api.get(logPath(person, '2026-03-01', '2026-03-07')), 401, 'unauthenticated');
  });

  it('answers 404 for an unknown person', async () => {
    expectError(await server.api.get(logPath('noSuchPerson', '2026-03-01', '2026-03-07'), org.adminToken), 404, 'not_found');
  });

  it.each([
    ['a missing from', '/log?to=2026-03-07', 'from'],
    ['a missing to', '/log?from=2026-03-07', 'to'],
    ['a malformed date', '/log?from=2026-3-1&to=2026-03-07', 'from'],
    ['an impossible date', '/log?from=2026-02-30&to=2026-03-07', 'from'],
    ['from after to', '/log?from=2026-03-08&to=2026-03-07', 'from'],
    ['a range over 366 days', '/log?from=2025-01-01&to=2026-01-02', 'to'],
  ])('rejects %s with 400 naming the parameter', async (_, query, field) => {
    const res = await server.api.get(`/api/people/${org.people.staffCulture.user.id}${query}`, org.adminToken);
    expect(expectError(res, 400, 'validation_failed')).toContain(field);
  });

  it('allows a range of exactly 366 days', async () => {
    const log = await getLog(org.adminToken, org.people.staffCulture.user.id, '2024-01-01', '2024-12-31');
    expect(log.days).toHaveLength(366);
  });
});
