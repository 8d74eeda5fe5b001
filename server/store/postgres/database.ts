// Databases for tests and tools: a fresh one in a cluster, or an existing one emptied. The store
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
