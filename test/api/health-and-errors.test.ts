// The API's edges: health, the dashboard at /, unknown routes, body parsing, body size and CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../server/app.ts';
import { expectError } from '../support/api-client.ts';
import { startApiServer, TEST_ADMIN, type ApiServer } from '../support/api-server.ts';

let server: ApiServer;
let adminToken: string;

beforeAll(async () => {
  server = await startApiServer();
  adminToken = await server.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
});
afterAll(() => server.close());

describe('health and home', () => {
  it('GET /api/health answers {"ok":true} to anyone', async () => {
    const res = await server.api.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it('GET / is the dashboard: the app page, in Chinese first, under a strict CSP', async () => {
    const res = await server.api.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = res.body as string;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    expectError(await server.api.get('/api/nothing-here'), 404, 'not_found');
    expectError(await server.api.send('DELETE', '/api/units', { token: adminToken }), 404, 'not_found');
  });
});

describe('request bodies', () => {
  const post = (options: { rawBody?: string; headers?: Record<string, string> }) =>
    server.api.send('POST', '/api/units', { token: adminToken, ...options });

  it('rejects a body without Content-Type: application/json, saying so', async () => {
    const before = await server.snapshot();
    const message = expectError(await post({ rawBody: '{"name":"x"}', headers: { 'content-type': 'text/plain' } }), 400, 'bad_request');
    expect(message).toContain('Content-Type: application/json');
    expectError(await post({ rawBody: '{"name":"x"}' }), 400, 'bad_request');
    expect(await server.snapshot()).toBe(before);
  });

  it('accepts a charset parameter on the content type', async () => {
    const res = await post({ rawBody: '{"name":"字符集"}', headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(res.status).toBe(201);
  });

  it.each([
    ['malformed JSON', '{"name": '],
    ['an empty body', ''],
    ['trailing garbage', '{"name":"x"} y'],
  ])('rejects %s as invalid_json', async (_, rawBody) => {
    const before = await server.snapshot();
    expectError(await post({ rawBody, headers: { 'content-type': 'application/json' } }), 400, 'invalid_json');
    expect(await server.snapshot()).toBe(before);
  });

  it('rejects JSON of the wrong shape as validation_failed', async () => {
    const message = expectError(await post({ rawBody: '[1,2]', headers: { 'content-type': 'application/json' } }), 400, 'validation_failed');
    expect(message).toMatch(/^\(body\): /);
  });

  it('rejects a body over the limit with 413, declared or streamed', async () => {
    const before = await server.snapshot();
    const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) });
    expectError(await post({ rawBody: big, headers: { 'content-type': 'application/json' } }), 413, 'body_too_large');

    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const res = await fetch(`${server.url}/api/units`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
    expect(await server.snapshot()).toBe(before);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/api/sync`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it.each(['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b9e4a1c-5d2f-4e8a-9c3b-1a2b3c4d5e6f'])(
    'lets the extension origin %s call the API with a bearer token',
    async (origin) => {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
      expect(res.headers.get('access-control-max-age')).toBe('600');
      const get = await fetch(`${server.url}/api/health`, { headers: { origin } });
      expect(get.headers.get('access-control-allow-origin')).toBe(origin);
      expect(get.headers.get('vary')).toBe('Origin');
      // An error answer carries the headers too, and exposes Retry-After and ETag to the extension.
      const refused = await fetch(`${server.url}/api/sync`, { method: 'POST', headers: { origin } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
      expect(refused.headers.get('access-control-expose-headers')).toBe('ETag,Retry-After');
    },
  );

  it('gives arbitrary web origins nothing', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${server.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('access-control-expose-headers')).toBeNull();
    expect(get.headers.get('vary')).toBe('Origin');
  });
});
