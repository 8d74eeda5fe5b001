// Pairs of top-level folders of one tree that import each other. ESLint's import-x/no-cycle sees only
// file-level cycles closed by run-time imports; this reads every import (type imports too) of the product
// code, so a folder-level circle shows even when no single file closes it. Used by
// extension/folder-cycles.test.ts and server/folder-cycles.test.ts.
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The product files under `dir` (tests and test support left out), skipping the folders named in `skip`. */
export function productFiles(dir: string, skip: readonly string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skip.includes(entry.name) ? [] : productFiles(path, skip);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.test-support\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Relative specifiers of every static import and re-export, `import type` included. */
function importSpecifiers(source: string): string[] {
  const pattern = /^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((m) => (m[1] ?? m[2])!);
}

function topFolder(root: string, file: string): string | null {
  const parts = relative(root, file).split(sep);
  return parts.length > 1 && !parts[0]!.startsWith('..') ? parts[0]! : null;
}

/** "a <-> b" for every pair of top-level folders of `root` whose files import each other. */
export function mutualPairs(root: string, files: readonly string[], read: (file: string) => string): string[] {
  const edges = new Set<string>();
  for (const file of files) {
    const from = topFolder(root, file);
    for (const specifier of importSpecifiers(read(file))) {
      const to = topFolder(root, resolve(dirname(file), specifier));
      if (from !== null && to !== null && from !== to) edges.add(`${from}>${to}`);
    }
  }
  return [...edges]
    .map((edge) => edge.split('>') as [string, string])
    .filter(([a, b]) => a < b && edges.has(`${b}>${a}`))
    .map(([a, b]) => `${a} <-> ${b}`)
    .sort();
}
