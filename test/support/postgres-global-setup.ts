// vitest globalSetup: one throwaway PostgreSQL cluster for the whole run, its URL handed to the tests
// as inject('postgresUrl'); each test file makes its own database in it (postgres-database.ts). Several
// projects list this setup; they run in one vitest process, so the cluster is shared through
// globalThis and stopped when the last of them is torn down.
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

interface Shared {
  cluster: Promise<PostgresCluster>;
  users: number;
}

const KEY = Symbol.for('studytrail.test.postgres-cluster');
const holder = globalThis as { [KEY]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (holder[KEY] ??= { cluster: startPostgresCluster(), users: 0 });
  shared.users++;
  const cluster = await shared.cluster;
  project.provide('postgresUrl', cluster.url);
  return async () => {
    if (--shared.users > 0) return;
    delete holder[KEY];
    await cluster.stop();
  };
}
