// The schema's migrations: versioned SQL files (migrations/NNN-name.sql) applied in order at start,
// each in its own transaction with its row in schema_migrations, so a failed one leaves the schema as
// the previous one left it. A session advisory lock makes two servers starting at once take turns:
// the second finds the work done.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { REPO_ROOT } from '../../paths.ts';

/** Found from the package root, so the bundled server (.output/server/main.mjs) reads the same files. */
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'server', 'store', 'postgres', 'migrations');

/** Any fixed number: every StudyTrail process asks for the same one. */
const MIGRATION_LOCK = 1_957_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migration files in version order; a name not NNN-*.sql or a version given twice is a mistake in the code. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{3})-[a-z0-9-]+\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file ${file} is not named NNN-name.sql`);
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) throw new Error(`Migration version ${version} is given twice`);
    migrations.push({ version, name: file, sql: await readFile(path.join(dir, file), 'utf8') });
  }
  return migrations;
}

/** Applies the migrations the database has not had yet; returns the versions applied now. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const newest = Math.max(0, ...done);
      const known = Math.max(0, ...migrations.map((m) => m.version));
      if (newest > known) {
        throw new Error(`The database's schema is version ${newest}, newer than this StudyTrail knows (${known}): run the newer StudyTrail, or restore a backup from before the upgrade`);
      }
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${m.name} failed and was rolled back: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
