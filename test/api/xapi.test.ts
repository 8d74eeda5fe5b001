// xAPI export over real HTTP: statements for a person or a unit and a date range, each accepted by
// the xAPI validator; who may ask; and the actor's home page as the client reached the server, through
// a reverse proxy only when it is trusted, or as configured.
import validation from '@learninglocker/xapi-validation';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { syncResponseSchema, type Segment } from '../../shared/schemas/sync.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

const validate = ((validation as unknown as { default?: unknown }).default ?? validation) as (s: unknown) => unknown[];
const statementsSchema = z.array(
  z.object({
    id: z.uuid(),
    actor: z.object({ account: z.object({ homePage: z.string(), name: z.string() }) }),
    verb: z.object({ id: z.string() }),
    object: z.object({ id: z.string() }),
    result: z.object({ duration: z.string().optional() }).loose().optional(),
    timestamp: z.string(),
  }).loose(),
);

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

async function setUp(options: { trustProxy?: boolean; publicUrl?: string } = {}) {
  server = await startApiServer(options);
  org = await seedOrganisation(server);
  const segment = (url: string, start: string, end: string): Segment => ({
    id: randomUUID(), resourceId: org.resources.theory.id, url, title: '第一课', startedAt: start, endedAt: end, mode: 'reading',
  });
  const sync = async (token: string, segments: Segment[]) =>
    expectData(await server.api.post('/api/sync', { deviceId: 'laptop', segments }, token), syncResponseSchema);
  await sync(org.people.staffResearch.token, [
    segment('https://www.example.org/learn/1', '2026-03-06T09:00:00+08:00', '2026-03-06T09:25:00+08:00'),
    segment('https://www.example.org/learn/2', '2026-03-05T20:00:00+08:00', '2026-03-05T20:10:00+08:00'),
  ]);
  await sync(org.people.staffCulture.token, [segment('https://www.example.org/learn/3', '2026-03-06T08:00:00+08:00', '2026-03-06T08:30:00+08:00')]);
}

afterEach(() => server.close());

const get = async (path: string, token: string, headers: Record<string, string> = {}) => {
  const res = await server.api.send('GET', path, { token, headers });
  const statements = expectData(res, statementsSchema);
  for (const s of statements) expect(validate(s), s.id).toEqual([]);
  return statements;
};

describe('GET /api/people/{id}/xapi', () => {
  it('exports the person\'s records of the range as valid statements on this server\'s home page', async () => {
    await setUp();
    const me = org.people.staffResearch;
    const statements = await get(`/api/people/${me.user.id}/xapi?from=2026-03-06&to=2026-03-06`, me.token);
    expect(statements.map((s) => [s.object.id, s.result?.duration, s.timestamp])).toEqual([
      ['https://www.example.org/learn/1', 'PT25M', '2026-03-06T09:00:00+08:00'],
    ]);
    expect(statements[0]!.actor.account).toEqual({ homePage: `${server.url}/`, name: 'staff.research' });
    expect(await get(`/api/people/${me.user.id}/xapi?period=week&date=2026-03-06`, me.token)).toHaveLength(2);
  });

  it('lets their leader and an admin export it, and nobody else', async () => {
    await setUp();
    const id = org.people.staffResearch.user.id;
    expect(await get(`/api/people/${id}/xapi?period=month`, org.people.leadOffice.token)).toHaveLength(2);
    expect(await get(`/api/people/${id}/xapi?period=month`, org.adminToken)).toHaveLength(2);
    expectError(await server.api.get(`/api/people/${id}/xapi?period=month`, org.people.leadCulture.token), 403, 'forbidden');
    expectError(await server.api.get(`/api/people/${id}/xapi?period=month`, org.people.staffCulture.token), 403, 'forbidden');
    expectError(await server.api.get(`/api/people/nobody/xapi?period=month`, org.adminToken), 404, 'not_found');
    expectError(await server.api.get(`/api/people/${id}/xapi?period=month`), 401, 'unauthenticated');
  });

  it('reports the time the learning log credits (overlap once) and the person\'s notes as annotations', async () => {
    await setUp();
    const me = org.people.staffResearch;
    // Another device overlapping 09:00–09:25 by 10 minutes, and a note clipped that morning.
    const note = {
      id: randomUUID(), url: 'https://www.example.org/learn/1', canonicalUrl: null, title: '第一课', resourceId: org.resources.theory.id,
      selectors: [], quote: '学习型机关', comment: '要点', tags: [], colour: 'yellow',
      createdAt: '2026-03-06T09:10:00+08:00', updatedAt: '2026-03-06T09:10:00+08:00', deletedAt: null,
    };
    const overlapping: Segment = {
      id: randomUUID(), resourceId: org.resources.theory.id, url: 'https://www.example.org/learn/4', title: '第二课',
      startedAt: '2026-03-06T09:15:00+08:00', endedAt: '2026-03-06T09:35:00+08:00', mode: 'reading',
    };
    expectData(await server.api.post('/api/sync', { deviceId: 'phone', segments: [overlapping], notes: [note], cursor: null }, me.token), syncResponseSchema);
    const statements = await get(`/api/people/${me.user.id}/xapi?from=2026-03-06&to=2026-03-06`, me.token);
    expect(statements.map((s) => [s.verb.id.split('/').at(-1), s.object.id, s.result?.duration ?? null])).toEqual([
      ['read', 'https://www.example.org/learn/1', 'PT25M'],
      ['annotated', 'https://www.example.org/learn/1', null],
      ['read', 'https://www.example.org/learn/4', 'PT10M'],
    ]);
    const log = expectData(await server.api.get(`/api/people/${me.user.id}/log?from=2026-03-06&to=2026-03-06`, me.token), z.object({ totalSeconds: z.number() }).loose());
    expect(log.totalSeconds).toBe(35 * 60);
  });

  it.each(['', '?from=2026-03-07&to=2026-03-06', '?period=decade', '?from=2025-01-01&to=2026-03-06'])('refuses the range %s', async (query) => {
    await setUp();
    const me = org.people.staffResearch;
    expectError(await server.api.get(`/api/people/${me.user.id}/xapi${query}`, me.token), 400, 'validation_failed');
  });
});

