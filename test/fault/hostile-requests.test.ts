// Thousands of malformed and hostile requests against every route: bad JSON, wrong types, huge bodies,
// future, inverted and overlapping times, odd unicode, bad paths, queries and headers. Every answer is
// a 4xx in the error shape (or, for sync, a 200 refusing every item, as the contract's per-segment
// verdicts require), never a 5xx, and the store files are byte for byte what they were. The times used
// lie wholly outside the window the server accepts: a refused segment that overlaps it keeps its
// seconds as `invalid` raw time by design (test/api/ingest.test.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../server/app.ts';
import { errorBodySchema } from '../../shared/schemas/errors.ts';
import { syncResponseSchema } from '../../shared/schemas/sync.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  // A generous sync limit: this test is about input, not rate.
  server = await startApiServer({ nowMs: Date.parse('2026-03-10T12:00:00+08:00'), limits: { syncBurst: 100_000 } });
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

/** Deterministic, so a failure names a request that can be replayed. */
function generator(seed: number) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return { next, pick: <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}

const ODD_STRINGS = [
  '\ud800', // lone surrogate
  '\udfff\ud800',
  '\u0000',
  '\u202e\u202dadmin', // bidi overrides
  '\u200b\u200c\u200d\ufeff',
  '𝕬𝖉𝖒𝖎𝖓😀👨‍👩‍👧‍👦',
  'ｅｘａｍｐｌｅ',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '../../etc/passwd',
  '%00%2e%2e',
  'x'.repeat(70_000),
  '\\u0000',
  '',
  ' ',
];
const WRONG_VALUES: unknown[] = [null, true, 0, -1, 1e308, -0, 3.5, [], {}, [[[[]]]], { $gt: '' }, { __proto__: { admin: true } }, ...ODD_STRINGS];

// Hours after the server's now: a segment there is refused whatever else is wrong with it.
const FUTURE = '2026-03-10T18:00:00+08:00';
const segment = (overrides: Record<string, unknown>) => ({
  id: randomUUID(),
  resourceId: org.resources.theory.id,
  url: 'https://www.example.org/learn/x',
  title: 'x',
  startedAt: '2026-03-10T18:00:00+08:00',
  endedAt: '2026-03-10T18:10:00+08:00',
  mode: 'reading',
  ...overrides,
});

/** Segments that can never be accepted nor leave a trace: wholly in the future, inverted, or malformed. */
function hostileSegment(g: ReturnType<typeof generator>): unknown {
  const start = Date.parse(FUTURE) + Math.floor(g.next() * 86_400_000);
  switch (Math.floor(g.next() * 6)) {
    case 0: // wholly in the future, overlapping each other
      return segment({ startedAt: new Date(start).toISOString(), endedAt: new Date(start + 3600_000).toISOString() });
    case 1: // inverted
      return segment({ startedAt: '2026-03-10T10:00:00+08:00', endedAt: '2026-03-10T09:00:00+08:00' });
    case 2: // zero length
      return segment({ startedAt: '2026-03-10T09:00:00+08:00', endedAt: '2026-03-10T09:00:00+08:00' });
    case 3:
      return segment({ [g.pick(['id', 'resourceId', 'url', 'title', 'startedAt', 'endedAt', 'mode'])]: g.pick(WRONG_VALUES) });
    case 4:
      return g.pick(WRONG_VALUES);
    default:
      return segment({ startedAt: g.pick(['2026-02-30T09:00:00+08:00', '2026-03-10T25:00:00Z', '2026-03-10T09:00:00', '+275760-09-13T00:00:00Z', '2027-01-01T00:00:00Z']) });
  }
}

interface HostileRequest {
  method: string;
  path: string;
  body?: string;
  headers: Record<string, string>;
}

const ROUTES_WITH_BODIES: { method: string; path: () => string; valid: () => Record<string, unknown> }[] = [
  { method: 'POST', path: () => '/api/auth/login', valid: () => ({ username: 'admin', password: 'wrong-but-well-formed' }) },
  { method: 'POST', path: () => '/api/units', valid: () => ({ name: 'U' }) },
  { method: 'PATCH', path: () => `/api/units/${org.units.research.id}`, valid: () => ({ name: 'U' }) },
  { method: 'POST', path: () => '/api/people', valid: () => ({ username: 'p', name: 'P', password: 'password-1234', role: 'staff', unitId: org.units.research.id }) },
  { method: 'PATCH', path: () => `/api/people/${org.people.staffCulture.user.id}`, valid: () => ({ name: 'P' }) },
  { method: 'POST', path: () => `/api/people/${org.people.staffCulture.user.id}/password`, valid: () => ({ password: 'password-1234' }) },
  { method: 'POST', path: () => '/api/resources', valid: () => ({ name: 'R', category: 'other', kind: 'reading', patterns: ['https://r.example.org/*'] }) },
  { method: 'PATCH', path: () => `/api/resources/${org.resources.law.id}`, valid: () => ({ name: 'R' }) },
  { method: 'PUT', path: () => '/api/settings', valid: () => ({ idleSeconds: 120, mediaPresenceSeconds: 1800, dailyCapSeconds: 28800, annualTargetHours: 50, retentionDays: 400 }) },
  { method: 'PUT', path: () => `/api/notes/${randomUUID()}/review`, valid: () => ({ comment: '' }) },
  { method: 'POST', path: () => '/api/notes/reviews', valid: () => ({ noteIds: [randomUUID()], comment: '' }) },
];

