// Folders of the extension that import each other. ESLint's import-x/no-cycle sees only file-level
// cycles closed by run-time imports; this reads every import (type imports too) of the product code and
// lists each pair of top-level folders that import each other. The pairs known today are listed with
// what closes them; a new pair fails, and so does a listed pair that no longer exists, so the list only
// shrinks. Pairs broken for good get a zone in eslint.config.js (tracking/ -> messaging/, highlights/ ->
// sync/, storage/ -> sync/ and programme/, page code -> ui/).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const EXTENSION_DIR = import.meta.dirname;

/** Each known pair, "a <-> b" in alphabetical order, with the imports that close it. */
const KNOWN: Record<string, string> = {
  'account <-> messaging': 'sign-in throws BackgroundFailure from messaging/protocol.ts; the handler map calls sign-in',
  'account <-> tracking': 'the recorder reads the organisation zone; account applies the policy to the recorder',
  'highlights <-> messaging': 'note handlers and the page throw or send protocol messages; the protocol joins notes-protocol.ts',
  'highlights <-> storage': 'notes code reads storage items; storage/items.ts declares the notes item with its type',
  'messaging <-> programme': 'programme handlers throw BackgroundFailure; the protocol joins programme-protocol.ts',
  'messaging <-> status': 'read-status returns the protocol status type; the handler map calls status/',
  'storage <-> tracking': 'the recorder persists through storage/; storage/items.ts and migrations.ts type and start the tracker state',
};

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

  it('has no pair of folders importing each other beyond the known ones, and each known one still exists', () => {
    const found = mutualPairs(productFiles(EXTENSION_DIR), (file) => readFileSync(file, 'utf8'));
    expect(found).toEqual(Object.keys(KNOWN).sort());
  });
});
