// Designated resources and the policy the extension follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { managedResourceSchema, policySchema, resourceSchema } from '../../shared/schemas/policy.ts';
import { DEFAULT_SETTINGS, settingsSchema } from '../../shared/schemas/settings.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer();
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

const policy = async (token: string) => expectData(await server.api.get('/api/policy', token), policySchema);
const video = { name: '政协讲堂 Lectures', category: 'cppcc-theory', kind: 'video', patterns: ['https://video.example.net/cppcc/*'] };

describe('resources', () => {
  it('an admin designates a resource; it appears in the list and the policy, with a new version', async () => {
    const before = await policy(org.people.staffResearch.token);
    const created = expectData(await server.api.post('/api/resources', video, org.adminToken), resourceSchema, 201);
    expect(created).toEqual({ id: created.id, ...video });
    const list = expectData(await server.api.get('/api/resources', org.people.staffCulture.token), z.array(managedResourceSchema));
    expect(list).toContainEqual({ ...created, active: true });
    const after = await policy(org.people.staffResearch.token);
    expect(after.version).toBe(before.version + 1);
    expect(after.resources).toContainEqual(created);
  });

  it.each([
    ['no patterns', { patterns: [] }, 'patterns'],
    ['a pattern that is not a match pattern', { patterns: ['example.org'] }, 'patterns.0'],
    ['an unknown category', { category: 'sports' }, 'category'],
    ['an unknown kind', { kind: 'podcast' }, 'kind'],
    ['a missing name', { name: undefined }, 'name'],
    ['patterns as a string', { patterns: 'https://x.org/*' }, 'patterns'],
  ])('rejects %s with 400 naming the field, changing nothing', async (_, override, field) => {
    const before = await server.snapshot();
    const message = expectError(await server.api.post('/api/resources', { ...video, ...override }, org.adminToken), 400, 'validation_failed');
    expect(message).toContain(field);
    expect(await server.snapshot()).toBe(before);
  });

  it('is admin-only to create, and needs a token to list', async () => {
    const before = await server.snapshot();
    expectError(await server.api.post('/api/resources', video, org.people.leadOffice.token), 403, 'forbidden');
    expectError(await server.api.post('/api/resources', video), 401, 'unauthenticated');
    expectError(await server.api.get('/api/resources'), 401, 'unauthenticated');
    expect(await server.snapshot()).toBe(before);
  });
});

describe('policy', () => {
  it('carries the resources and the tracking settings, idleSeconds 120 by default', async () => {
    const p = await policy(org.people.staffResearch.token);
    expect(p.settings).toEqual({ idleSeconds: 120, mediaPresenceSeconds: 1800 });
    expect(p.resources.map((r) => r.id)).toEqual(expect.arrayContaining([org.resources.theory.id, org.resources.law.id]));
  });

  it('an admin changes a tracking setting, and the version moves; other settings leave it alone', async () => {
    const before = await policy(org.adminToken);
    const settings = expectData(await server.api.get('/api/settings', org.people.staffCulture.token), settingsSchema);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    const updated = expectData(await server.api.put('/api/settings', { ...settings, idleSeconds: 300 }, org.adminToken), settingsSchema);
    expect(updated.idleSeconds).toBe(300);
    const after = await policy(org.people.staffCulture.token);
    expect(after.settings).toEqual({ idleSeconds: 300, mediaPresenceSeconds: 1800 });
    expect(after.version).toBe(before.version + 1);
    await server.api.put('/api/settings', { ...updated, annualTargetHours: 60 }, org.adminToken);
    expect((await policy(org.adminToken)).version).toBe(after.version);
    await server.api.put('/api/settings', DEFAULT_SETTINGS, org.adminToken);
  });

  it('refuses bad settings and non-admins, changing nothing', async () => {
    const before = await server.snapshot();
    const put = (body: unknown, token = org.adminToken) => server.api.put('/api/settings', body, token);
    expect(expectError(await put({ ...DEFAULT_SETTINGS, idleSeconds: 5 }), 400, 'validation_failed')).toContain('idleSeconds');
    expect(expectError(await put({ ...DEFAULT_SETTINGS, retentionDays: 30 }), 400, 'validation_failed')).toContain('retentionDays');
    expect(expectError(await put({ idleSeconds: 60 }), 400, 'validation_failed')).toContain('dailyCapSeconds');
    expectError(await put({ ...DEFAULT_SETTINGS, idleSeconds: '60' }), 400, 'validation_failed');
    expectError(await put(DEFAULT_SETTINGS, org.people.leadOffice.token), 403, 'forbidden');
    expect(await server.snapshot()).toBe(before);
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const first = await server.api.get('/api/policy', org.people.staffResearch.token);
    const etag = first.headers.get('etag')!;
    expect(etag).toBe(`"policy-${(first.body as { version: number }).version}-Asia/Shanghai"`);
    // The organisation's zone rides with the policy: the extension shows its days and times in it.
    expect((first.body as { timeZone: string }).timeZone).toBe('Asia/Shanghai');
    const again = await server.api.send('GET', '/api/policy', { token: org.people.staffResearch.token, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    const weak = await server.api.send('GET', '/api/policy', { token: org.people.staffResearch.token, headers: { 'if-none-match': `"x", W/${etag}` } });
    expect(weak.status).toBe(304);
    const stale = await server.api.send('GET', '/api/policy', { token: org.people.staffResearch.token, headers: { 'if-none-match': `"policy-${(first.body as { version: number }).version}"` } });
    expect(stale.status).toBe(200);
  });

  it('leaves out inactive resources, which stay listed for admins with active: false', async () => {
    const created = expectData(await server.api.post('/api/resources', { ...video, name: 'Old' }, org.adminToken), managedResourceSchema, 201);
    const patched = expectData(await server.api.send('PATCH', `/api/resources/${created.id}`, { token: org.adminToken, json: { active: false, reason: '停用' } }), managedResourceSchema);
    expect(patched.active).toBe(false);
    expect((await policy(org.adminToken)).resources.map((r) => r.id)).not.toContain(created.id);
    const list = expectData(await server.api.get('/api/resources', org.adminToken), z.array(managedResourceSchema));
    expect(list).toContainEqual(patched);
    expectError(await server.api.send('PATCH', `/api/resources/${created.id}`, { token: org.adminToken, json: { patterns: ['nope'] } }), 400, 'validation_failed');
    expectError(await server.api.send('PATCH', '/api/resources/noSuchResource', { token: org.adminToken, json: { active: true } }), 404, 'not_found');
  });

  it('needs a token', async () => {
    expectError(await server.api.get('/api/policy'), 401, 'unauthenticated');
  });
});
