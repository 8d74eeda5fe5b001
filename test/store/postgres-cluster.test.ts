// The throwaway cluster the PostgreSQL tests run on: found from Debian's layout, and a clear way out
// when PostgreSQL is not installed.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresBinDir } from '../support/postgres-cluster.ts';

describe('postgres cluster for tests', () => {
  it('names the install command when the server binaries are missing', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'studytrail-no-pg-'));
    try {
      expect(() => postgresBinDir(path.join(root, 'absent'))).toThrow('`apt-get install -y postgresql`');
      // A client-only install (psql, no initdb) is not enough either.
      await mkdir(path.join(root, '15', 'bin'), { recursive: true });
      await writeFile(path.join(root, '15', 'bin', 'psql'), '');
      expect(() => postgresBinDir(root)).toThrow(/PostgreSQL is not installed .* `apt-get install -y postgresql`/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("picks the newest installed version's binaries", async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'studytrail-pg-versions-'));
    try {
      for (const version of ['9', '15', '13']) {
        await mkdir(path.join(root, version, 'bin'), { recursive: true });
        for (const tool of ['initdb', 'pg_ctl']) await writeFile(path.join(root, version, 'bin', tool), '');
      }
      expect(postgresBinDir(root)).toBe(path.join(root, '15', 'bin'));
      expect(existsSync(path.join(postgresBinDir(), 'initdb'))).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