describe('GET /api/units/{id}/xapi', () => {
  it('exports everyone in the unit and its sub-units for its leaders and admins', async () => {
    await setUp();
    const path = `/api/units/${org.units.office.id}/xapi?from=2026-03-06&to=2026-03-06`;
    const statements = await get(path, org.people.leadOffice.token);
    expect(statements.map((s) => s.actor.account.name)).toEqual(['staff.culture', 'staff.research']);
    expect(await get(path, org.adminToken)).toEqual(statements);
    const culture = await get(`/api/units/${org.units.culture.id}/xapi?from=2026-03-06&to=2026-03-06`, org.people.leadCulture.token);
    expect(culture.map((s) => s.actor.account.name)).toEqual(['staff.culture']);
  });

  it('refuses people outside the unit\'s reach, unknown units and ranges over a quarter', async () => {
    await setUp();
    const path = `/api/units/${org.units.office.id}/xapi?period=month`;
    expectError(await server.api.get(path, org.people.leadCulture.token), 403, 'forbidden');
    expectError(await server.api.get(path, org.people.staffResearch.token), 403, 'forbidden');
    expectError(await server.api.get('/api/units/nowhere/xapi?period=month', org.adminToken), 404, 'not_found');
    expectError(await server.api.get(`/api/units/${org.units.office.id}/xapi?period=year`, org.adminToken), 400, 'validation_failed');
  });
});

describe('the home page behind a reverse proxy', () => {
  const path = () => `/api/people/${org.people.staffResearch.user.id}/xapi?period=month`;
  const HTTPS = { 'x-forwarded-proto': 'https' };

  it('ignores X-Forwarded-Proto by default', async () => {
    await setUp();
    const [s] = await get(path(), org.adminToken, HTTPS);
    expect(s!.actor.account.homePage).toBe(`${server.url}/`);
  });

  it('follows X-Forwarded-Proto when STUDYTRAIL_TRUST_PROXY is on', async () => {
    await setUp({ trustProxy: true });
    const [s] = await get(path(), org.adminToken, HTTPS);
    expect(s!.actor.account.homePage).toBe(`${server.url.replace('http:', 'https:')}/`);
  });

  it('uses STUDYTRAIL_PUBLIC_URL when set, however the request came', async () => {
    await setUp({ publicUrl: 'https://studytrail.example.org' });
    const [s] = await get(path(), org.adminToken, HTTPS);
    expect(s!.actor.account.homePage).toBe('https://studytrail.example.org/');
  });
});
