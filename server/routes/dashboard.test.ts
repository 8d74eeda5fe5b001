// Serving the built dashboard: files, the app for deep links, a strict CSP, no escape from the folder,
// and /api/* left to the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dashboardRoutes } from './dashboard.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'studytrail-dash-'));
  await mkdir(path.join(root, 'dist', 'assets'), { recursive: true });
  await writeFile(path.join(root, 'dist', 'index.html'), '<!doctype html><html lang="zh-CN"><div id="app"></div></html>');
  await writeFile(path.join(root, 'dist', 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), 'not for the web');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const app = () => dashboardRoutes(path.join(root, 'dist'));

describe('dashboard routes', () => {
  it('serve the app at / and at any deep link, uncached, under a strict CSP', async () => {
    for (const url of ['/', '/people/p-1', '/admin/resources?x=1']) {
      const res = await app().request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<div id="app">');
    }
  });

  it('serve hashed assets with their type, cached for good; a missing asset is 404', async () => {
    const res = await app().request('/assets/index-abc.js');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe('console.log(1)');
    const gone = await app().request('/assets/gone.js');
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: { code: 'not_found', message: 'No such endpoint: GET /assets/gone.js' } });
  });

  it('never serve a file outside the folder', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const res = await app().request(url);
      expect(await res.text(), url).not.toContain('not for the web');
    }
  });

  it('leave /api/* to the API: unknown API paths get the JSON error, not the app', async () => {
    const res = await app().request('/api/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('say how to build the dashboard when it is missing', async () => {
    const res = await dashboardRoutes(path.join(root, 'nothing')).request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
