// Who may call what: every route of the app, for anonymous callers, the person concerned, another
// staff member, a leader of another unit, the leader over the person, and an admin. A route added to
// the app without a row here fails the last test.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/schemas/errors.ts';
import { loginResponseSchema } from '../../shared/schemas/auth.ts';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import { appRoutes } from '../support/app-routes.ts';
import { expectData } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { PASSWORD, seedOrganisation } from '../support/organisation.ts';

const ACTORS = ['anonymous', 'self', 'staff', 'leaderOther', 'leader', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

interface Row {
  /** The route as the app declares it. */
  route: string;
  /** The concrete path (called once per actor, so a row can make a fresh target). */
  path: () => string | Promise<string>;
  body?: () => unknown;
  /** Sign the actor in afresh for this call (for routes that end the session). */
  freshToken?: boolean;
  /** Another person stands in for "self" (for routes that revoke the person's tokens). */
  self?: () => Promise<string>;
  expect: Record<Actor, number>;
}

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;
let noteId: string;
const tokens = {} as Record<Exclude<Actor, 'anonymous'>, string>;
const usernames = {} as Record<Exclude<Actor, 'anonymous'>, string>;

// The person concerned is staff.research; their leader is lead.office (office ⊃ research); lead.culture
// leads a sibling unit; staff.culture is another staff member.
beforeAll(async () => {
  server = await startApiServer();
  org = await seedOrganisation(server);
  Object.assign(tokens, {
    self: org.people.staffResearch.token,
    staff: org.people.staffCulture.token,
    leaderOther: org.people.leadCulture.token,
    leader: org.people.leadOffice.token,
    admin: org.adminToken,
  });
  Object.assign(usernames, { self: 'staff.research', staff: 'staff.culture', leaderOther: 'lead.culture', leader: 'lead.office', admin: 'admin' });
  noteId = randomUUID();
  const note = {
    id: noteId, url: null, canonicalUrl: null, title: '读书笔记', resourceId: null, selectors: [], quote: '', comment: '学习体会',
    tags: [], colour: 'yellow', createdAt: '2026-03-06T01:00:00.000Z', updatedAt: '2026-03-06T01:00:00.000Z', deletedAt: null,
  };
  const res = await server.api.post('/api/sync', { deviceId: 'd', segments: [], notes: [note] }, tokens.self);
  expect(res.status).toBe(200);
});
afterAll(() => server.close());

const all = (status: number): Record<Actor, number> => ({ anonymous: 401, self: status, staff: status, leaderOther: status, leader: status, admin: status });
const adminOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, self: 403, staff: 403, leaderOther: 403, leader: 403, admin: status });
const overPerson = (status: number): Record<Actor, number> => ({ anonymous: 401, self: status, staff: 403, leaderOther: 403, leader: status, admin: status });

const person = () => org.people.staffResearch.user.id;
let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

async function newPerson(username: string): Promise<{ id: string; token: string }> {
  const created = await server.api.post('/api/people', { username, name: username, password: PASSWORD, role: 'staff', unitId: org.units.research.id }, org.adminToken);
  expect(created.status).toBe(201);
  return { id: (created.body as { id: string }).id, token: await server.signIn(username, PASSWORD) };
}

let passwordTarget: { id: string; token: string };

