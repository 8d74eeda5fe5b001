// Designated resources and the policy the extension follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { policySchema, resourceSchema } from '../../shared/schemas/policy.ts';
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
    const list = expectData(await server.api.get('/api/resources', org.people.staffCulture.token), z.array(resourceSchema));
    expect(list).toContainEqual(created);
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
  it('carries the resources and settings, idleSeconds 120 by default', async () => {
    const p = await policy(org.people.staffResearch.token);
    expect(p.settings).toEqual({ idleSeconds: 120 });
    expect(p.resources.map((r) => r.id)).toEqual(expect.arrayContaining([org.resources.theory.id, org.resources.law.id]));
  });

  it('an admin changes the settings, and the version moves', async () => {
    const before = await policy(org.adminToken);
    const updated = expectData(await server.api.put('/api/policy/settings', { idleSeconds: 300 }, org.adminToken), policySchema);
    expect(updated.settings).toEqual({ idleSeconds: 300 });
    expect(updated.version).toBe(before.version + 1);
    expect(await policy(org.people.staffCulture.token)).toEqual(updated);
    await server.api.put('/api/policy/settings', { idleSeconds: 120 }, org.adminToken);
  });

  it('refuses bad settings and non-admins, changing nothing', async () => {
    const before = await server.snapshot();
    expect(expectError(await server.api.put('/api/policy/settings', { idleSeconds: 5 }, org.adminToken), 400, 'validation_failed')).toContain('idleSeconds');
    expectError(await server.api.put('/api/policy/settings', { idleSeconds: '60' }, org.adminToken), 400, 'validation_failed');
    expectError(await server.api.put('/api/policy/settings', { idleSeconds: 60 }, org.people.leadOffice.token), 403, 'forbidden');
    expect(await server.snapshot()).toBe(before);
  });

  it('needs a token', async () => {
    expectError(await server.api.get('/api/policy'), 401, 'unauthenticated');
  });
});
