// Folders of the extension that import each other. ESLint's import-x/no-cycle sees only file-level
// cycles closed by run-time imports; this reads every import (type imports too) of the product code and
// fails on any pair of top-level folders that import each other. The layers, lowest first: rpc/ and
// storage/ (which declares the stored shapes), then the features (tracking/, highlights/, programme/,
// account/, status/, sync/), then messaging/ (which joins their requests into the background's one
// protocol and handler map), then ui/ and entrypoints/. eslint.config.js holds the zones that say so.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const EXTENSION_DIR = import.meta.dirname;

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'public' ? [] : productFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.test-support\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Relative specifiers of every static import and re-export, `import type` included. */
function importSpecifiers(source: string): string[] {
  const pattern = /^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((m) => (m[1] ?? m[2])!);
}

function topFolder(file: string): string | null {
  const parts = relative(EXTENSION_DIR, file).split(sep);
  return parts.length > 1 && !parts[0]!.startsWith('..') ? parts[0]! : null;
}

function mutualPairs(files: readonly string[], read: (file: string) => string): string[] {
  const edges = new Set<string>();
  for (const file of files) {
    const from = topFolder(file);
    for (const specifier of importSpecifiers(read(file))) {
      const to = topFolder(resolve(dirname(file), specifier));
      if (from !== null && to !== null && from !== to) edges.add(`${from}>${to}`);
    }
  }
  return [...edges]
    .map((edge) => edge.split('>') as [string, string])
    .filter(([a, b]) => a < b && edges.has(`${b}>${a}`))
    .map(([a, b]) => `${a} <-> ${b}`)
    .sort();
}

describe('folder-level import cycles in extension/', () => {
  it('finds a pair when there is one (the check itself works), type imports and re-exports included', () => {
    const sources: Record<string, string> = {
      [join(EXTENSION_DIR, 'a', 'x.ts')]: "import type {\n  Y,\n} from '../b/y.ts';\nexport const x = '../c/not-an-import.ts';",
      [join(EXTENSION_DIR, 'b', 'y.ts')]: "export { x } from '../a/x.ts';\nimport './z.ts';",
      [join(EXTENSION_DIR, 'c', 'z.ts')]: "import { x } from '../a/x.ts';",
    };
    expect(mutualPairs(Object.keys(sources), (file) => sources[file]!)).toEqual(['a <-> b']);
  });

  it('has no pair of folders importing each other', () => {
    const found = mutualPairs(productFiles(EXTENSION_DIR), (file) => readFileSync(file, 'utf8'));
    expect(found).toEqual([]);
  });
});
