// A sync load for tests that kill or copy a running server: clients send batches of fresh segments in
// a loop and remember which ids the server acknowledged. Connection errors (a killed server), 429s and
// 503s (a store that cannot save) are retried with the same batch, as the extension's outbox does.
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { apiClient, type ApiClient } from './api-client.ts';
import { TEST_ENV } from './server-process.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LOAD_PATTERN = 'https://learn.example.org/*';

export interface LoadOrg {
  adminToken: string;
  unitId: string;
  resourceId: string;
  people: { id: string; token: string }[];
}

/** One unit, `count` staff and a designated resource, through the API of a running server. */
export async function seedLoadOrg(url: string, adminPassword: string, count: number): Promise<LoadOrg> {
  const api = apiClient(url);
  const login = async (username: string, password: string) => ((await api.post('/api/auth/login', { username, password })).body as { token: string }).token;
  const adminToken = await login('admin', adminPassword);
  const unit = (await api.post('/api/units', { name: '负载 Load' }, adminToken)).body as { id: string };
  const resource = (await api.post('/api/resources', { name: 'Load', category: 'other', kind: 'reading', patterns: [LOAD_PATTERN] }, adminToken)).body as { id: string };
  const people = [];
  for (let i = 0; i < count; i++) {
    const username = `load.${i}`;
    const person = (await api.post('/api/people', { username, name: username, password: 'load-password', role: 'staff', unitId: unit.id }, adminToken)).body as { id: string };
    people.push({ id: person.id, token: await login(username, 'load-password') });
  }
  return { adminToken, unitId: unit.id, resourceId: resource.id, people };
}

/** `count` one-minute segments ending within the last two hours, none overlapping another batch's. */
export function freshSegments(resourceId: string, count: number, nowMs = Date.now()) {
  return Array.from({ length: count }, () => {
    const end = nowMs - Math.floor(Math.random() * 7_000_000);
    return {
      id: randomUUID(),
      resourceId,
      url: 'https://learn.example.org/lesson',
      title: '负载',
      startedAt: new Date(end - 60_000).toISOString(),
      endedAt: new Date(end).toISOString(),
      mode: 'reading',
    };
  });
}

export interface SyncLoad {
  /** Ids the server answered as accepted. */
  readonly acked: Set<string>;
  /** 503 answers, by error code. */
  readonly unavailable: Map<string, number>;
  /** Points the load at another address (a restarted server). */
  retarget(url: string): void;
  stop(): Promise<void>;
}

export function startSyncLoad(url: string, org: LoadOrg, batchSize = 5): SyncLoad {
  let api: ApiClient = apiClient(url);
  const acked = new Set<string>();
  const unavailable = new Map<string, number>();
  let running = true;
  const client = async (person: { token: string }) => {
    let batch = freshSegments(org.resourceId, batchSize);
    while (running) {
      try {
        const res = await api.post('/api/sync', { deviceId: 'load', segments: batch }, person.token);
        if (res.status === 200) {
          for (const id of (res.body as { accepted: string[] }).accepted) acked.add(id);
          batch = freshSegments(org.resourceId, batchSize);
        } else if (res.status === 503) {
          const code = (res.body as { error?: { code?: string } }).error?.code ?? String(res.body);
          unavailable.set(code, (unavailable.get(code) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 50));
        } else if (res.status !== 429) {
          throw new Error(`sync answered ${res.status}: ${JSON.stringify(res.body)}`);
        } else {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('sync answered')) throw err;
        // The server is down (killed): try the same batch again shortly.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const clients = Promise.all(org.people.map(client));
  return {
    acked,
    unavailable,
    retarget(next) {
      api = apiClient(next);
    },
    async stop() {
      running = false;
      await clients;
    },
  };
}

/** UTC dates from `back` days before now to a day after: days around now in any organisation's zone. */
function aroundNow(back: number): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `from=${day(Date.now() - back * 86_400_000)}&to=${day(Date.now() + 86_400_000)}`;
}

/**
 * Every segment id the server holds for these people around now. The range reaches a day past today's
 * UTC date: from 16:00 UTC the organisation's day in Shanghai is already tomorrow's (a range ending on
 * the UTC date missed every segment synced after then).
 */
export async function storedSegmentIds(url: string, org: LoadOrg, adminToken: string): Promise<Set<string>> {
  const api = apiClient(url);
  const ids = new Set<string>();
  for (const person of org.people) {
    const res = await api.get(`/api/people/${person.id}/segments?${aroundNow(2)}`, adminToken);
    if (res.status !== 200) throw new Error(`segments answered ${res.status}`);
    for (const s of res.body as { id: string }[]) ids.add(s.id);
  }
  return ids;
}

/** Runs a server CLI (server/cli/<name>.ts) and resolves to its exit code and output. */
export function runCli(name: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `server/cli/${name}.ts`, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LC_ALL: TEST_ENV.LC_ALL, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

export interface StoredAudit {
  /** Acknowledged ids the server no longer has. */
  lost: string[];
  /** Ids the server lists more than once. */
  doubled: string[];
  /** People whose learning-log total differs from the sum of their segments' credited seconds. */
  totalsOff: { personId: string; totalSeconds: number; sumOfSegments: number }[];
  stored: number;
}

/**
 * What a restarted server holds against what it acknowledged: nothing acknowledged lost, nothing
 * doubled, each person's total the sum of their segments. The range reaches a day either side of now
 * in any time zone.
 */
export async function auditStored(url: string, org: LoadOrg, acked: ReadonlySet<string>): Promise<StoredAudit> {
  const api = apiClient(url);
  const range = aroundNow(3);
  const seen = new Set<string>();
  const doubled: string[] = [];
  const totalsOff: StoredAudit['totalsOff'] = [];
  for (const person of org.people) {
    const segments = await api.get(`/api/people/${person.id}/segments?${range}`, org.adminToken);
    const log = await api.get(`/api/people/${person.id}/log?${range}`, org.adminToken);
    if (segments.status !== 200 || log.status !== 200) throw new Error(`segments answered ${segments.status}, log ${log.status}`);
    let sumOfSegments = 0;
    for (const s of segments.body as { id: string; creditedSeconds: number }[]) {
      if (seen.has(s.id)) doubled.push(s.id);
      seen.add(s.id);
      sumOfSegments += s.creditedSeconds;
    }
    const { totalSeconds } = log.body as { totalSeconds: number };
    if (totalSeconds !== sumOfSegments) totalsOff.push({ personId: person.id, totalSeconds, sumOfSegments });
  }
  return { lost: [...acked].filter((id) => !seen.has(id)), doubled, totalsOff, stored: seen.size };
}
