// Runs createApp on a real HTTP port on 127.0.0.1 with a real store and a clock the test controls. The
// vitest project chooses the engine (`provide: { storeEngine }` in vitest.config.ts): the embedded store
// in a temp folder, or PostgreSQL in a fresh database of the run's cluster (postgres-global-setup.ts)
// with its limiter in that database too, as main.ts runs it. The first admin exists; `signIn` returns a
// token.
import { serve } from '@hono/node-server';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loginResponseSchema } from '../../shared/schemas/auth.ts';
import { createApp } from '../../server/app.ts';
import { ensureFirstAdmin } from '../../server/auth/first-admin.ts';
import { openLowdbStore, STORE_FILE_NAME } from '../../server/store/lowdb-store.ts';
import { dumpDatabase } from '../../server/store/postgres/database.ts';
import { openPostgresLimiter } from '../../server/store/postgres/postgres-limiter.ts';
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts';
import type { Store } from '../../server/store/store-contract.ts';
import type { Limits } from '../../server/limits/limits.ts';
import { JOURNAL_FILE_NAME } from '../../server/store/journal.ts';
import { apiClient, expectData, type ApiClient } from './api-client.ts';
import { freshDatabase } from './postgres-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The engine startApiServer opens; a project that provides none gets the embedded store. */
    storeEngine?: 'embedded' | 'postgres';
  }
}

/** The PostgreSQL limiter's tables (090-limits.sql): counting state that the embedded store keeps in memory, not stored data. */
const LIMITER_TABLES = ['limit_attempts', 'limit_buckets'];

export const TEST_ADMIN = { username: 'admin', password: 'admin-password-for-tests' } as const;

export interface ApiServer {
  readonly url: string;
  readonly api: ApiClient;
  readonly store: Store;
  readonly engine: 'embedded' | 'postgres';
  /** The embedded store's folder: only for tests about its files, which run on the embedded engine alone (vitest.config.ts). */
  readonly dataDir: string;
  /** The server's "now" in epoch ms; assign to move time. */
  nowMs: number;
  signIn(username: string, password: string): Promise<string>;
  /**
   * The stored data: equal before and after means nothing changed. Embedded: the store files' bytes
   * (snapshot and journal). PostgreSQL: every table's rows, tables by name and rows in text order.
   */
  snapshot(): Promise<string>;
  /** Closes the socket and the store (and limiter), and deletes the temp folder. */
  close(): Promise<void>;
}

export async function startApiServer(
  options: {
    nowMs?: number;
    timeZone?: string;
    limits?: Partial<Limits>;
    trustProxy?: boolean;
    publicUrl?: string;
    /** What the app is given in place of the store (a test observing its reads wraps it); `store` stays the store itself. */
    storeForApp?: (store: Store) => Store;
  } = {},
): Promise<ApiServer> {
  const engine = inject('storeEngine') ?? 'embedded';
  const dataDir = await mkdtemp(path.join(tmpdir(), 'studytrail-api-'));
  const state = { nowMs: options.nowMs ?? Date.parse('2026-03-06T10:00:00+08:00') };
  const clock = () => state.nowMs;
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const databaseUrl = engine === 'postgres' ? await freshDatabase('api') : null;
  const store = databaseUrl === null ? await openLowdbStore(dataDir, { clock, timeZone }) : await openPostgresStore(databaseUrl, { clock, timeZone });
  const limiter = databaseUrl === null ? null : openPostgresLimiter(databaseUrl);
  await ensureFirstAdmin(store, TEST_ADMIN.password);
  const app = createApp({
    store: options.storeForApp?.(store) ?? store,
    clock,
    config: { timeZone, trustProxy: options.trustProxy ?? false, publicUrl: options.publicUrl ?? null },
    limits: options.limits,
    ...(limiter && { limiter: limiter.factory }),
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const api = apiClient(url);

  return {
    url,
    api,
    store,
    engine,
    dataDir,
    get nowMs() {
      return state.nowMs;
    },
    set nowMs(value: number) {
      state.nowMs = value;
    },
    async signIn(username, password) {
      return expectData(await api.post('/api/auth/login', { username, password }), loginResponseSchema).token;
    },
    async snapshot() {
      if (databaseUrl !== null) return dumpDatabase(databaseUrl, LIMITER_TABLES);
      const read = (name: string) => readFile(path.join(dataDir, name), 'utf8').catch(() => '');
      return (await read(STORE_FILE_NAME)) + (await read(JOURNAL_FILE_NAME));
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await store.close();
      await limiter?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
