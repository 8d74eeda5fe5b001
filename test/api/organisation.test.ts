// Units and people: creation by admins, validation, uniqueness, and who sees whom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userSchema } from '../../shared/schemas/auth.ts';
import { unitSchema } from '../../shared/schemas/organisation.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { PASSWORD, seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer();
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

const listUnits = async (token: string) => expectData(await server.api.get('/api/units', token), z.array(unitSchema));
const listPeople = async (token: string) => expectData(await server.api.get('/api/people', token), z.array(userSchema));

describe('units', () => {
  it('an admin creates a top-level unit and a sub-unit', async () => {
    const top = expectData(await server.api.post('/api/units', { name: '  机关党委  ' }, org.adminToken), unitSchema, 201);
    expect(top).toEqual({ id: top.id, name: '机关党委', parentId: null });
    const sub = expectData(await server.api.post('/api/units', { name: '支部', parentId: top.id }, org.adminToken), unitSchema, 201);
    expect(sub.parentId).toBe(top.id);
    expect(await listUnits(org.adminToken)).toEqual(expect.arrayContaining([top, sub]));
  });

  it.each([
    ['no name', {}, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a number as name', { name: 5 }, 'name'],
    ['a parentId that is not an id', { name: 'x', parentId: 'a b' }, 'parentId'],
    ['an unknown parentId', { name: 'x', parentId: 'doesNotExist' }, 'parentId'],
  ])('rejects %s with 400 naming the field, changing nothing', async (_, body, field) => {
    const before = await server.snapshot();
    const message = expectError(await server.api.post('/api/units', body, org.adminToken), 400, 'validation_failed');
    expect(message).toContain(field);
    expect(await server.snapshot()).toBe(before);
  });

  it('is admin-only to create, and needs a token to list', async () => {
    const before = await server.snapshot();
    expectError(await server.api.post('/api/units', { name: 'x' }, org.people.leadOffice.token), 403, 'forbidden');
    expectError(await server.api.post('/api/units', { name: 'x' }, org.people.staffCulture.token), 403, 'forbidden');
    expectError(await server.api.post('/api/units', { name: 'x' }), 401, 'unauthenticated');
    expectError(await server.api.get('/api/units'), 401, 'unauthenticated');
    expect(await server.snapshot()).toBe(before);
  });
});

describe('people', () => {
  const newPerson = { username: 'wang.fang', name: '王芳', password: PASSWORD, role: 'staff' };

  it('an admin creates a person who can then sign in', async () => {
    const created = expectData(
      await server.api.post('/api/people', { ...newPerson, unitId: org.units.research.id }, org.adminToken),
      userSchema,
      201,
    );
    expect(created).toEqual({ id: created.id, username: 'wang.fang', name: '王芳', role: 'staff', unitId: org.units.research.id });
    const token = await server.signIn('wang.fang', PASSWORD);
    expect(expectData(await server.api.get('/api/me', token), userSchema)).toEqual(created);
    expect(await server.snapshot()).not.toContain(PASSWORD);
  });

  it('refuses a taken username, whatever its case, with 409', async () => {
    const before = await server.snapshot();
    const body = { ...newPerson, username: 'STAFF.research', unitId: org.units.research.id };
    expectError(await server.api.post('/api/people', body, org.adminToken), 409, 'conflict');
    expect(await server.snapshot()).toBe(before);
  });

  it.each([
    ['an unknown unitId', { unitId: 'noSuchUnit' }, 'unitId'],
    ['a missing unitId', { unitId: undefined }, 'unitId'],
    ['an unknown role', { role: 'boss' }, 'role'],
    ['a short password', { password: 'short' }, 'password'],
    ['a username with spaces', { username: 'li ming' }, 'username'],
    ['a missing name', { name: undefined }, 'name'],
  ])('rejects %s with 400 naming the field, changing nothing', async (_, override, field) => {
    const before = await server.snapshot();
    const body = { ...newPerson, username: 'new.person', unitId: org.units.culture.id, ...override };
    const message = expectError(await server.api.post('/api/people', body, org.adminToken), 400, 'validation_failed');
    expect(message).toContain(field);
    expect(await server.snapshot()).toBe(before);
  });

  it('is admin-only to create', async () => {
    const before = await server.snapshot();
    const body = { ...newPerson, username: 'x.y', unitId: org.units.culture.id };
    expectError(await server.api.post('/api/people', body, org.people.leadOffice.token), 403, 'forbidden');
    expectError(await server.api.post('/api/people', body), 401, 'unauthenticated');
    expect(await server.snapshot()).toBe(before);
  });

  it('lists whom each role may see', async () => {
    const names = async (token: string) => (await listPeople(token)).map((p) => p.username).sort();
    expect(await names(org.people.staffResearch.token)).toEqual(['staff.research']);
    expect(await names(org.people.leadCulture.token)).toEqual(['lead.culture', 'staff.culture']);
    expect(await names(org.people.leadOffice.token)).toEqual(expect.arrayContaining(['lead.culture', 'lead.office', 'staff.culture', 'staff.research']));
    expect(await names(org.people.leadOffice.token)).not.toContain('admin');
    expect(await names(org.adminToken)).toContain('admin');
    expectError(await server.api.get('/api/people'), 401, 'unauthenticated');
  });
});
