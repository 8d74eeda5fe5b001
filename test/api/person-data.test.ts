// A person's own data over real HTTP: the download (self or admin only) holds everything recorded about
// them and nothing about anyone else; an admin's erasure removes it all, leaves an audit entry with the
// reason and the client's address, and bad or unauthorised requests change nothing.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eraseResultSchema, personalExportSchema } from '../../shared/schemas/personal-data.ts';
import type { Note } from '../../shared/schemas/notes.ts';
import { syncResponseSchema, type Segment } from '../../shared/schemas/sync.ts';
import { userSchema } from '../../shared/schemas/auth.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

function segment(resourceId: string, url: string, minute: number): Segment {
  const at = (m: number) => `2026-03-06T09:${String(m).padStart(2, '0')}:00+08:00`;
  return { id: randomUUID(), resourceId, url, title: '第一课', startedAt: at(minute), endedAt: at(minute + 5), mode: 'reading' };
}

async function sync(token: string, segments: Segment[], notes: Note[] = []) {
  expectData(await server.api.post('/api/sync', { deviceId: 'laptop', segments, notes, cursor: null }, token), syncResponseSchema);
}

const NOTE: Note = {
  id: randomUUID(),
  url: 'https://www.example.org/learn/a',
  canonicalUrl: null,
  title: '第一课',
  resourceId: null,
  selectors: [],
  quote: '学习型机关',
  comment: 'my-own-comment',
  tags: [],
  colour: 'yellow',
  mustRead: null,
  createdAt: '2026-03-06T01:00:00.000Z',
  updatedAt: '2026-03-06T01:00:00.000Z',
  deletedAt: null,
};

const erase = (id: string, token: string | undefined, json: unknown = { reason: '调离本单位' }, headers: Record<string, string> = {}) =>
  server.api.send('DELETE', `/api/people/${id}/data`, { token, json, headers });

async function setUp(options: { trustProxy?: boolean } = {}) {
  server = await startApiServer(options);
  org = await seedOrganisation(server);
  await sync(
    org.people.staffResearch.token,
    [
      segment(org.resources.theory.id, 'https://www.example.org/learn/a', 0),
      segment(org.resources.law.id, 'https://law.example.com/b', 10),
      // Outside the resource's patterns: refused, its seconds kept as raw time without the page.
      segment(org.resources.theory.id, 'https://elsewhere.example.net/private', 30),
    ],
    [{ ...NOTE, resourceId: org.resources.theory.id }],
  );
  expectData(await server.api.put(`/api/notes/${NOTE.id}/review`, { comment: '很好' }, org.people.leadOffice.token), z.unknown());
  await sync(org.people.staffCulture.token, [segment(org.resources.theory.id, 'https://www.example.org/learn/other-person', 20)]);
}

afterEach(() => server.close());

describe('GET /api/people/{id}/export', () => {
  beforeEach(() => setUp());

  it('gives a person everything recorded about them, as a JSON download', async () => {
    const me = org.people.staffResearch;
    const res = await server.api.get(`/api/people/${me.user.id}/export`, me.token);
    const body = expectData(res, personalExportSchema);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="studytrail-staff.research-2026-03-06.json"');
    // The file's date is the organisation's day: 00:30 on 7 March in Shanghai is still 6 March in UTC.
    server.nowMs = Date.parse('2026-03-07T00:30:00+08:00');
    const late = await server.api.get(`/api/people/${me.user.id}/export`, me.token);
    expect(late.headers.get('content-disposition')).toBe('attachment; filename="studytrail-staff.research-2026-03-07.json"');
    expect(body.person).toMatchObject({ id: me.user.id, username: 'staff.research', role: 'staff', unitId: org.units.research.id });
    expect(body.unit).toEqual({ id: org.units.research.id, name: org.units.research.name });
    expect(body.segments.map((s) => s.url)).toEqual(['https://www.example.org/learn/a', 'https://law.example.com/b']);
    expect(body.segments.every((s) => s.deviceId === 'laptop')).toBe(true);
    expect(body.resources.map((r) => r.id).sort()).toEqual([org.resources.theory.id, org.resources.law.id].sort());
    expect(body.refusedSegments).toEqual([expect.objectContaining({ reason: 'outside_allowlist', deviceId: 'laptop' })]);
    expect(body.dayTotals).toEqual([
      expect.objectContaining({ date: '2026-03-06', rawSeconds: 900, creditedSeconds: 600, outsideAllowlistSeconds: 300 }),
    ]);
    expect(body.notes).toEqual([
      { note: expect.objectContaining({ id: NOTE.id, comment: 'my-own-comment' }), review: expect.objectContaining({ comment: '很好' }) },
    ]);
    expect(body.signIns).toEqual([expect.objectContaining({ kind: 'device' })]);
    expect(body.audit.map((a) => a.action)).toEqual(['person.create', 'note.review']);
    expect(body.programme).toEqual({ plans: [], attendance: [], visits: [], reports: [], annualNotes: [] });
    const text = JSON.stringify(body);
    expect(text).not.toContain('other-person');
    expect(text).not.toContain('elsewhere.example.net');
    expect(text).not.toMatch(/passwordHash|tokenHash|scrypt/);
    expect(text).not.toContain(me.token);
  });

  it('includes the learning programme’s records about the person, and nobody else’s', async () => {
    const me = org.people.staffResearch;
    const report = { title: '关于社区养老的调研', status: 'submitted', date: '2026-03-01' };
    expect((await server.api.post('/api/research/reports', { personId: me.user.id, ...report }, me.token)).status).toBe(201);
    expect((await server.api.post('/api/research/reports', { personId: org.people.staffCulture.user.id, ...report, title: 'other-person' }, org.adminToken)).status).toBe(201);
    const remarks = await server.api.put(`/api/annual-records/${me.user.id}/2026/remarks`, { remarks: '学习认真' }, org.people.leadOffice.token);
    expect(remarks.status).toBe(200);
    const body = expectData(await server.api.get(`/api/people/${me.user.id}/export`, me.token), personalExportSchema);
    expect(body.programme.reports).toEqual([expect.objectContaining({ personId: me.user.id, title: '关于社区养老的调研' })]);
    expect(body.programme.annualNotes).toEqual([expect.objectContaining({ year: 2026, remarks: '学习认真' })]);
    expect(JSON.stringify(body)).not.toContain('other-person');
  });

  it('lets an admin download anyone\'s', async () => {
    const body = expectData(await server.api.get(`/api/people/${org.people.staffResearch.user.id}/export`, org.adminToken), personalExportSchema);
    expect(body.segments).toHaveLength(2);
    expect(body.notes).toHaveLength(1);
  });

  it.each([
    ['their leader', 'leadOffice'],
    ['another staff member', 'staffCulture'],
  ] as const)('refuses %s', async (_who, key) => {
    expectError(await server.api.get(`/api/people/${org.people.staffResearch.user.id}/export`, org.people[key].token), 403, 'forbidden');
  });

  it('answers 401 without a token and 404 for an unknown person', async () => {
    expectError(await server.api.get(`/api/people/${org.people.staffResearch.user.id}/export`), 401, 'unauthenticated');
    expectError(await server.api.get('/api/people/nobody/export', org.adminToken), 404, 'not_found');
  });
});

