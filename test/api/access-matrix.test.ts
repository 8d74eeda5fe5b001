// Who may call what: every route of the app, for anonymous callers, the person concerned, another
// staff member, a leader of another unit, the leader over the person, and an admin. A route added to
// the app without a row here fails the last test.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/schemas/errors.ts';
import { loginResponseSchema } from '../../shared/schemas/auth.ts';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import { DEFAULT_PROGRAMME_SETTINGS } from '../../shared/schemas/programme-settings.ts';
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

// ---- the learning programme: sessions and records to act on, made once by the admin ------------------

/** The sessions' codes, known once programmeSessions() has run (a row's body is built after its path). */
const codes = { research: '', culture: '' };
let openSessions: Promise<{ research: { id: string; code: string }; culture: { id: string; code: string } }> | null = null;
/** Two sessions open now (the server's clock: 2026-03-06 10:00 +08:00), one for research, one for culture. */
function programmeSessions() {
  openSessions ??= (async () => {
    const make = async (unitId: string, organiserId: string, topic: string) => {
      const res = await server.api.post(
        '/api/sessions',
        { kind: 'collective-study', topic, startsAt: '2026-03-06T09:55:00+08:00', endsAt: '2026-03-06T11:30:00+08:00', organiserId, tariff: 'half-day', tariffReason: '按半天计', unitIds: [unitId] },
        org.adminToken,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; code: string };
    };
    const made = {
      research: await make(org.units.research.id, org.people.leadOffice.user.id, '集体学习'),
      culture: await make(org.units.culture.id, org.people.leadCulture.user.id, '文史学习'),
    };
    codes.research = made.research.code;
    codes.culture = made.culture.code;
    return made;
  })();
  return openSessions;
}
let day = 0;
/** A session on a day of its own in April, so successive creations never clash. */
const laterSession = () => {
  const date = `2026-04-${String(++day).padStart(2, '0')}`;
  return { kind: 'seminar', topic: '互动研讨', startsAt: `${date}T09:00:00+08:00`, endsAt: `${date}T11:00:00+08:00`, organiserId: org.people.leadOffice.user.id, tariff: 'actual', unitIds: [org.units.research.id] };
};
const planBody = () => ({ targets: { totalHours: 50, byCategory: { 'political-theory': 20 } }, readingList: [{ title: '乡土中国', author: '费孝通' }] });
async function reportPath(): Promise<string> {
  const res = await server.api.post('/api/research/reports', { personId: person(), title: '调研报告', status: 'draft', date: '2026-03-01' }, org.adminToken);
  return `/api/research/reports/${(res.body as { id: string }).id}`;
}
const leaders = (status: number): Record<Actor, number> => ({ anonymous: 401, self: 403, staff: 403, leaderOther: 403, leader: status, admin: status });
/** A session of its own to cancel, organised by the person's leader. */
async function sessionToCancel(): Promise<string> {
  const res = await server.api.post('/api/sessions', laterSession(), org.adminToken);
  return `/api/sessions/${(res.body as { id: string }).id}`;
}
/** A leave entry for the person concerned, to withdraw. */
async function entryToWithdraw(): Promise<string> {
  const id = (await server.api.post('/api/sessions', laterSession(), org.adminToken)).body as { id: string };
  await server.api.put(`/api/sessions/${id.id}/attendance/${person()}`, { status: 'leave', reason: '外出调研' }, org.adminToken);
  return `/api/sessions/${id.id}/attendance/${person()}`;
}
/** A pending change: the person proposes new hour targets for their own plan. */
async function proposal(): Promise<string> {
  const totalHours = 60 + ++counter;
  const res = await server.api.put(`/api/people/${person()}/plans/2026/q1`, { targets: { totalHours, byCategory: {} }, readingList: [] }, org.people.staffResearch.token);
  expect(res.status).toBe(202);
  const pending = (await server.api.get('/api/changes?state=pending', org.adminToken)).body as { id: string; change: { kind: string; to?: { totalHours: number } } }[];
  return `/api/changes/${pending.find((c) => c.change.kind === 'plan-targets' && c.change.to?.totalHours === totalHours)!.id}`;
}
const reason = () => ({ reason: '录入错误' });


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
    route: 'DELETE /api/units/:id',
    path: async () => `/api/units/${((await server.api.post('/api/units', { name: unique('empty ') }, org.adminToken)).body as { id: string }).id}`,
    body: reason,
    expect: adminOnly(204),
  },
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
  { route: 'GET /api/people/:id/figures', path: () => `/api/people/${person()}/figures?period=year`, expect: overPerson(200) },
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
    route: 'GET /api/notes/reviewable',
    path: () => '/api/notes/reviewable',
    expect: { anonymous: 401, self: 403, staff: 403, leaderOther: 200, leader: 200, admin: 200 },
  },
  {
    route: 'POST /api/notes/reviews',
    path: () => '/api/notes/reviews',
    body: () => ({ noteIds: [noteId] }),
    // As the single review: only a leader over the author, or an admin.
    expect: { anonymous: 401, self: 403, staff: 403, leaderOther: 403, leader: 200, admin: 200 },
  },
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
  // The learning programme.
  { route: 'GET /api/programme/settings', path: () => '/api/programme/settings', expect: all(200) },
  { route: 'PUT /api/programme/settings', path: () => '/api/programme/settings', body: () => DEFAULT_PROGRAMME_SETTINGS, expect: adminOnly(200) },
  { route: 'GET /api/calendar', path: () => '/api/calendar?from=2026-03-01&to=2026-03-31', expect: all(200) },
  { route: 'PUT /api/calendar/exceptions/:date', path: () => '/api/calendar/exceptions/2026-05-01', body: () => ({ action: 'cancel', reason: '劳动节' }), expect: adminOnly(200) },
  {
    route: 'DELETE /api/calendar/exceptions/:date',
    path: async () => {
      await server.api.put('/api/calendar/exceptions/2026-06-05', { action: 'cancel', reason: '调整' }, org.adminToken);
      return '/api/calendar/exceptions/2026-06-05';
    },
    expect: adminOnly(204),
  },
  { route: 'GET /api/calendar/holidays/:year', path: () => '/api/calendar/holidays/2026', expect: all(200) },
  { route: 'PUT /api/calendar/holidays/:year', path: () => '/api/calendar/holidays/2026', body: () => ({ text: '国庆节 2026-10-01 至 2026-10-07' }), expect: adminOnly(200) },
  {
    route: 'DELETE /api/calendar/holidays/:year',
    path: async () => {
      await server.api.put('/api/calendar/holidays/2025', { text: '国庆节 2025-10-01 至 2025-10-08' }, org.adminToken);
      return '/api/calendar/holidays/2025';
    },
    expect: adminOnly(204),
  },
  { route: 'POST /api/sessions', path: () => '/api/sessions', body: laterSession, expect: leaders(201) },
  { route: 'GET /api/sessions/:id', path: async () => `/api/sessions/${(await programmeSessions()).research.id}`, expect: all(200) },
  {
    route: 'PUT /api/sessions/:id',
    path: async () => `/api/sessions/${(await programmeSessions()).research.id}`,
    body: () => ({ kind: 'collective-study', topic: '集体学习', startsAt: '2026-03-06T09:55:00+08:00', endsAt: '2026-03-06T11:30:00+08:00', organiserId: org.people.leadOffice.user.id, tariff: 'half-day', tariffReason: '按半天计', unitIds: [org.units.research.id] }),
    expect: leaders(200),
  },
  { route: 'DELETE /api/sessions/:id', path: sessionToCancel, body: reason, expect: leaders(200) },
  { route: 'GET /api/sessions/:id/roster', path: async () => `/api/sessions/${(await programmeSessions()).research.id}/roster`, expect: leaders(200) },
  {
    route: 'PUT /api/sessions/:id/attendance/:personId',
    path: async () => `/api/sessions/${(await programmeSessions()).research.id}/attendance/${person()}`,
    body: () => ({ status: 'leave', reason: '外出调研' }),
    expect: leaders(200),
  },
  // Nobody withdraws (or marks) their own entry.
  { route: 'DELETE /api/sessions/:id/attendance/:personId', path: entryToWithdraw, body: reason, expect: leaders(204) },
  // Only people on the roster check in: research's session for the person concerned...
  {
    route: 'POST /api/sessions/:id/check-in',
    path: async () => `/api/sessions/${(await programmeSessions()).research.id}/check-in`,
    body: () => ({ code: codes.research }),
    expect: { anonymous: 401, self: 201, staff: 403, leaderOther: 403, leader: 403, admin: 403 },
  },
  // ...culture's, found by its code alone, for the culture staff member and their leader.
  {
    route: 'POST /api/check-in',
    path: async () => {
      await programmeSessions();
      return '/api/check-in';
    },
    body: () => ({ code: codes.culture }),
    expect: { anonymous: 401, self: 403, staff: 201, leaderOther: 201, leader: 403, admin: 403 },
  },
  { route: 'GET /api/units/:id/bulletin', path: () => `/api/units/${org.units.research.id}/bulletin?month=2026-03`, expect: leaders(200) },
  { route: 'GET /api/people/:id/plans/:year/:stage', path: () => `/api/people/${person()}/plans/2026/year`, expect: overPerson(200) },
  // The person's own new targets are a proposal (202) that waits for a leader over them.
  { route: 'PUT /api/people/:id/plans/:year/:stage', path: () => `/api/people/${person()}/plans/2026/year`, body: planBody, expect: { ...overPerson(200), self: 202 } },
  { route: 'GET /api/people/:id/plans/:year/:stage/progress', path: () => `/api/people/${person()}/plans/2026/year/progress`, expect: overPerson(200) },
  // A unit's members read its defaults; its leaders (and admins) set them.
  { route: 'GET /api/units/:id/plan-defaults/:year/:stage', path: () => `/api/units/${org.units.research.id}/plan-defaults/2026/year`, expect: overPerson(200) },
  { route: 'PUT /api/units/:id/plan-defaults/:year/:stage', path: () => `/api/units/${org.units.research.id}/plan-defaults/2026/year`, body: planBody, expect: leaders(200) },
  { route: 'GET /api/research', path: () => '/api/research?year=2026', expect: all(200) },
  {
    route: 'POST /api/research/visits',
    path: () => '/api/research/visits',
    body: () => ({ personId: person(), kind: 'community', date: '2026-03-02', place: '幸福里社区' }),
    expect: overPerson(201),
  },
  {
    route: 'POST /api/research/reports',
    path: () => '/api/research/reports',
    body: () => ({ personId: person(), title: '关于社区养老的调研', status: 'submitted', date: '2026-03-02' }),
    expect: overPerson(201),
  },
  { route: 'PATCH /api/research/reports/:id', path: reportPath, body: () => ({ status: 'submitted' }), expect: overPerson(200) },
  { route: 'DELETE /api/research/reports/:id', path: reportPath, body: reason, expect: overPerson(204) },
  {
    route: 'DELETE /api/research/visits/:id',
    path: async () => {
      const res = await server.api.post('/api/research/visits', { personId: person(), kind: 'community', date: '2026-03-02', place: '幸福里社区' }, org.adminToken);
      return `/api/research/visits/${(res.body as { id: string }).id}`;
    },
    body: reason,
    expect: overPerson(204),
  },
  // Proposed changes: listed for everyone over the person (and the person); decided by a leader over them.
  { route: 'GET /api/changes', path: () => '/api/changes', expect: all(200) },
  { route: 'POST /api/changes/:id/approve', path: async () => `${await proposal()}/approve`, body: () => ({}), expect: leaders(200) },
  { route: 'POST /api/changes/:id/reject', path: async () => `${await proposal()}/reject`, body: reason, expect: leaders(200) },
  // Closed years (2018 and 2019, so the rows above keep writing 2026).
  { route: 'GET /api/programme/years', path: () => '/api/programme/years', expect: all(200) },
  { route: 'PUT /api/programme/years/:year/closed', path: () => '/api/programme/years/2019/closed', body: () => ({}), expect: adminOnly(200) },
  {
    route: 'DELETE /api/programme/years/:year/closed',
    path: async () => {
      await server.api.put('/api/programme/years/2018/closed', {}, org.adminToken);
      return '/api/programme/years/2018/closed';
    },
    body: () => ({ reason: '补录遗漏的调研报告' }),
    expect: adminOnly(204),
  },
  // The year summary is for leaders (of any unit: each sees their own) and admins.
  { route: 'GET /api/annual-records', path: () => '/api/annual-records?year=2026', expect: { anonymous: 401, self: 403, staff: 403, leaderOther: 200, leader: 200, admin: 200 } },
  { route: 'GET /api/annual-records/:personId/:year', path: () => `/api/annual-records/${person()}/2026`, expect: overPerson(200) },
  // Remarks and the grade: a leader over the person, never the person themselves.
  { route: 'PUT /api/annual-records/:personId/:year/grade', path: () => `/api/annual-records/${person()}/2026/grade`, body: () => ({ grade: 'competent', reason: '表现良好' }), expect: leaders(200) },
  { route: 'PUT /api/annual-records/:personId/:year/remarks', path: () => `/api/annual-records/${person()}/2026/remarks`, body: () => ({ remarks: '学习认真' }), expect: leaders(200) },
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
