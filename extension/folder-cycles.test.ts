// Folders of the extension that import each other. ESLint's import-x/no-cycle sees only file-level
// cycles closed by run-time imports; this reads every import (type imports too) of the product code and
// fails on any pair of top-level folders that import each other. The layers, lowest first: rpc/ and
// storage/ (which declares the stored shapes), then the features (tracking/, highlights/, programme/,
// account/, status/, sync/), then messaging/ (which joins their requests into the background's one
// protocol and handler map), then ui/ and entrypoints/. eslint.config.js holds the zones that say so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutualPairs, productFiles } from '../test/support/folder-cycles.ts';

const EXTENSION_DIR = import.meta.dirname;

describe('folder-level import cycles in extension/', () => {
  it('finds a pair when there is one (the check itself works), type imports and re-exports included', () => {
    const sources: Record<string, string> = {
      [join(EXTENSION_DIR, 'a', 'x.ts')]: "import type {\n  Y,\n} from '../b/y.ts';\nexport const x = '../c/not-an-import.ts';",
      [join(EXTENSION_DIR, 'b', 'y.ts')]: "export { x } from '../a/x.ts';\nimport './z.ts';",
      [join(EXTENSION_DIR, 'c', 'z.ts')]: "import { x } from '../a/x.ts';",
    };
    expect(mutualPairs(EXTENSION_DIR, Object.keys(sources), (file) => sources[file]!)).toEqual(['a <-> b']);
  });

  it('has no pair of folders importing each other', () => {
    const found = mutualPairs(EXTENSION_DIR, productFiles(EXTENSION_DIR, ['public']), (file) => readFileSync(file, 'utf8'));
    expect(found).toEqual([]);
  });
});
