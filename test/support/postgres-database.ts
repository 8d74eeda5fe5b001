// A fresh, empty database per test file in the run's cluster (postgres-global-setup.ts), so files never
// see each other's rows and may run in parallel.
import { inject } from 'vitest';
import { createDatabase } from '../../server/store/postgres/database.ts';

/** The URL of a new empty database named after `label` (plus a random suffix). */
export async function freshDatabase(label: string): Promise<string> {
  return createDatabase(inject('postgresUrl'), label);
}