const RANGE_QUERIES = [
  '?from=2026-02-30&to=2026-03-01',
  '?from=2026-03-05&to=2026-03-01',
  '?from=0001-01-01&to=9999-12-31',
  '?period=decade',
  '?period=week&date=tomorrow',
  '?from=2026-03-01',
  '',
  '?from[]=1&to[]=2',
  '?from=%ZZ',
  `?from=${'%F0%9F%98%80'.repeat(300)}&to=2026-03-01`,
];
/** Reads and queries each is certain to refuse. */
const BAD_READS: { path: string; queries: string[] }[] = [
  { path: '/api/people/{p}/log', queries: RANGE_QUERIES },
  { path: '/api/people/{p}/segments', queries: RANGE_QUERIES },
  { path: '/api/units/{u}/summary', queries: RANGE_QUERIES },
  { path: '/api/notes', queries: ['?limit=-1', '?limit=1e9', '?reviewed=maybe', '?from=2026-02-30', '?personId=a%20b', `?q=${'%F0%9F%98%80'.repeat(300)}`, '?to=%ZZ'] },
  { path: '/api/notes/reviewable', queries: ['?offset=-1', '?limit=0', '?limit=201', '?offset=abc', '?reviewed=maybe'] },
  { path: '/api/audit', queries: ['?limit=0', '?limit=abc', '?before=../../', '?before=%00', '?limit=%ZZ'] },
];

