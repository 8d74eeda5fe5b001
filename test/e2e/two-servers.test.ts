// Two server processes, as `npm start` runs them, on one PostgreSQL database (a throwaway cluster):
// what a person does through one is what the other sees, the same segments sent through both at once
// are kept once, and sign-in guesses spread over both meet the one limit an office would have with one
// server. Needs `npm run build:server` (the bundle the processes run).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loginResponseSchema, userSchema } from '../../shared/schemas/auth.ts';
import { learningLogSchema } from '../../shared/schemas/log.ts';
import { unitSchema } from '../../shared/schemas/organisation.ts';
import { resourceSchema } from '../../shared/schemas/policy.ts';
import { syncResponseSchema, type Segment } from '../../shared/schemas/sync.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { DEFAULT_LIMITS } from '../../server/limits/limits.ts';
import { createDatabase } from '../../server/store/postgres/database.ts';
import { apiClient, expectData, type ApiClient } from '../support/api-client.ts';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const ADMIN_PASSWORD = 'admin-password-1234';
const PASSWORD = 'password-1234';
const TIME_ZONE = 'Asia/Shanghai';

let cluster: PostgresCluster;
let dirs: string[] = [];
const servers: ServerProcess[] = [];
let a: ApiClient;
let b: ApiClient;
let adminToken = '';

const signIn = async (api: ApiClient, username: string, password: string) =>
  expectData(await api.post('/api/auth/login', { username, password }), loginResponseSchema).token;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const url = await createDatabase(cluster.url, 'two_servers');
  const env = { STUDYTRAIL_DATABASE_URL: url, STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: TIME_ZONE };
  dirs = [await mkdtemp(path.join(tmpdir(), 'studytrail-a-')), await mkdtemp(path.join(tmpdir(), 'studytrail-b-'))];
  // One after the other, so the first makes the first admin and the second finds it.
  servers.push(await startServerProcess({ dataDir: dirs[0]!, env }));
  servers.push(await startServerProcess({ dataDir: dirs[1]!, env }));
  a = apiClient(servers[0]!.url);
  b = apiClient(servers[1]!.url);
  adminToken = await signIn(a, 'admin', ADMIN_PASSWORD);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await cluster?.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** A person created through server A, with a token from server B. */
async function person(username: string): Promise<{ id: string; token: string }> {
  const unit = expectData(await a.post('/api/units', { name: `单位 ${username}` }, adminToken), unitSchema, 201);
  const user = expectData(await a.post('/api/people', { username, name: username, password: PASSWORD, role: 'staff', unitId: unit.id }, adminToken), userSchema, 201);
  return { id: user.id, token: await signIn(b, username, PASSWORD) };
}

describe('two server processes on one PostgreSQL database', () => {
  it('takes a token made by one on the other, and a sign-out through one ends it on both', async () => {
    expect(servers[0]!.adminPassword).toBe(ADMIN_PASSWORD);
    expect((await b.get('/api/me', adminToken)).status).toBe(200);
    const token = await signIn(b, 'admin', ADMIN_PASSWORD);
    expect((await a.get('/api/me', token)).status).toBe(200);
    expect((await a.post('/api/auth/logout', {}, token)).status).toBe(204);
    expect((await b.get('/api/me', token)).status).toBe(401);
  });

  it('reports through one what was synced through the other, and keeps segments sent through both at once once', async () => {
    const resource = expectData(
      await b.post('/api/resources', { name: '理论学习', category: 'political-theory', kind: 'reading', patterns: ['https://*.example.org/learn/*'] }, adminToken),
      resourceSchema,
      201,
    );
    const me = await person('staff.sync');
    // Twenty five-minute segments, apart from each other, from 08:00 yesterday in Shanghai (the server
    // runs on the real clock and refuses segments from long ago).
    const day = dateInZone(Date.now() - 86_400_000, TIME_ZONE);
    const eight = Date.parse(`${day}T08:00:00+08:00`);
    const segments: Segment[] = Array.from({ length: 20 }, (_, i) => ({
      id: randomUUID(),
      resourceId: resource.id,
      url: 'https://www.example.org/learn/lesson-1',
      title: '第一课',
      startedAt: new Date(eight + i * 600_000).toISOString(),
      endedAt: new Date(eight + i * 600_000 + 300_000).toISOString(),
      mode: 'reading',
    }));
    const first = segments.slice(0, 5);
    expect(expectData(await a.post('/api/sync', { deviceId: 'laptop', segments: first }, me.token), syncResponseSchema).accepted).toEqual(first.map((s) => s.id));
    const log = async (api: ApiClient) => expectData(await api.get(`/api/people/${me.id}/log?from=${day}&to=${day}`, me.token), learningLogSchema);
    expect((await log(b)).totalSeconds).toBe(5 * 300);

    // All twenty, through both servers at once, four times each: every answer accepts every id.
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? a : b).post('/api/sync', { deviceId: i % 4 < 2 ? 'laptop' : 'desktop', segments }, me.token)),
    );
    for (const answer of answers) expect(expectData(answer, syncResponseSchema).accepted.sort()).toEqual(segments.map((s) => s.id).sort());
    for (const api of [a, b]) {
      const stored = (await api.get(`/api/people/${me.id}/segments?from=${day}&to=${day}`, me.token)).body as { id: string }[];
      expect(stored.map((s) => s.id).sort()).toEqual(segments.map((s) => s.id).sort());
      expect((await log(api)).totalSeconds).toBe(20 * 300);
    }
  });

  it('checks syncs through one against a resource just added through the other, without a restart', async () => {
    const me = await person('staff.policy');
    // Server B reads the policy history for this sync and keeps it (policy-cache.ts).
    expect((await b.post('/api/sync', { deviceId: 'laptop', segments: [] }, me.token)).status).toBe(200);
    const resource = expectData(
      await a.post('/api/resources', { name: '新课程', category: 'professional', kind: 'video', patterns: ['https://*.example.org/new/*'] }, adminToken),
      resourceSchema,
      201,
    );
    const { version } = (await a.get('/api/policy', me.token)).body as { version: number };
    const endMs = Date.now() - 3600_000;
    // B hears of the change when it commits; each try is B's next sync, with a segment on the new resource.
    await vi.waitFor(
      async () => {
        const segment: Segment = {
          id: randomUUID(),
          resourceId: resource.id,
          url: 'https://www.example.org/new/lesson-1',
          title: '新课',
          startedAt: new Date(endMs - 300_000).toISOString(),
          endedAt: new Date(endMs).toISOString(),
          mode: 'media',
        };
        const answer = expectData(await b.post('/api/sync', { deviceId: 'laptop', segments: [segment] }, me.token), syncResponseSchema);
        expect(answer).toMatchObject({ policyVersion: version, accepted: [segment.id] });
      },
      { timeout: 10_000, interval: 50 },
    );
  });

  it('meets one sign-in limit with guesses spread over both servers', async () => {
    await person('staff.guessed');
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).post('/api/auth/login', { username: 'staff.guessed', password: `wrong-${i}` })),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(DEFAULT_LIMITS.loginFailuresPerAccount);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - DEFAULT_LIMITS.loginFailuresPerAccount);
    // The right password, on either server, now waits for the window too.
    for (const api of [a, b]) expect((await api.post('/api/auth/login', { username: 'staff.guessed', password: PASSWORD })).status).toBe(429);
  });
});
