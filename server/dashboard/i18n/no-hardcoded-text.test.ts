// Every string a person reads on the dashboard comes from the catalogues through t(): none is written
// straight into JSX, and every key the code names exists in zh-CN and en.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardcodedText, tsxFiles } from '../../../test/support/hardcoded-text.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

const DASHBOARD_DIR = join(import.meta.dirname, '..');

function sourceFiles(): string[] {
  return readdirSync(DASHBOARD_DIR, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('dashboard text', () => {
  it('is never written into a component: it comes from the catalogues through t()', () => {
    const files = tsxFiles(DASHBOARD_DIR);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((file) => hardcodedText(DASHBOARD_DIR, file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('names only keys that exist in both zh-CN and en', () => {
    const keys = new Set(sourceFiles().flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => m[1]!)));
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter((key) => !(key in zhCN) || !(key in en));
    expect(missing).toEqual([]);
  });
});