describe('DELETE /api/people/{id}/data', () => {
  beforeEach(() => setUp());

  it('erases the person and everything about them, with an audit entry naming who, why and from where', async () => {
    const leaver = org.people.staffResearch;
    const result = expectData(await erase(leaver.user.id, org.adminToken), eraseResultSchema);
    expect(result).toEqual({
      personId: leaver.user.id,
      removed: { segments: 2, refused: 1, tokens: 1, dayTotals: 1, notes: 1 },
      auditId: expect.any(String),
    });

    expectError(await server.api.get('/api/me', leaver.token), 401, 'unauthenticated');
    expectError(await server.api.post('/api/auth/login', { username: 'staff.research', password: 'password-1234' }), 401, 'bad_credentials');
    const people = expectData(await server.api.get('/api/people', org.adminToken), userSchema.array());
    expect(people.map((p) => p.id)).not.toContain(leaver.user.id);
    expectError(await server.api.get(`/api/people/${leaver.user.id}/export`, org.adminToken), 404, 'not_found');

    const disk = await server.snapshot();
    expect(disk).not.toContain('https://www.example.org/learn/a');
    expect(disk).not.toContain('my-own-comment');
    expect(disk).toContain('other-person');
    const notes = expectData(await server.api.get('/api/notes', org.adminToken), z.array(z.unknown()));
    expect(notes).toEqual([]);
    const audit = expectData(await server.api.get('/api/audit?limit=1', org.adminToken), z.array(z.unknown()));
    expect(audit).toEqual([
      {
        id: result.auditId,
        at: '2026-03-06T02:00:00.000Z',
        actorId: expect.any(String),
        actorName: '管理员',
        action: 'person.erase',
        target: `person:${leaver.user.id}`,
        details: expect.stringContaining('staff.research'),
        reason: '调离本单位',
        address: '127.0.0.1',
        // The person no longer exists, so there is no name to show for the target.
        targetLabel: null,
      },
    ]);
  });

  it.each([
    ['a leader', () => erase(org.people.staffResearch.user.id, org.people.leadOffice.token), 403, 'forbidden'],
    ['no token', () => erase(org.people.staffResearch.user.id, undefined), 401, 'unauthenticated'],
    ['no reason', () => erase(org.people.staffResearch.user.id, org.adminToken, { reason: '  ' }), 400, 'validation_failed'],
    ['a body that is not JSON', () => server.api.send('DELETE', `/api/people/${org.people.staffResearch.user.id}/data`, { token: org.adminToken, rawBody: 'x' }), 400, 'bad_request'],
    ['an unknown person', () => erase('nobody', org.adminToken), 404, 'not_found'],
  ])('refuses %s and changes nothing', async (_what, request, status, code) => {
    const before = await server.snapshot();
    expectError(await request(), status, code);
    expect(await server.snapshot()).toBe(before);
  });

  it('refuses to erase the admin doing it, so an administrator always remains', async () => {
    const me = expectData(await server.api.get('/api/me', org.adminToken), userSchema);
    const before = await server.snapshot();
    expectError(await erase(me.id, org.adminToken), 409, 'conflict');
    expect(await server.snapshot()).toBe(before);
  });
});

describe('the client address behind a reverse proxy', () => {
  const FORWARDED = { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' };

  it('ignores X-Forwarded-For by default', async () => {
    await setUp();
    await erase(org.people.staffResearch.user.id, org.adminToken, { reason: 'left' }, FORWARDED);
    expect((await server.store.auditFor([`person:${org.people.staffResearch.user.id}`])).at(-1)?.address).toBe('127.0.0.1');
  });

  it('records the address the trusted proxy forwarded when STUDYTRAIL_TRUST_PROXY is on', async () => {
    await setUp({ trustProxy: true });
    await erase(org.people.staffResearch.user.id, org.adminToken, { reason: 'left' }, FORWARDED);
    expect((await server.store.auditFor([`person:${org.people.staffResearch.user.id}`])).at(-1)?.address).toBe('203.0.113.9');
  });
});
