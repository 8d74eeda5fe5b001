// Dashboard sessions (HttpOnly cookie + CSRF token), sign-in throttling per account and per address,
// and what signs a person out.
import { afterEach, describe, expect, it } from 'vitest';
import { loginResponseSchema, sessionResponseSchema } from '../../shared/schemas/auth.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, TEST_ADMIN, type ApiServer } from '../support/api-server.ts';
import { PASSWORD, seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
afterEach(() => server.close());

async function cookieLogin(username = TEST_ADMIN.username, password: string = TEST_ADMIN.password) {
  const res = await server.api.post('/api/auth/login', { username, password, cookie: true });
  const body = expectData(res, loginResponseSchema);
  const setCookie = res.headers.get('set-cookie')!;
  const cookie = /^studytrail_session=([^;]+)/.exec(setCookie)![1]!;
  return { body, setCookie, cookieHeader: `studytrail_session=${cookie}` };
}

describe('dashboard sessions', () => {
  it('sets an HttpOnly SameSite=Strict cookie and gives a CSRF token', async () => {
    server = await startApiServer();
    const { body, setCookie, cookieHeader } = await cookieLogin();
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http here; https requests get Secure
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = expectData(await server.api.send('GET', '/api/auth/session', { headers: { cookie: cookieHeader } }), sessionResponseSchema);
    expect(session).toEqual({ user: body.user, csrfToken: body.csrfToken });
    expectError(await server.api.get('/api/auth/session'), 401, 'unauthenticated');
  });

  it('needs the CSRF token for cookie-authenticated changes, not for reads or bearer tokens', async () => {
    server = await startApiServer();
    const { body, cookieHeader } = await cookieLogin();
    const before = await server.snapshot();
    const create = (headers: Record<string, string>) => server.api.send('POST', '/api/units', { json: { name: 'CSRF' }, headers: { cookie: cookieHeader, ...headers } });
    expectError(await create({}), 403, 'csrf_failed');
    expectError(await create({ 'x-csrf-token': 'forged' }), 403, 'csrf_failed');
    expect(await server.snapshot()).toBe(before);
    expect((await create({ 'x-csrf-token': body.csrfToken! })).status).toBe(201);
    expect((await server.api.send('GET', '/api/units', { headers: { cookie: cookieHeader } })).status).toBe(200);
    expect((await server.api.post('/api/units', { name: 'bearer' }, body.token)).status).toBe(201);
  });

  it('signs out: the cookie is cleared and the session stops working', async () => {
    server = await startApiServer();
    const { body, cookieHeader } = await cookieLogin();
    const out = await server.api.send('POST', '/api/auth/logout', { headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken! } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/studytrail_session=;.*Max-Age=0/);
    expectError(await server.api.send('GET', '/api/me', { headers: { cookie: cookieHeader } }), 401, 'unauthenticated');
  });

  it('ends a session after 12 hours; device tokens go on', async () => {
    server = await startApiServer();
    const { cookieHeader } = await cookieLogin();
    const device = await server.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
    server.nowMs += 12 * 3600_000 + 1000;
    expectError(await server.api.send('GET', '/api/me', { headers: { cookie: cookieHeader } }), 401, 'unauthenticated');
    expect((await server.api.get('/api/me', device)).status).toBe(200);
  });

  it('does not take a device token as a session cookie', async () => {
    server = await startApiServer();
    const device = await server.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
    expectError(await server.api.send('GET', '/api/me', { headers: { cookie: `studytrail_session=${device}` } }), 401, 'unauthenticated');
  });
});

describe('sign-in throttling', () => {
  const attempt = (username: string, password: string) => server.api.post('/api/auth/login', { username, password });

  it('answers 429 with Retry-After after too many failures for one account, before checking the password', async () => {
    server = await startApiServer({ limits: { loginFailuresPerAccount: 3, loginFailuresPerAddress: 100 } });
    for (let i = 0; i < 3; i++) expectError(await attempt('admin', 'wrong-password'), 401, 'bad_credentials');
    const limited = await attempt('admin', TEST_ADMIN.password);
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    server.nowMs += 15 * 60_000 + 1;
    expect((await attempt('admin', TEST_ADMIN.password)).status).toBe(200);
  });

  it('limits one address spraying many accounts', async () => {
    server = await startApiServer({ limits: { loginFailuresPerAccount: 100, loginFailuresPerAddress: 4 } });
    for (let i = 0; i < 4; i++) expectError(await attempt(`nobody${i}`, 'wrong-password'), 401, 'bad_credentials');
    expectError(await attempt('admin', TEST_ADMIN.password), 429, 'rate_limited');
  });

  it('clears an account’s failures on a successful sign-in', async () => {
    server = await startApiServer({ limits: { loginFailuresPerAccount: 3, loginFailuresPerAddress: 100 } });
    for (let i = 0; i < 2; i++) await attempt('admin', 'wrong-password');
    expect((await attempt('admin', TEST_ADMIN.password)).status).toBe(200);
    for (let i = 0; i < 2; i++) expectError(await attempt('admin', 'wrong-password'), 401, 'bad_credentials');
    expect((await attempt('admin', TEST_ADMIN.password)).status).toBe(200);
  });
});

describe('signing people out', () => {
  it('a deactivated person cannot sign in and their tokens stop working; reactivated, they sign in again', async () => {
    server = await startApiServer();
    const org = await seedOrganisation(server);
    const { user, token } = org.people.staffCulture;
    expect((await server.api.send('PATCH', `/api/people/${user.id}`, { token: org.adminToken, json: { active: false, reason: '调离' } })).status).toBe(200);
    expectError(await server.api.get('/api/me', token), 401, 'unauthenticated');
    expectError(await server.api.post('/api/auth/login', { username: user.username, password: PASSWORD }), 401, 'bad_credentials');
    await server.api.send('PATCH', `/api/people/${user.id}`, { token: org.adminToken, json: { active: true } });
    expectError(await server.api.get('/api/me', token), 401, 'unauthenticated');
    expect((await server.api.post('/api/auth/login', { username: user.username, password: PASSWORD })).status).toBe(200);
  });
});
