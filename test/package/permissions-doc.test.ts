// The README's permission table names every permission the built manifests ask for, so what people and
// IT departments are told matches what the browser shows them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv3'];

type Manifest = { permissions?: string[]; optional_permissions?: string[]; host_permissions?: string[]; optional_host_permissions?: string[] };

/** The README's table rows under "### Permissions": the permission names in each row's first cell. */
function documentedPermissions(): Set<string> {
  const readme = readFileSync(resolve('README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Permissions'));
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return new Set(rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)));
}

describe('the README permission table', () => {
  it.each(BUILDS)('lists every permission %s declares', (dir) => {
    const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Manifest;
    const documented = documentedPermissions();
    const declared = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.filter((p) => !documented.has(p))).toEqual([]);
    // Host access is only ever optional, and each pattern is listed.
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect((manifest.optional_host_permissions ?? []).filter((p) => !documented.has(p))).toEqual([]);
  });
});
