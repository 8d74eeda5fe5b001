// POST /api/sync: per-segment verdicts, idempotent re-sync, and nothing stored for a bad request.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEGMENTS_PER_SYNC, syncResponseSchema, type Segment } from '../../shared/schemas/sync.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

// The test server's clock stands at 2026-03-06 10:00 Shanghai time.
beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-06T10:00:00+08:00') });
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

function segment(overrides: Partial<Segment> = {}): Segment {
  return {
    id: randomUUID(),
    resourceId: org.resources.theory.id,
    url: 'https://www.example.org/learn/lesson-1',
    title: '第一课',
    startedAt: '2026-03-06T09:00:00+08:00',
    endedAt: '2026-03-06T09:05:00+08:00',
    mode: 'reading',
    ...overrides,
  };
}

const sync = async (token: string, segments: unknown[], deviceId = 'laptop') =>
  expectData(await server.api.post('/api/sync', { deviceId, segments }, token), syncResponseSchema);

describe('POST /api/sync', () => {
  it('accepts valid segments and stores them with who, where and when', async () => {
    const s = segment();
    const result = await sync(org.people.staffResearch.token, [s]);
    expect(result).toEqual({ accepted: [s.id], rejected: [], policyVersion: expect.any(Number) });
    const stored = await server.store.segmentsForPerson(org.people.staffResearch.user.id, 0, Number.MAX_SAFE_INTEGER);
    expect(stored.find((r) => r.id === s.id)).toEqual({
      id: s.id,
      resourceId: s.resourceId,
      url: s.url,
      title: s.title,
      startMs: Date.parse(s.startedAt),
      endMs: Date.parse(s.endedAt),
      mode: s.mode,
      personId: org.people.staffResearch.user.id,
      deviceId: 'laptop',
      policyVersion: result.policyVersion,
      receivedMs: Date.parse('2026-03-06T02:00:00.000Z'),
    });
  });

  it('treats the same segment sent again as a no-op that is still accepted', async () => {
    const s = segment({ startedAt: '2026-03-06T08:00:00+08:00', endedAt: '2026-03-06T08:10:00+08:00' });
    await sync(org.people.staffResearch.token, [s]);
    const before = await server.snapshot();
    expect((await sync(org.people.staffResearch.token, [s, s])).accepted).toEqual([s.id]);
    expect((await sync(org.people.staffResearch.token, [s], 'desktop')).accepted).toEqual([s.id]);
    expect(await server.snapshot()).toBe(before);
  });

  it('rejects an id reused with other content or by another person, keeping the original', async () => {
    const s = segment({ startedAt: '2026-03-06T07:00:00+08:00', endedAt: '2026-03-06T07:10:00+08:00' });
    await sync(org.people.staffResearch.token, [s]);
    const before = await server.snapshot();
    const changed = await sync(org.people.staffResearch.token, [{ ...s, endedAt: '2026-03-06T07:20:00+08:00' }]);
    expect(changed).toMatchObject({ accepted: [], rejected: [{ id: s.id, code: 'id_reused' }] });
    const stolen = await sync(org.people.staffCulture.token, [s]);
    expect(stolen).toMatchObject({ accepted: [], rejected: [{ id: s.id, code: 'id_reused' }] });
    expect(await server.snapshot()).toBe(before);
  });

  it('judges each segment alone: bad ones are rejected with a code and a message, good ones kept', async () => {
    const good = segment({ startedAt: '2026-03-06T06:00:00+08:00', endedAt: '2026-03-06T06:01:00+08:00' });
    const bad: [unknown, string][] = [
      [{ ...segment(), mode: 'sleeping' }, 'invalid_segment'],
      [segment({ endedAt: '2026-03-06T08:59:00+08:00' }), 'end_before_start'],
      [segment({ startedAt: '2026-03-05T20:00:00+08:00', endedAt: '2026-03-06T08:30:00+08:00' }), 'segment_too_long'],
      [segment({ endedAt: '2026-03-06T10:05:00+08:00' }), 'in_future'],
      [segment({ startedAt: '2026-01-01T09:00:00+08:00', endedAt: '2026-01-01T09:05:00+08:00' }), 'too_old'],
      [segment({ resourceId: 'noSuchResource' }), 'unknown_resource'],
      [segment({ url: 'https://www.example.org/news/today' }), 'url_outside_resource'],
    ];
    const result = await sync(org.people.staffResearch.token, [bad[0]![0], good, ...bad.slice(1).map(([s]) => s)]);
    expect(result.accepted).toEqual([good.id]);
    expect(result.rejected.map((r) => r.code)).toEqual(bad.map(([, code]) => code));
    for (const r of result.rejected) expect(r.message.length).toBeGreaterThan(0);
    expect(result.rejected.map((r) => r.id)).toEqual(bad.map(([s]) => (s as Segment).id));
  });

  it.each([
    ['no deviceId', { segments: [] }, 'deviceId'],
    ['segments not an array', { deviceId: 'd', segments: {} }, 'segments'],
    ['too many segments', { deviceId: 'd', segments: Array.from({ length: MAX_SEGMENTS_PER_SYNC + 1 }, () => ({})) }, 'segments'],
  ])('rejects a request with %s as a whole, storing nothing', async (_, body, field) => {
    const before = await server.snapshot();
    const message = expectError(await server.api.post('/api/sync', body, org.people.staffResearch.token), 400, 'validation_failed');
    expect(message).toContain(field);
    expect(await server.snapshot()).toBe(before);
  });

  it('needs a token, and stores nothing without one', async () => {
    const before = await server.snapshot();
    expectError(await server.api.post('/api/sync', { deviceId: 'd', segments: [segment()] }), 401, 'unauthenticated');
    expectError(
      await server.api.send('POST', '/api/sync', { token: org.people.staffResearch.token, rawBody: '{"deviceId":', headers: { 'content-type': 'application/json' } }),
      400,
      'invalid_json',
    );
    expect(await server.snapshot()).toBe(before);
  });
});