function hostileRequest(g: ReturnType<typeof generator>, admin: string): HostileRequest {
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${admin}` };
  switch (Math.floor(g.next() * 8)) {
    case 0: {
      // Bad JSON: a valid body cut short, or garbage.
      const route = g.pick(ROUTES_WITH_BODIES);
      const text = JSON.stringify(route.valid());
      const body = g.pick([text.slice(0, Math.floor(g.next() * (text.length - 1))), '{"a":1,}', "{'a':1}", 'NaN', '[' .repeat(5000), '{"a":"\\x"}', '\u0000']);
      return { method: route.method, path: route.path(), body, headers: { ...auth, ...json } };
    }
    case 1: {
      // Wrong types: one field of a valid body replaced, or the body itself not an object.
      const route = g.pick(ROUTES_WITH_BODIES);
      const valid = route.valid();
      const key = g.pick(Object.keys(valid));
      const body = g.next() < 0.8 ? { ...valid, [key]: g.pick(WRONG_VALUES) } : g.pick(WRONG_VALUES);
      // Strings that would make a valid name or comment are kept out: only invalid values here.
      const text = JSON.stringify(body);
      if (text === undefined || isPossiblyValid(route.method, route.path(), body)) return hostileRequest(g, admin);
      return { method: route.method, path: route.path(), body: text, headers: { ...auth, ...json } };
    }
    case 2: {
      // Sync with segments and notes that are all refused, including future and overlapping times.
      const segments = Array.from({ length: 1 + Math.floor(g.next() * 20) }, () => hostileSegment(g));
      const notes = g.next() < 0.5 ? [{ id: randomUUID(), quote: g.pick(ODD_STRINGS) }, g.pick(WRONG_VALUES)] : undefined;
      return { method: 'POST', path: '/api/sync', body: JSON.stringify({ deviceId: 'fuzz', segments, notes }), headers: { ...auth, ...json } };
    }
    case 3: {
      // Sync envelopes that are wrong as a whole.
      const body = g.pick<unknown>([
        { segments: [] },
        { deviceId: '', segments: [] },
        { deviceId: 'x'.repeat(101), segments: [] },
        { deviceId: 'd', segments: Array.from({ length: 501 }, () => ({})) },
        { deviceId: 'd', segments: [], cursor: 12 },
        { deviceId: 'd', segments: [], cursor: '-1' },
        { deviceId: 'd', segments: 'all' },
        { deviceId: ['d'], segments: [] },
      ]);
      return { method: 'POST', path: '/api/sync', body: JSON.stringify(body), headers: { ...auth, ...json } };
    }
    case 4: {
      // Reads with odd ids and bad queries.
      const id = g.pick(['noSuchId', '%F0%9F%98%80', '%ZZ', '..%2F..%2Fetc', 'a'.repeat(300), '%00', org.people.staffCulture.user.id, org.units.office.id]);
      const read = g.pick(BAD_READS);
      return { method: 'GET', path: read.path.replace('{p}', id).replace('{u}', id) + g.pick(read.queries), headers: auth };
    }
    case 5: {
      // Broken or missing credentials on any route.
      const route = g.pick(ROUTES_WITH_BODIES);
      const authorization = g.pick(['Bearer', 'Bearer ', `Bearer ${'A'.repeat(5000)}`, 'Basic YWRtaW46YWRtaW4=', `bearer ${admin}x`, 'Bearer a b', 'Token x']);
      return { method: route.method, path: route.path(), body: JSON.stringify(route.valid()), headers: { authorization, ...json } };
    }
    case 6: {
      // The wrong content type, and unknown methods or paths.
      const route = g.pick(ROUTES_WITH_BODIES);
      return g.next() < 0.5
        ? { method: route.method, path: route.path(), body: JSON.stringify(route.valid()), headers: { ...auth, 'content-type': g.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', 'multipart/form-data; boundary=x']) } }
        : { method: g.pick(['PUT', 'DELETE', 'PATCH', 'POST']), path: g.pick(['/api/units', '/api/health', '/api/policy', '/api/me', '/api/nothing', '/api/sync/x']), headers: auth };
    }
    default: {
      // Cookie sessions without a CSRF token, and forged cookies.
      const route = g.pick(ROUTES_WITH_BODIES.slice(1));
      return { method: route.method, path: route.path(), body: JSON.stringify(route.valid()), headers: { ...json, cookie: `studytrail_session=${g.pick([admin, 'forged', '%00', ''])}` } };
    }
  }
}

/**
 * True when a mutated body might still pass validation (then it is not hostile and is skipped): a
 * string put where any string of that length is fine (names, titles, passwords, comments).
 */
function isPossiblyValid(_method: string, path: string, body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  return path.includes('/review') || Object.values(body as Record<string, unknown>).every((v) => typeof v === 'string' && v.trim() !== '' && v.length <= 100);
}

async function send(r: HostileRequest): Promise<{ status: number; text: string; nosniff: boolean }> {
  const res = await fetch(`${server.url}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
  return { status: res.status, text: await res.text(), nosniff: res.headers.get('x-content-type-options') === 'nosniff' };
}

describe('hostile requests', () => {
  it('answers thousands with 4xx in the error shape, never 5xx, and changes nothing', async () => {
    const admin = org.adminToken;
    const before = await server.snapshot();
    const g = generator(20260310);
    const requests = Array.from({ length: 3000 }, () => hostileRequest(g, admin));
    const failures: string[] = [];
    const check = async (r: HostileRequest) => {
      const { status, text, nosniff } = await send(r);
      const label = `${r.method} ${r.path.slice(0, 120)} ${String(r.body).slice(0, 120)} → ${status} ${text.slice(0, 200)}`;
      if (!nosniff) failures.push(`without nosniff: ${label}`);
      if (status === 200 && r.path === '/api/sync') {
        const body = syncResponseSchema.parse(JSON.parse(text));
        if (body.accepted.length > 0) failures.push(`accepted something: ${label}`);
        return;
      }
      if (status < 400 || status >= 500) failures.push(label);
      else if (!errorBodySchema.safeParse(JSON.parse(text)).success) failures.push(`not the error shape: ${label}`);
    };
    for (let i = 0; i < requests.length; i += 25) await Promise.all(requests.slice(i, i + 25).map(check));
    expect(failures.slice(0, 10)).toEqual([]);
    expect(await server.snapshot()).toBe(before);
  });

  it('refuses huge bodies with 413, declared or not, and changes nothing', async () => {
    const before = await server.snapshot();
    const huge = JSON.stringify({ deviceId: 'd', segments: [segment({ title: 'x'.repeat(MAX_BODY_BYTES) })] });
    for (const path of ['/api/sync', '/api/units', '/api/auth/login']) {
      const { status, text } = await send({ method: 'POST', path, body: huge, headers: { authorization: `Bearer ${org.adminToken}`, 'content-type': 'application/json' } });
      expect(status).toBe(413);
      expect(errorBodySchema.parse(JSON.parse(text)).error.code).toBe('body_too_large');
    }
    expect(await server.snapshot()).toBe(before);
  });
});
