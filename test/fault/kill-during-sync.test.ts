// The server is killed with SIGKILL again and again while devices sync: every segment it acknowledged
// is still there after each restart, and the store keeps opening.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { seedLoadOrg, startSyncLoad, storedSegmentIds } from '../support/sync-load.ts';

const ADMIN_PASSWORD = 'fault-admin-password';
const KILLS = 5;
let dataDir: string;
let server: ServerProcess | null = null;

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('SIGKILL during sync', () => {
  it(`loses no acknowledged segment over ${KILLS} kills`, { timeout: 90_000 }, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'studytrail-kill-'));
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    const org = await seedLoadOrg(server.url, ADMIN_PASSWORD, 6);
    const load = startSyncLoad(server.url, org, 8);
    const ackedAtKill: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      // Let acks accumulate (at least a few since the last restart), then pull the plug mid-stream.
      const before = load.acked.size;
      const deadline = Date.now() + 5000;
      while (load.acked.size < before + 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 100)));
      await server.kill();
      ackedAtKill.push(load.acked.size);
      const acked = new Set(load.acked);
      server = await startServerProcess({ dataDir });
      load.retarget(server.url);
      const stored = await storedSegmentIds(server.url, org, org.adminToken);
      expect([...acked].filter((id) => !stored.has(id)), `after kill ${i + 1}`).toEqual([]);
    }
    await load.stop();
    const stored = await storedSegmentIds(server.url, org, org.adminToken);
    expect([...load.acked].filter((id) => !stored.has(id))).toEqual([]);
    // The load really ran between kills.
    expect(ackedAtKill.every((n, i) => n > (ackedAtKill[i - 1] ?? 0))).toBe(true);
  });
});
