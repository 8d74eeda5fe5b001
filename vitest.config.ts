// One vitest run for everything: pure unit tests in parallel, then API and end-to-end tests that own
// real ports, processes and a real Chromium.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          // The store contract on both engines: the embedded store and PostgreSQL (one throwaway
          // cluster per run, a database per file).
          name: 'store',
          include: ['test/store/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: ['extension/**/*.test.ts', 'extension/**/*.test.tsx'],
        },
      },
      {
        test: {
          // The API on the embedded store, and the fault tests (which are about its files and process).
          name: 'api',
          include: ['test/api/**/*.test.ts', 'test/fault/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          provide: { storeEngine: 'embedded' },
        },
      },
      {
        test: {
          // The same API tests on PostgreSQL: startApiServer opens a fresh database of the run's cluster.
          name: 'api-postgres',
          include: ['test/api/**/*.test.ts'],
          exclude: [
            // The backup and restore commands copy the embedded store's files (PostgreSQL: pg_dump).
            'test/api/backup-restore.test.ts',
            // The server process on a data folder: its first start, a restart on the same files, a
            // corrupt store file refused.
            'test/api/server-process.test.ts',
            // Reads docs/api.md and the app's routes; no store at all, so a second run proves nothing.
            'test/api/api-docs.test.ts',
          ],
          environment: 'node',
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          provide: { storeEngine: 'postgres' },
        },
      },
      {
        test: {
          // The packaged extension as a store or an IT department receives it (needs the builds).
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the scenarios measure seconds and must not fight for two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
