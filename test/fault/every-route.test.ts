// The hostile-request fuzz over every route the app serves (read from the app, so a new route is
// covered without a line here): odd path parameters, prototype-pollution keys (__proto__, constructor,
// prototype) inside otherwise valid bodies, extreme dates and instants in every date field, and extreme
// report queries. Never a 5xx; every error in the shape with nosniff; Object.prototype untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/schemas/errors.ts';
import { appRoutes } from '../support/app-routes.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { PASSWORD, seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-10T12:00:00+08:00'), limits: { syncBurst: 100_000, loginFailuresPerAddress: 100_000, loginFailuresPerAccount: 100_000 } });
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

const ODD_PARAMS = ['noSuchId', '__proto__', 'constructor', 'prototype', '%F0%9F%98%80', '%ZZ', '..%2F..%2Fetc', 'a'.repeat(300), '%00', '-1', '1e400', '0000-01-01', '9999-12-31', '10000-01-01'];
const EXTREME_DATES = ['0000-01-01', '0000-02-29', '9999-12-31', '1899-12-31', '2026-02-30', '10000-01-01'];
const EXTREME_INSTANTS = ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00', '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '1970-01-01T00:00:00Z', '2026-03-10T25:00:00Z'];
const QUERIES = ['', '?period=week&date=9999-12-31', '?from=0000-01-01&to=0000-01-02', '?year=0&month=0000-01', '?year=99999&month=9999-13', '?from=__proto__&to=constructor', '?limit=1e400&before=%00'];

/** Valid bodies for the routes that take one (from the access matrix); others get {}. */
function validBody(route: string): Record<string, unknown> {
  const person = org.people.staffResearch.user.id;
  const unitId = org.units.research.id;
  const bodies: Record<string, Record<string, unknown>> = {
    'POST /api/auth/login': { username: 'staff.culture', password: PASSWORD },
    'POST /api/units': { name: '新单位' },
    'PATCH /api/units/:id': { name: '新名称' },
    'POST /api/people': { username: 'fuzz.person', name: '新人', password: PASSWORD, role: 'staff', unitId },
    'PATCH /api/people/:id': { name: '新名字' },
    'POST /api/people/:id/password': { currentPassword: PASSWORD, password: PASSWORD },
    'DELETE /api/people/:id/data': { reason: '调离' },
    'POST /api/resources': { name: '资源', category: 'other', kind: 'reading', patterns: ['https://fuzz.example.org/*'] },
    'PATCH /api/resources/:id': { name: '资源' },
    'PUT /api/settings': { idleSeconds: 120, mediaPresenceSeconds: 1800, dailyCapSeconds: 28800, annualTargetHours: 50, retentionDays: 400 },
    'PUT /api/notes/:id/review': { comment: '已阅' },
    'PUT /api/calendar/exceptions/:date': { action: 'cancel', reason: '调整' },
    'POST /api/sessions': { kind: 'collective-study', topic: '集体学习', startsAt: '2026-03-06T09:55:00+08:00', endsAt: '2026-03-06T11:30:00+08:00', organiserId: org.people.leadOffice.user.id, tariff: 'half-day', unitIds: [unitId] },
    'PUT /api/sessions/:id': { kind: 'collective-study', topic: '集体学习', startsAt: '2026-03-06T09:55:00+08:00', endsAt: '2026-03-06T11:30:00+08:00', organiserId: org.people.leadOffice.user.id, tariff: 'half-day', unitIds: [unitId] },
    'PUT /api/sessions/:id/attendance/:personId': { status: 'leave', reason: '外出调研' },
    'POST /api/sessions/:id/check-in': { code: '000000' },
    'POST /api/check-in': { code: '000000' },
    'POST /api/research/visits': { personId: person, kind: 'community', date: '2026-03-02', place: '幸福里社区' },
    'POST /api/research/reports': { personId: person, title: '关于社区养老的调研', status: 'submitted', date: '2026-03-02' },
    'PATCH /api/research/reports/:id': { title: '调研' },
    'PUT /api/annual-records/:personId/:year/remarks': { remarks: '好' },
    'PUT /api/annual-records/:personId/:year/grade': { grade: 'excellent' },
    'POST /api/sync': { deviceId: 'fuzz', segments: [] },
  };
  return bodies[route] ?? {};
}

