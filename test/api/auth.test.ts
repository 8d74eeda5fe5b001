// Sign-in, the signed-in user, sign-out, and what happens without a valid token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginResponseSchema, userSchema } from '../../shared/schemas/auth.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, TEST_ADMIN, type ApiServer } from '../support/api-server.ts';

let server: ApiServer;

beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

describe('POST /api/auth/login', () => {
  it('returns a token and the user, and the token works', async () => {
    const login = expectData(await server.api.post('/api/auth/login', TEST_ADMIN), loginResponseSchema);
    expect(login.user).toMatchObject({ username: 'admin', role: 'admin', unitId: null });
    expect(Object.keys(login.user).sort()).toEqual(['id', 'name', 'role', 'unitId', 'username']);
    expect(expectData(await server.api.get('/api/me', login.token), userSchema)).toEqual(login.user);
  });

  it('does not store the token itself', async () => {
    const { token } = expectData(await server.api.post('/api/auth/login', TEST_ADMIN), loginResponseSchema);
    expect(await server.snapshot()).not.toContain(token);
  });

  it('matches the username without regard to case', async () => {
    expectData(await server.api.post('/api/auth/login', { ...TEST_ADMIN, username: 'ADMIN' }), loginResponseSchema);
  });

  it('gives the same 401 for a wrong password and an unknown user, and changes nothing', async () => {
    const before = await server.snapshot();
    const wrong = expectError(await server.api.post('/api/auth/login', { username: 'admin', password: 'wrong-password' }), 401, 'bad_credentials');
    const unknown = expectError(await server.api.post('/api/auth/login', { username: 'nobody', password: 'wrong-password' }), 401, 'bad_credentials');
    expect(unknown).toBe(wrong);
    expect(await server.snapshot()).toBe(before);
  });

  it.each([
    ['a missing password', { username: 'admin' }, 'password'],
    ['a missing username', { password: 'x' }, 'username'],
    ['a number as username', { username: 1, password: 'x' }, 'username'],
    ['an empty password', { username: 'admin', password: '' }, 'password'],
  ])('rejects %s with 400 naming the field', async (_, body, field) => {
    const before = await server.snapshot();
    const message = expectError(await server.api.post('/api/auth/login', body), 400, 'validation_failed');
    expect(message).toContain(field);
    expect(await server.snapshot()).toBe(before);
  });

  it('rejects malformed JSON', async () => {
    const res = await server.api.send('POST', '/api/auth/login', { rawBody: '{username', headers: { 'content-type': 'application/json' } });
    expectError(res, 400, 'invalid_json');
  });
});

describe('GET /api/me and tokens', () => {
  it('needs a token', async () => {
    expectError(await server.api.get('/api/me'), 401, 'unauthenticated');
  });

  it.each([
    ['an unknown token', { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['another scheme', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('refuses %s', async (_, headers) => {
    expectError(await server.api.send('GET', '/api/me', { headers }), 401, 'unauthenticated');
  });

  it('signs out: the token stops working, others keep working', async () => {
    const a = await server.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
    const b = await server.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
    const out = await server.api.send('POST', '/api/auth/logout', { token: a });
    expect(out.status).toBe(204);
    expectError(await server.api.get('/api/me', a), 401, 'unauthenticated');
    expect((await server.api.get('/api/me', b)).status).toBe(200);
    expectError(await server.api.send('POST', '/api/auth/logout', { token: a }), 401, 'unauthenticated');
  });
});
