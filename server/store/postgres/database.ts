// Databases for tests and tools: a fresh one in a cluster, an existing one emptied or dumped. The store
// itself never creates or drops databases; an installation makes its own (docs/deployment.md).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Makes an empty database named `studytrail_<label>_<random>` next to the one `adminUrl` names; returns its URL. */
export async function createDatabase(adminUrl: string, label = 'test'): Promise<string> {
  const name = `studytrail_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Empties the database at `url`: every table, sequence and the migrations record go, so the next open starts from migration 1. */
export async function resetDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

/**
 * Every table's rows but those of `except`, as text: tables by name, each row as PostgreSQL's record
 * literal, rows sorted. Equal before and after means the data did not change (the API tests' check that
 * refused input stores nothing).
 */
export async function dumpDatabase(url: string, except: readonly string[] = []): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY tablename", [except])
    ).rows.map((r) => r.name);
    const parts: string[] = [];
    for (const name of tables) {
      const { rows } = await client.query<{ dump: string | null }>(`SELECT string_agg(t::text, E'\\n' ORDER BY t::text) AS dump FROM ${client.escapeIdentifier(name)} t`);
      parts.push(`-- ${name}\n${rows[0]!.dump ?? ''}`);
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}
