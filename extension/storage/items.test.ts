// Storage conventions: every key is declared once in items.ts, and only there; the device id is
// created once and then stays.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deviceIdItem } from './items.ts';

const EXTENSION_DIR = join(import.meta.dirname, '..');

function sources(): { path: string; text: string }[] {
  return readdirSync(EXTENSION_DIR, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => {
      const full = join(e.parentPath, e.name);
      return { path: relative(EXTENSION_DIR, full), text: readFileSync(full, 'utf8') };
    });
}

describe('storage declarations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('declares each key once, in storage/items.ts only', () => {
    const keys: string[] = [];
    for (const { path, text } of sources()) {
      const declared = [...text.matchAll(/defineItem<[^>]*>\(\s*'([^']+)'/g)].map((m) => m[1]!);
      if (path !== 'storage/items.ts') expect(declared, path).toEqual([]);
      keys.push(...declared);
      expect(/\bbrowser\.storage\b|['"](local|session|sync|managed):[A-Za-z]/.test(text) && path !== 'storage/items.ts', path).toBe(false);
    }
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('creates the device id once and keeps it', async () => {
    const first = await deviceIdItem.getValue();
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(await deviceIdItem.getValue()).toBe(first);
  });
});
