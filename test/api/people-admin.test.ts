// Administration of people and units, passwords, devices and the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditEntrySchema, deviceSchema, personSchema, unitSchema } from '../../shared/schemas/organisation.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, TEST_ADMIN, type ApiServer } from '../support/api-server.ts';
import { PASSWORD, seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer();
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

const patch = (path: string, json: unknown, token = org.adminToken) => server.api.send('PATCH', path, { token, json });
const audit = async () => expectData(await server.api.get('/api/audit?limit=5', org.adminToken), z.array(auditEntrySchema));

describe('people', () => {
  it('lists people with their state, and an admin edits them, with the change and reason in the audit log', async () => {
    const people = expectData(await server.api.get('/api/people', org.adminToken), z.array(personSchema));
    expect(people.find((p) => p.username === 'staff.culture')).toMatchObject({ active: true, role: 'staff', createdAt: expect.any(String) });
    const id = org.people.staffCulture.user.id;
    const moved = expectData(await patch(`/api/people/${id}`, { unitId: org.units.research.id, name: '王五', reason: '岗位调整' }), personSchema);
    expect(moved).toMatchObject({ unitId: org.units.research.id, name: '王五' });
    const [entry] = await audit();
    expect(entry).toMatchObject({ action: 'person.update', target: `person:${id}`, actorName: '管理员', reason: '岗位调整' });
    expect(entry!.details).toContain('unitId');
    await patch(`/api/people/${id}`, { unitId: org.units.culture.id, name: 'staff.culture' });
  });

  it('enters someone who joined before today from the day they joined, never from a day still to come', async () => {
    const base = { name: '老同志', password: PASSWORD, role: 'staff', unitId: org.units.research.id };
    const joined = expectData(await server.api.post('/api/people', { ...base, username: 'old.hand', memberSince: '2025-09-01' }, org.adminToken), personSchema, 201);
    expect(joined.memberships).toEqual([{ from: '2025-09-01', to: null, unitId: org.units.research.id, role: 'staff' }]);
    const before = await server.snapshot();
    const res = await server.api.post('/api/people', { ...base, username: 'not.yet', memberSince: '2099-01-01' }, org.adminToken);
    expectError(res, 400, 'implausible_date');
    expect(await server.snapshot()).toBe(before);
  });

  it('refuses an unknown person, an unknown unit, and removing the last admin', async () => {
    expectError(await patch('/api/people/noSuchPerson', { name: 'x' }), 404, 'not_found');
    expect(expectError(await patch(`/api/people/${org.people.staffCulture.user.id}`, { unitId: 'noSuchUnit' }), 400, 'validation_failed')).toContain('unitId');
    const me = expectData(await server.api.get('/api/me', org.adminToken), z.object({ id: z.string() }));
    expectError(await patch(`/api/people/${me.id}`, { role: 'staff' }), 409, 'conflict');
    expectError(await patch(`/api/people/${me.id}`, { active: false }), 409, 'conflict');
  });

  it('an admin resets a password: the person’s devices are signed out, the new password works', async () => {
    const person = await server.api.post('/api/people', { username: 'reset.me', name: 'R', password: PASSWORD, role: 'staff', unitId: org.units.culture.id }, org.adminToken);
    const id = (person.body as { id: string }).id;
    const token = await server.signIn('reset.me', PASSWORD);
    const res = await server.api.post(`/api/people/${id}/password`, { password: 'brand-new-password' }, org.adminToken);
    expect(res.status).toBe(204);
    expectError(await server.api.get('/api/me', token), 401, 'unauthenticated');
    await server.signIn('reset.me', 'brand-new-password');
    expect((await audit())[0]).toMatchObject({ action: 'person.password', details: expect.stringContaining('password changed') });
    expect(JSON.stringify(await audit())).not.toContain('brand-new-password');
  });

  it('a person changes their own password with the current one and stays signed in on this device only', async () => {
    await server.api.post('/api/people', { username: 'self.change', name: 'S', password: PASSWORD, role: 'staff', unitId: org.units.culture.id }, org.adminToken);
    const here = await server.signIn('self.change', PASSWORD);
    const elsewhere = await server.signIn('self.change', PASSWORD);
    const me = (await server.api.get('/api/me', here)).body as { id: string };
    expect(expectError(await server.api.post(`/api/people/${me.id}/password`, { password: 'another-password' }, here), 400, 'validation_failed')).toContain('currentPassword');
    expectError(await server.api.post(`/api/people/${me.id}/password`, { currentPassword: 'wrong-password', password: 'another-password' }, here), 403, 'forbidden');
    expect((await server.api.post(`/api/people/${me.id}/password`, { currentPassword: PASSWORD, password: 'another-password' }, here)).status).toBe(204);
    expect((await server.api.get('/api/me', here)).status).toBe(200);
    expectError(await server.api.get('/api/me', elsewhere), 401, 'unauthenticated');
  });
});

describe('units', () => {
  it('an admin renames and moves a unit, never under itself', async () => {
    const sub = expectData(await server.api.post('/api/units', { name: '小组', parentId: org.units.research.id }, org.adminToken), unitSchema, 201);
    const moved = expectData(await patch(`/api/units/${sub.id}`, { parentId: org.units.culture.id, name: '小组二' }), unitSchema);
    expect(moved).toEqual({ id: sub.id, name: '小组二', parentId: org.units.culture.id });
    expectError(await patch(`/api/units/${org.units.office.id}`, { parentId: sub.id }), 409, 'conflict');
    expectError(await patch('/api/units/noSuchUnit', { name: 'x' }), 404, 'not_found');
    expect((await audit())[0]).toMatchObject({ action: 'unit.update' });
  });

  it('lists a leader’s subtree and a staff member’s own unit', async () => {
    const names = async (token: string) => expectData(await server.api.get('/api/units', token), z.array(unitSchema)).map((u) => u.id);
    expect(await names(org.people.staffResearch.token)).toEqual([org.units.research.id]);
    expect(await names(org.people.leadCulture.token)).toContain(org.units.culture.id);
    expect(await names(org.people.leadCulture.token)).not.toContain(org.units.research.id);
  });
});

describe('devices', () => {
  it('lists a person’s signed-in devices with the device id learnt from sync; the person revokes one', async () => {
    await server.api.post('/api/people', { username: 'two.devices', name: 'D', password: PASSWORD, role: 'staff', unitId: org.units.research.id }, org.adminToken);
    const laptop = (await server.api.post('/api/auth/login', { username: 'two.devices', password: PASSWORD, deviceLabel: '办公室电脑' })).body as { token: string; user: { id: string } };
    const phone = await server.signIn('two.devices', PASSWORD);
    const id = laptop.user.id;
    const segment = {
      id: crypto.randomUUID(),
      resourceId: org.resources.law.id,
      url: 'https://law.example.com/a',
      title: 'a',
      startedAt: '2026-03-06T09:00:00+08:00',
      endedAt: '2026-03-06T09:01:00+08:00',
      mode: 'reading',
    };
    expect((await server.api.post('/api/sync', { deviceId: 'chrome-1', segments: [segment] }, laptop.token)).status).toBe(200);
    const devices = expectData(await server.api.get(`/api/people/${id}/devices`, org.people.leadOffice.token), z.array(deviceSchema));
    expect(devices).toHaveLength(2);
    const office = devices.find((d) => d.label === '办公室电脑')!;
    expect(office.deviceId).toBe('chrome-1');
    expectError(await server.api.send('DELETE', `/api/people/${id}/devices/${office.id}`, { token: org.people.leadOffice.token }), 403, 'forbidden');
    expect((await server.api.send('DELETE', `/api/people/${id}/devices/${office.id}`, { token: phone })).status).toBe(204);
    expectError(await server.api.get('/api/me', laptop.token), 401, 'unauthenticated');
    expect((await server.api.get('/api/me', phone)).status).toBe(200);
    expectError(await server.api.send('DELETE', `/api/people/${id}/devices/${office.id}`, { token: phone }), 404, 'not_found');
  });
});

describe('audit log', () => {
  it('pages backwards with before and limits', async () => {
    const first = expectData(await server.api.get('/api/audit?limit=2', org.adminToken), z.array(auditEntrySchema));
    expect(first).toHaveLength(2);
    expect(Number(first[0]!.id)).toBeGreaterThan(Number(first[1]!.id));
    const next = expectData(await server.api.get(`/api/audit?limit=2&before=${first[1]!.id}`, org.adminToken), z.array(auditEntrySchema));
    expect(Number(next[0]!.id)).toBeLessThan(Number(first[1]!.id));
    expectError(await server.api.get('/api/audit?limit=0', org.adminToken), 400, 'validation_failed');
    expectError(await server.api.get('/api/audit?before=abc', org.adminToken), 400, 'validation_failed');
  });

  it('does not record sign-ins with a password in it', async () => {
    await server.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
    expect(JSON.stringify(await audit())).not.toContain(TEST_ADMIN.password);
  });
});
