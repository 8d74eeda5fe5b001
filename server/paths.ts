// Where the built pieces live, found from the running code: server/*.ts under tsx in development and
// tests of the source, the bundle .output/server/main.mjs under `npm start`. Both sit somewhere below
// the package's root, so the root is the nearest folder above with our package.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'studytrail') return dir;
    if (path.dirname(dir) === dir) throw new Error(`StudyTrail's package.json was not found above ${from}`);
  }
}

export const REPO_ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const DASHBOARD_DIR = path.join(REPO_ROOT, '.output', 'dashboard') + path.sep;
export const EXTENSION_DIR = path.join(REPO_ROOT, '.output', 'chrome-mv3');
