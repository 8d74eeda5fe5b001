// The session adapter against a scripted fetch: which credentials it keeps, what it sends, and how it
// falls back from the cookie session (the target design) to a per-tab bearer token.
import { describe, expect, it } from 'vitest';
import { createHttp, ApiFailure } from './http.ts';
import { resumeSession, signIn, signOut, TOKEN_KEY } from './session.ts';
import { endpoints } from './endpoints.ts';

const user = { id: 'p-1', username: 'li.na', name: '李娜', role: 'leader', unitId: 'u-1' };

interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

function scripted(answers: Record<string, { status: number; body?: unknown }>) {
  const calls: Call[] = [];
  const fetch_ = (async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    calls.push({ method, url, headers: init.headers as Record<string, string>, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    const answer = answers[`${method} ${url.split('?')[0]}`] ?? { status: 404, body: { error: { code: 'not_found', message: 'No such endpoint' } } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  }) as typeof fetch;
  return { calls, http: createHttp('', fetch_) };
}

function memoryStore() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

describe('signIn', () => {
  it('asks for a cookie session and, given a CSRF token, keeps no token in storage and sends X-CSRF-Token on writes', async () => {
    const { calls, http } = scripted({
      'POST /api/auth/login': { status: 200, body: { token: 'tok', user, csrfToken: 'csrf-1' } },
      'PUT /api/notes/n-1/review': { status: 404, body: { error: { code: 'not_found', message: 'no note' } } },
      'GET /api/units': { status: 200, body: [] },
    });
    const tokens = memoryStore();
    expect(await signIn(http, tokens, 'li.na', 'pw')).toEqual(user);
    expect(calls[0]!.body).toEqual({ username: 'li.na', password: 'pw', cookie: true });
    expect(tokens.map.size).toBe(0);
    const api = endpoints(http);
    await api.units();
    await expect(api.reviewNote('n-1', 'ok')).rejects.toThrow(ApiFailure);
    expect(calls[1]!.headers['x-csrf-token']).toBeUndefined();
    expect(calls[1]!.headers.authorization).toBeUndefined();
    expect(calls[2]!.headers['x-csrf-token']).toBe('csrf-1');
  });

  it('falls back to the bearer token, kept in sessionStorage, when the server offers no cookie session', async () => {
    const { calls, http } = scripted({
      'POST /api/auth/login': { status: 200, body: { token: 'tok', user } },
      'GET /api/me': { status: 200, body: user },
    });
    const tokens = memoryStore();
    await signIn(http, tokens, 'li.na', 'pw');
    expect(tokens.map.get(TOKEN_KEY)).toBe('tok');
    await endpoints(http).me();
    expect(calls[1]!.headers.authorization).toBe('Bearer tok');
  });

  it('reports wrong credentials with the server’s code', async () => {
    const { http } = scripted({ 'POST /api/auth/login': { status: 401, body: { error: { code: 'bad_credentials', message: 'Wrong username or password' } } } });
    await expect(signIn(http, memoryStore(), 'x', 'y')).rejects.toMatchObject({ status: 401, code: 'bad_credentials' });
  });
});

describe('resumeSession', () => {
  it('uses the cookie session when the server knows it', async () => {
    const { http } = scripted({ 'GET /api/auth/session': { status: 200, body: { user, csrfToken: 'c2' } } });
    expect(await resumeSession(http, memoryStore())).toEqual(user);
    expect(http.credentials).toEqual({ kind: 'cookie', csrfToken: 'c2' });
  });

  it('else uses this tab’s bearer token, forgetting it when the server no longer accepts it', async () => {
    const ok = scripted({ 'GET /api/auth/session': { status: 401, body: { error: { code: 'unauthenticated', message: 'x' } } }, 'GET /api/me': { status: 200, body: user } });
    const tokens = memoryStore();
    tokens.setItem(TOKEN_KEY, 'tok');
    expect(await resumeSession(ok.http, tokens)).toEqual(user);

    const revoked = scripted({ 'GET /api/me': { status: 401, body: { error: { code: 'unauthenticated', message: 'x' } } } });
    expect(await resumeSession(revoked.http, tokens)).toBeNull();
    expect(tokens.map.size).toBe(0);
  });

  it('is signed out without a cookie session or a token, and surfaces a network failure instead', async () => {
    expect(await resumeSession(scripted({}).http, memoryStore())).toBeNull();
    const down = createHttp('', (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch);
    await expect(resumeSession(down, memoryStore())).rejects.toMatchObject({ code: 'network' });
  });
});

describe('responses', () => {
  it('are checked against the shared schema, naming the field that is wrong', async () => {
    const { http } = scripted({ 'GET /api/units': { status: 200, body: [{ id: 'u 1', name: 'x', parentId: null }] } });
    await expect(endpoints(http).units()).rejects.toMatchObject({ code: 'bad_response', message: expect.stringContaining('0.id') });
  });

  it('sign-out forgets the credentials even when the server cannot be told', async () => {
    const { http } = scripted({ 'POST /api/auth/login': { status: 200, body: { token: 'tok', user } } });
    const tokens = memoryStore();
    await signIn(http, tokens, 'a', 'b');
    await expect(signOut(http, tokens)).rejects.toThrow();
    expect(tokens.map.size).toBe(0);
    expect(http.credentials).toEqual({ kind: 'none' });
  });
});
