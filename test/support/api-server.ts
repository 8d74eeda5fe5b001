// Runs createApp on a real HTTP port on 127.0.0.1 with a real store in a temp folder and a clock the
// test controls. The first admin exists; `signIn` returns a token.
import { serve } from '@hono/node-server';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loginResponseSchema } from '../../shared/schemas/auth.ts';
import { createApp } from '../../server/app.ts';
import { ensureFirstAdmin } from '../../server/auth/first-admin.ts';
import { openLowdbStore, STORE_FILE_NAME } from '../../server/store/lowdb-store.ts';
import type { Store } from '../../server/store/records.ts';
import type { Limits } from '../../server/limits/limits.ts';
import { JOURNAL_FILE_NAME } from '../../server/store/journal.ts';
import { apiClient, expectData, type ApiClient } from './api-client.ts';

export const TEST_ADMIN = { username: 'admin', password: 'admin-password-for-tests' } as const;

export interface ApiServer {
  readonly url: string;
  readonly api: ApiClient;
  readonly store: Store;
  readonly dataDir: string;
  /** The server's "now" in epoch ms; assign to move time. */
  nowMs: number;
  signIn(username: string, password: string): Promise<string>;
  /** The store files' bytes (snapshot and journal): equal before and after means nothing changed. */
  snapshot(): Promise<string>;
  /** Closes the socket and the store, and deletes the temp folder. */
  close(): Promise<void>;
}

export async function startApiServer(
  options: { nowMs?: number; timeZone?: string; limits?: Partial<Limits>; trustProxy?: boolean; publicUrl?: string } = {},
): Promise<ApiServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'studytrail-api-'));
  const state = { nowMs: options.nowMs ?? Date.parse('2026-03-06T10:00:00+08:00') };
  const clock = () => state.nowMs;
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const store = await openLowdbStore(dataDir, { clock, timeZone });
  await ensureFirstAdmin(store, TEST_ADMIN.password);
  const app = createApp({
    store,
    clock,
    config: { timeZone, trustProxy: options.trustProxy ?? false, publicUrl: options.publicUrl ?? null },
    limits: options.limits,
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
      const read = (name: string) => readFile(path.join(dataDir, name), 'utf8').catch(() => '');
      return (await read(STORE_FILE_NAME)) + (await read(JOURNAL_FILE_NAME));
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
