// The extension's one server client validates answers, names the kind of every failure, and reports a
// refused token so the account is marked as needing sign-in, whichever call was refused.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markSignInNeeded } from '../account/needs-sign-in.ts';
import { sessionItem } from '../storage/items.ts';
import { createServerClient, normaliseServerUrl, ServerError } from './server-client.ts';

const user = { id: 'u1', username: 'zhang.wei', name: '张伟', role: 'staff', unitId: 'unit1' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const clientOf = (fetchFn: typeof fetch) => createServerClient({ fetch: fetchFn, onTokenRefused: async () => undefined });

async function failure(promise: Promise<unknown>): Promise<ServerError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ServerError);
  return error as ServerError;
}

describe('server client', () => {
  it('signs in with a JSON body and returns the validated answer', async () => {
    const requests: Request[] = [];
    const client = clientOf(async (input, init) => {
      requests.push(new Request(input, init));
      return json(200, { token: 't', user });
    });
    expect(await client.login('http://127.0.0.1:8787', { username: 'zhang.wei', password: 'pw' })).toEqual({ token: 't', user });
    expect(requests[0]!.url).toBe('http://127.0.0.1:8787/api/auth/login');
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual({ username: 'zhang.wei', password: 'pw' });
  });

  it('sends the token as a bearer header', async () => {
    let auth: string | null = null;
    const client = clientOf(async (input, init) => {
      auth = new Request(input, init).headers.get('authorization');
      return json(200, { version: 1, resources: [], settings: { idleSeconds: 120 } });
    });
    await client.getPolicy('https://st.example.org', 'abc');
    expect(auth).toBe('Bearer abc');
  });

  it('asks for the policy with the ETag held and understands 304 as unchanged', async () => {
    const seen: (string | null)[] = [];
    const policy = { version: 2, resources: [], settings: { idleSeconds: 120 } };
    const client = clientOf(async (input, init) => {
      const tag = new Request(input, init).headers.get('if-none-match');
      seen.push(tag);
      if (tag === '"v2"') return new Response(null, { status: 304 });
      return new Response(JSON.stringify(policy), { status: 200, headers: { 'content-type': 'application/json', etag: '"v2"' } });
    });
    expect(await client.getPolicyIfChanged('https://st.example.org', 't', null)).toEqual({ changed: true, policy, etag: '"v2"' });
    expect(await client.getPolicyIfChanged('https://st.example.org', 't', '"v2"')).toEqual({ changed: false });
    expect(seen).toEqual([null, '"v2"']);
  });

  it('accepts a policy without ETag (an older server) and without mediaPresenceSeconds', async () => {
    const policy = { version: 1, resources: [], settings: { idleSeconds: 120 } };
    const client = clientOf(async () => json(200, policy));
    expect(await client.getPolicyIfChanged('https://st.example.org', 't', null)).toEqual({ changed: true, policy, etag: null });
  });

  it("asks for the person's log over the given dates and validates the answer", async () => {
    const urls: string[] = [];
    const log = { personId: 'u1', from: '2026-03-06', to: '2026-03-06', totalSeconds: 192, days: [{ date: '2026-03-06', seconds: 192 }], byCategory: { 'political-theory': 192, 'cppcc-theory': 0, professional: 0, other: 0 }, byResource: [] };
    const client = clientOf(async (input, init) => {
      urls.push(new Request(input, init).url);
      return json(200, log);
    });
    expect((await client.getLog('https://st.example.org', 't', 'u1', '2026-03-06', '2026-03-06')).totalSeconds).toBe(192);
    expect(urls).toEqual(['https://st.example.org/api/people/u1/log?from=2026-03-06&to=2026-03-06']);
    const broken = clientOf(async () => json(200, { ...log, totalSeconds: -1 }));
    expect((await failure(broken.getLog('https://st.example.org', 't', 'u1', '2026-03-06', '2026-03-06'))).kind).toBe('invalid-response');
  });

  it('names 401 unauthorized, with the code from the error body', async () => {
    const client = clientOf(async () => json(401, { error: { code: 'bad_credentials', message: 'nope' } }));
    const error = await failure(client.login('https://st.example.org', { username: 'a', password: 'b' }));
    expect([error.kind, error.status, error.code, error.message]).toEqual(['unauthorized', 401, 'bad_credentials', 'nope']);
  });

  it('names other error statuses http, even without an error body', async () => {
    const client = clientOf(async () => new Response('<html>bad gateway</html>', { status: 502 }));
    const error = await failure(client.getPolicy('https://st.example.org', 't'));
    expect([error.kind, error.status]).toEqual(['http', 502]);
  });

  it('names a network failure unreachable', async () => {
    const client = clientOf(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await failure(client.getPolicy('https://st.example.org', 't'))).kind).toBe('unreachable');
  });

  it('refuses a 2xx answer that breaks the contract', async () => {
    const client = clientOf(async () => json(200, { accepted: 'all' }));
    const body = { deviceId: 'd', segments: [] };
    expect((await failure(client.sync('https://st.example.org', 't', body))).kind).toBe('invalid-response');
  });

  it('names the path and the broken field when a programme answer has the wrong shape', async () => {
    const client = clientOf(async () => json(200, { personId: 'u1', year: 2026, readingList: 'none' }));
    const error = await failure(client.getYearPlan('https://st.example.org', 't', 'u1', 2026));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('/api/people/u1/plans/2026/year');
    expect(error.message).toContain('readingList');
  });

  it('names a network failure of a programme call unreachable and reports no refused token', async () => {
    const onTokenRefused = vi.fn(async () => undefined);
    const client = createServerClient({ onTokenRefused, fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = await failure(client.checkIn('https://st.example.org', 't', 'ab3k7p'));
    expect([error.kind, error.message]).toEqual(['unreachable', 'Failed to fetch']);
    expect(onTokenRefused).not.toHaveBeenCalled();
  });

  it('names a timeout unreachable', async () => {
    const client = clientOf(async () => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')));
    expect((await failure(client.getYearPlanProgress('https://st.example.org', 't', 'u1', 2026))).kind).toBe('unreachable');
  });

  it('posts a check-in code with the token and carries the refusal code of an error answer', async () => {
    const requests: Request[] = [];
    const client = clientOf(async (input, init) => {
      requests.push(new Request(input, init));
      return json(409, { error: { code: 'check_in_closed', message: 'closed' } });
    });
    const error = await failure(client.checkIn('https://st.example.org', 'tok', 'ab3k7p'));
    expect([error.kind, error.status, error.code]).toEqual(['http', 409, 'check_in_closed']);
    expect(requests[0]!.url).toBe('https://st.example.org/api/check-in');
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer tok');
    expect(await requests[0]!.json()).toEqual({ code: 'ab3k7p' });
  });

  it('asks for the year plan and its progress under the person, encoded', async () => {
    const urls: string[] = [];
    const client = clientOf(async (input, init) => {
      urls.push(new Request(input, init).url);
      return json(500, { error: { code: 'internal_error', message: 'boom' } });
    });
    await failure(client.getYearPlan('https://st.example.org', 't', 'a/b', 2027));
    await failure(client.getYearPlanProgress('https://st.example.org', 't', 'u1', 2027));
    expect(urls).toEqual(['https://st.example.org/api/people/a%2Fb/plans/2027/year', 'https://st.example.org/api/people/u1/plans/2027/year/progress']);
  });

  describe('a refused token', () => {
    const user = { id: 'u1', username: 'zhang.wei', name: '张伟', role: 'staff' as const, unitId: 'unit1' };
    const refused = async () => json(401, { error: { code: 'unauthenticated', message: 'token expired' } });
    beforeEach(async () => {
      fakeBrowser.reset();
      await sessionItem.setValue({ server: 'https://st.example.org', token: 'tok', user, needsSignIn: false });
    });

    it.each([
      ['sync', (c: ReturnType<typeof createServerClient>) => c.sync('https://st.example.org', 'tok', { deviceId: 'd', segments: [] })],
      ['the policy', (c: ReturnType<typeof createServerClient>) => c.getPolicyIfChanged('https://st.example.org', 'tok', null)],
      ['the log', (c: ReturnType<typeof createServerClient>) => c.getLog('https://st.example.org', 'tok', 'u1', '2026-03-06', '2026-03-06')],
      ['check-in', (c: ReturnType<typeof createServerClient>) => c.checkIn('https://st.example.org', 'tok', 'x')],
      ['the year plan', (c: ReturnType<typeof createServerClient>) => c.getYearPlan('https://st.example.org', 'tok', 'u1', 2026)],
      ['plan progress', (c: ReturnType<typeof createServerClient>) => c.getYearPlanProgress('https://st.example.org', 'tok', 'u1', 2026)],
    ])('on %s marks the account as needing sign-in before the failure is seen', async (_name, request) => {
      const client = createServerClient({ fetch: refused, onTokenRefused: markSignInNeeded });
      const error = await failure(request(client));
      expect([error.kind, error.code]).toEqual(['unauthorized', 'unauthenticated']);
      expect(await sessionItem.getValue()).toEqual({ server: 'https://st.example.org', token: 'tok', user, needsSignIn: true });
    });

    it('leaves a newer sign-in alone, and a 401 to sign-in itself (wrong password) marks nothing', async () => {
      const onTokenRefused = vi.fn(markSignInNeeded);
      const client = createServerClient({ fetch: refused, onTokenRefused });
      await failure(client.login('https://st.example.org', { username: 'zhang.wei', password: 'wrong' }));
      expect(onTokenRefused).not.toHaveBeenCalled();
      await failure(client.getPolicy('https://st.example.org', 'an-older-token'));
      expect(onTokenRefused).toHaveBeenCalledWith('an-older-token');
      expect((await sessionItem.getValue())?.needsSignIn).toBe(false);
    });

    it('marks nothing on other error statuses', async () => {
      const onTokenRefused = vi.fn(async () => undefined);
      const client = createServerClient({ fetch: async () => json(403, { error: { code: 'forbidden', message: 'no' } }), onTokenRefused });
      expect((await failure(client.getYearPlan('https://st.example.org', 'tok', 'u2', 2026))).kind).toBe('http');
      expect(onTokenRefused).not.toHaveBeenCalled();
    });
  });

  it('normalises the server address the person typed', () => {
    expect(normaliseServerUrl(' http://127.0.0.1:8787/ ')).toBe('http://127.0.0.1:8787');
    expect(normaliseServerUrl('https://example.org/studytrail//')).toBe('https://example.org/studytrail');
    expect(normaliseServerUrl('example.org')).toBeNull();
    expect(normaliseServerUrl('ftp://example.org')).toBeNull();
  });
});