const ROWS: Row[] = [
  { route: 'GET /api/health', path: () => '/api/health', expect: { ...all(200), anonymous: 200 } },
  { route: 'POST /api/auth/login', path: () => '/api/auth/login', body: () => ({ username: 'staff.culture', password: PASSWORD }), expect: { ...all(200), anonymous: 200 } },
  // A dashboard session is a cookie: a bearer token has none.
  { route: 'GET /api/auth/session', path: () => '/api/auth/session', expect: all(401) },
  { route: 'POST /api/auth/logout', path: () => '/api/auth/logout', freshToken: true, expect: all(204) },
  { route: 'GET /api/me', path: () => '/api/me', expect: all(200) },
  { route: 'GET /api/units', path: () => '/api/units', expect: all(200) },
  { route: 'POST /api/units', path: () => '/api/units', body: () => ({ name: unique('unit ') }), expect: adminOnly(201) },
  { route: 'PATCH /api/units/:id', path: () => `/api/units/${org.units.research.id}`, body: () => ({ name: '研究室 Research' }), expect: adminOnly(200) },
  {
    route: 'GET /api/units/:id/summary',
    path: () => `/api/units/${org.units.research.id}/summary?period=month`,
    expect: { anonymous: 401, self: 403, staff: 403, leaderOther: 403, leader: 200, admin: 200 },
  },
  { route: 'GET /api/people', path: () => '/api/people', expect: all(200) },
  {
    route: 'POST /api/people',
    path: () => '/api/people',
    body: () => ({ username: unique('matrix.'), name: '新人', password: PASSWORD, role: 'staff', unitId: org.units.culture.id }),
    expect: adminOnly(201),
  },
  { route: 'PATCH /api/people/:id', path: () => `/api/people/${person()}`, body: () => ({ name: 'staff.research' }), expect: adminOnly(200) },
  {
    route: 'POST /api/people/:id/password',
    path: () => `/api/people/${passwordTarget.id}/password`,
    self: async () => passwordTarget.token,
    body: () => ({ currentPassword: PASSWORD, password: PASSWORD }),
    expect: { anonymous: 401, self: 204, staff: 403, leaderOther: 403, leader: 403, admin: 204 },
  },
  { route: 'GET /api/people/:id/devices', path: () => `/api/people/${person()}/devices`, expect: overPerson(200) },
  {
    route: 'DELETE /api/people/:id/devices/:tokenId',
    path: async () => {
      // A fresh device of the person for every call: a successful call signs it out.
      const login = expectData(await server.api.post('/api/auth/login', { username: 'staff.research', password: PASSWORD, deviceLabel: 'spare' }), loginResponseSchema);
      const devices = (await server.api.get(`/api/people/${person()}/devices`, login.token)).body as { id: string; label: string }[];
      const spare = devices.filter((d) => d.label === 'spare').at(-1)!;
      return `/api/people/${person()}/devices/${spare.id}`;
    },
    expect: { anonymous: 401, self: 204, staff: 403, leaderOther: 403, leader: 403, admin: 204 },
  },
  { route: 'GET /api/people/:id/log', path: () => `/api/people/${person()}/log?period=week`, expect: overPerson(200) },
  { route: 'GET /api/people/:id/segments', path: () => `/api/people/${person()}/segments?period=week`, expect: overPerson(200) },
  { route: 'GET /api/people/:id/xapi', path: () => `/api/people/${person()}/xapi?period=week`, expect: overPerson(200) },
  // The whole file is the person's own: their leader sees reports, not this.
  {
    route: 'GET /api/people/:id/export',
    path: () => `/api/people/${person()}/export`,
    expect: { anonymous: 401, self: 200, staff: 403, leaderOther: 403, leader: 403, admin: 200 },
  },
  {
    route: 'DELETE /api/people/:id/data',
    // A fresh person for every call: a successful call erases them.
    path: async () => `/api/people/${(await newPerson(unique('erase.'))).id}/data`,
    body: () => ({ reason: '调离' }),
    expect: adminOnly(200),
  },
  {
    route: 'GET /api/units/:id/xapi',
    path: () => `/api/units/${org.units.research.id}/xapi?period=month`,
    expect: { anonymous: 401, self: 403, staff: 403, leaderOther: 403, leader: 200, admin: 200 },
  },
  { route: 'GET /api/audit', path: () => '/api/audit', expect: adminOnly(200) },
  { route: 'GET /api/resources', path: () => '/api/resources', expect: all(200) },
  {
    route: 'POST /api/resources',
    path: () => '/api/resources',
    body: () => ({ name: unique('resource '), category: 'other', kind: 'reading', patterns: ['https://matrix.example.org/*'] }),
    expect: adminOnly(201),
  },
  { route: 'PATCH /api/resources/:id', path: () => `/api/resources/${org.resources.law.id}`, body: () => ({ name: '法律 Law' }), expect: adminOnly(200) },
  { route: 'GET /api/policy', path: () => '/api/policy', expect: all(200) },
  { route: 'GET /api/settings', path: () => '/api/settings', expect: all(200) },
  { route: 'PUT /api/settings', path: () => '/api/settings', body: () => DEFAULT_SETTINGS, expect: adminOnly(200) },
  { route: 'POST /api/sync', path: () => '/api/sync', body: () => ({ deviceId: 'matrix', segments: [] }), expect: all(200) },
  { route: 'GET /api/notes', path: () => '/api/notes', expect: all(200) },
  {
    route: 'PUT /api/notes/:id/review',
    path: () => `/api/notes/${noteId}/review`,
    body: () => ({ comment: '已阅' }),
    // Nobody reviews their own note.
    expect: { anonymous: 401, self: 403, staff: 403, leaderOther: 403, leader: 200, admin: 200 },
  },
  {
    route: 'DELETE /api/notes/:id/review',
    path: () => `/api/notes/${noteId}/review`,
    expect: { anonymous: 401, self: 403, staff: 403, leaderOther: 403, leader: 204, admin: 204 },
  },
];

describe('access matrix', () => {
  beforeAll(async () => {
    passwordTarget = await newPerson('password.target');
  });

  describe.each(ROWS)('$route', (row) => {
    it.each(ACTORS)('as %s', async (actor) => {
      const [method, route] = row.route.split(' ') as [string, string];
      let token: string | undefined;
      if (actor !== 'anonymous') {
        token = actor === 'self' && row.self ? await row.self() : tokens[actor];
        if (row.freshToken) token = await server.signIn(usernames[actor], actor === 'admin' ? 'admin-password-for-tests' : PASSWORD);
      }
      const path = await row.path();
      expect(path.split('?')[0]!.split('/').length).toBe(route.split('/').length);
      const body = row.body?.();
      const res = await server.api.send(method, path, { token, ...(body === undefined ? {} : { json: body }) });
      expect(res.status, `${actor} ${method} ${path}: ${JSON.stringify(res.body)}`).toBe(row.expect[actor]);
      if (res.status >= 400) errorBodySchema.parse(res.body);
    });
  });

  it('has a row for every route the app serves, and none for a route it does not', () => {
    expect(ROWS.map((r) => r.route).sort()).toEqual(appRoutes());
  });
});