/** Each string that reads as a date or an instant, replaced by each extreme one in turn. */
function withExtremeDates(body: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string') continue;
    if (/^\d{4}-\d\d-\d\dT/.test(value)) for (const v of EXTREME_INSTANTS) out.push({ ...body, [key]: v });
    else if (/^\d{4}-\d\d-\d\d$/.test(value)) for (const v of EXTREME_DATES) out.push({ ...body, [key]: v });
  }
  return out;
}

/** The body as JSON text with pollution keys first, as a hostile client writes them (JSON.stringify drops __proto__). */
function polluted(body: Record<string, unknown>): string[] {
  const rest = JSON.stringify(body).slice(1, -1);
  const tail = rest === '' ? '' : `,${rest}`;
  return [
    `{"__proto__":{"polluted":true,"role":"admin"}${tail}}`,
    `{"constructor":{"prototype":{"polluted":true}}${tail}}`,
    `{"prototype":{"polluted":true},"__proto__":null${tail}}`,
    `{${rest}${rest === '' ? '' : ','}"__proto__":{"polluted":true}}`,
  ];
}

function paths(route: string): string[] {
  const path = route.slice(route.indexOf(' ') + 1);
  const real: Record<string, string> = {
    ':personId': org.people.staffResearch.user.id,
    ':id': route.includes('/units/') ? org.units.research.id : route.includes('/resources/') ? org.resources.law.id : org.people.staffCulture.user.id,
    ':year': '2026',
    ':stage': 'q1',
    ':date': '2026-06-05',
    ':tokenId': 'noSuchToken',
  };
  const params = path.match(/:[A-Za-z]+/g) ?? [];
  const fill = (pick: (param: string) => string) => params.reduce((p, param) => p.replace(param, pick(param)), path);
  return [fill((p) => real[p]!), ...ODD_PARAMS.map((odd) => fill(() => odd)), ...params.map((param) => fill((p) => (p === param ? '__proto__' : real[p]!)))];
}

describe('every route', () => {
  it('answers odd parameters, polluted bodies, extreme dates and queries with no 5xx, in the error shape, with nosniff', { timeout: 180_000 }, async () => {
    const requests: { method: string; path: string; body?: string }[] = [];
    for (const route of appRoutes()) {
      const method = route.slice(0, route.indexOf(' '));
      const takesBody = method !== 'GET';
      const [realPath, ...oddPaths] = paths(route);
      for (const q of QUERIES) requests.push({ method, path: realPath! + q, body: takesBody ? JSON.stringify(validBody(route)) : undefined });
      for (const p of oddPaths) requests.push({ method, path: p, body: takesBody ? JSON.stringify(validBody(route)) : undefined });
      if (!takesBody) continue;
      for (const body of polluted(validBody(route))) requests.push({ method, path: realPath!, body });
      for (const body of withExtremeDates(validBody(route))) requests.push({ method, path: realPath!, body: JSON.stringify(body) });
    }
    const failures: string[] = [];
    const check = async (r: (typeof requests)[number]) => {
      const res = await fetch(server.url + r.path, {
        method: r.method,
        headers: { authorization: `Bearer ${org.adminToken}`, ...(r.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: r.body,
      });
      const text = await res.text();
      const label = `${r.method} ${r.path.slice(0, 100)} ${String(r.body).slice(0, 160)} → ${res.status} ${text.slice(0, 160)}`;
      if (res.headers.get('x-content-type-options') !== 'nosniff') failures.push(`without nosniff: ${label}`);
      if (res.status >= 500) failures.push(label);
      else if (res.status >= 400 && !errorBodySchema.safeParse(JSON.parse(text)).success) failures.push(`not the error shape: ${label}`);
    };
    for (let i = 0; i < requests.length; i += 10) await Promise.all(requests.slice(i, i + 10).map(check));
    expect(failures.slice(0, 10)).toEqual([]);
    expect(requests.length).toBeGreaterThan(1000);
    // The server runs in this process: a pollution that reached a plain object would show here.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('role');
    // Pollution keys made nobody an admin.
    expect((await server.store.listUsers()).filter((u) => u.role === 'admin').map((u) => u.username)).toEqual(['admin']);
  });
});
