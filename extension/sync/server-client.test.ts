// The server client validates answers and names the kind of every failure.
import { describe, expect, it } from 'vitest';
import { createServerClient, normaliseServerUrl, ServerError } from './server-client.ts';

const user = { id: 'u1', username: 'zhang.wei', name: '张伟', role: 'staff', unitId: 'unit1' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function failure(promise: Promise<unknown>): Promise<ServerError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ServerError);
  return error as ServerError;
}

describe('server client', () => {
  it('signs in with a JSON body and returns the validated answer', async () => {
    const requests: Request[] = [];
    const client = createServerClient(async (input, init) => {
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
    const client = createServerClient(async (input, init) => {
      auth = new Request(input, init).headers.get('authorization');
      return json(200, { version: 1, resources: [], settings: { idleSeconds: 120 } });
    });
    await client.getPolicy('https://st.example.org', 'abc');
    expect(auth).toBe('Bearer abc');
  });

  it('asks for the policy with the ETag held and understands 304 as unchanged', async () => {
    const seen: (string | null)[] = [];
    const policy = { version: 2, resources: [], settings: { idleSeconds: 120 } };
    const client = createServerClient(async (input, init) => {
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
    const client = createServerClient(async () => json(200, policy));
    expect(await client.getPolicyIfChanged('https://st.example.org', 't', null)).toEqual({ changed: true, policy, etag: null });
  });

  it("asks for the person's log over the given dates and validates the answer", async () => {
    const urls: string[] = [];
    const log = { personId: 'u1', from: '2026-03-06', to: '2026-03-06', totalSeconds: 192, days: [{ date: '2026-03-06', seconds: 192 }], byCategory: { 'political-theory': 192, 'cppcc-theory': 0, professional: 0, other: 0 }, byResource: [] };
    const client = createServerClient(async (input, init) => {
      urls.push(new Request(input, init).url);
      return json(200, log);
    });
    expect((await client.getLog('https://st.example.org', 't', 'u1', '2026-03-06', '2026-03-06')).totalSeconds).toBe(192);
    expect(urls).toEqual(['https://st.example.org/api/people/u1/log?from=2026-03-06&to=2026-03-06']);
    const broken = createServerClient(async () => json(200, { ...log, totalSeconds: -1 }));
    expect((await failure(broken.getLog('https://st.example.org', 't', 'u1', '2026-03-06', '2026-03-06'))).kind).toBe('invalid-response');
  });

  it('names 401 unauthorized, with the code from the error body', async () => {
    const client = createServerClient(async () => json(401, { error: { code: 'bad_credentials', message: 'nope' } }));
    const error = await failure(client.login('https://st.example.org', { username: 'a', password: 'b' }));
    expect([error.kind, error.status, error.code, error.message]).toEqual(['unauthorized', 401, 'bad_credentials', 'nope']);
  });

  it('names other error statuses http, even without an error body', async () => {
    const client = createServerClient(async () => new Response('<html>bad gateway</html>', { status: 502 }));
    const error = await failure(client.getPolicy('https://st.example.org', 't'));
    expect([error.kind, error.status]).toEqual(['http', 502]);
  });

  it('names a network failure unreachable', async () => {
    const client = createServerClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await failure(client.getPolicy('https://st.example.org', 't'))).kind).toBe('unreachable');
  });

  it('refuses a 2xx answer that breaks the contract', async () => {
    const client = createServerClient(async () => json(200, { accepted: 'all' }));
    const body = { deviceId: 'd', segments: [] };
    expect((await failure(client.sync('https://st.example.org', 't', body))).kind).toBe('invalid-response');
  });

  it('normalises the server address the person typed', () => {
    expect(normaliseServerUrl(' http://127.0.0.1:8787/ ')).toBe('http://127.0.0.1:8787');
    expect(normaliseServerUrl('https://example.org/studytrail//')).toBe('https://example.org/studytrail');
    expect(normaliseServerUrl('example.org')).toBeNull();
    expect(normaliseServerUrl('ftp://example.org')).toBeNull();
  });
});
