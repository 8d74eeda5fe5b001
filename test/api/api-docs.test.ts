// docs/api.md documents every route the app serves, and nothing else: the reference cannot drift.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '../support/app-routes.ts';

const DOC = new URL('../../docs/api.md', import.meta.url);

describe('docs/api.md', () => {
  it('has a "### `METHOD /path`" heading for exactly the routes of the app', async () => {
    const text = await readFile(DOC, 'utf8');
    const documented = [...text.matchAll(/^### `([A-Z]+) (\/[^`]*)`$/gm)].map(([, method, path]) => `${method} ${path!.replace(/\{(\w+)\}/g, ':$1')}`);
    expect(new Set(documented).size).toBe(documented.length);
    expect(documented.sort()).toEqual(appRoutes());
  });

  it('is linked from the README', async () => {
    expect(await readFile(new URL('../../README.md', import.meta.url), 'utf8')).toContain('(docs/api.md)');
  });
});
