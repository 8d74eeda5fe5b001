// Store faults on the real server bundle over real HTTP (issue 18), shared by test/fault/ and `npm run
// bench`: a full disk (a small tmpfs mounted for the run when this process may mount, or a file-size
// limit set on the server process from outside: the kernel then writes short and answers EFBIG as a
// full disk does ENOSPC), a kill -9 during a compaction, and damaged or missing files at start.
import { execFileSync } from 'node:child_process';
import { watch } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiClient } from './api-client.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { auditStored, freshSegments, seedLoadOrg, startSyncLoad, type LoadOrg, type StoredAudit } from './sync-load.ts';

const ADMIN_PASSWORD = 'fault-admin-password';
const ENV = { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD };
const JOURNAL = 'studytrail.journal';
const SNAPSHOT = 'studytrail.json';
const RETIRED = 'studytrail.journal.retired';

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---- a full disk ----------------------------------------------------------------------------------

export type MountResult = { ok: true; dir: string; unmount(): Promise<void> } | { ok: false; reason: string };

/** Mounts a tmpfs of `size` (e.g. "3m") on a fresh folder, or says why it cannot (not root, no mount). */
export async function mountTmpfs(size: string): Promise<MountResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim();
    return { ok: false, reason: `mount -t tmpfs failed as uid ${process.getuid?.() ?? '?'}: ${stderr || (err as Error).message}` };
  }
  return {
    ok: true,
    dir,
    async unmount() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The file-size limit of a running process (null lifts it), set from outside with util-linux's prlimit. */
export function limitFileSize(pid: number, bytes: number | null): void {
  execFileSync('prlimit', ['--pid', String(pid), `--fsize=${bytes ?? 'unlimited'}:`], { stdio: 'pipe' });
}

export type FullDiskMode = 'tmpfs' | 'file-size-limit';

export interface FullDiskResult {
  mode: FullDiskMode;
  /** Syncs answered 503, by error code, while the disk was full. */
  unavailable: Record<string, number>;
  /** What /api/health answered while the disk was full. */
  healthWhileFull: { status: number; body: unknown };
  /** Whether /api/health said ok again once there was room, without a restart. */
  recovered: boolean;
  /** Segments acknowledged in all (before, during and after the full disk, and after a kill -9). */
  acked: number;
  /** After a kill -9 and a restart. */
  audit: StoredAudit;
}

/**
 * Syncs into a store until its disk is full, checks what health says, gives the room back, waits for
 * the store to take writes again, syncs on, kills the server with SIGKILL and restarts it: then
 * compares what it holds with everything it acknowledged. `dataDir` is on the tmpfs for 'tmpfs'.
 */
export async function runFullDisk(mode: FullDiskMode, dataDir: string): Promise<FullDiskResult> {
  let server: ServerProcess = await startServerProcess({ dataDir, env: ENV });
  const ballast = path.join(dataDir, 'ballast');
  try {
    const org = await seedLoadOrg(server.url, ADMIN_PASSWORD, 6);
    // Leave about 64 KiB: a few hundred syncs, then the journal's appends write short.
    if (mode === 'tmpfs') {
      const fs = await statfs(dataDir);
      await writeFile(ballast, Buffer.alloc(Math.max(0, fs.bavail * fs.bsize - 64 * 1024)));
    } else {
      limitFileSize(server.pid, (await stat(path.join(dataDir, JOURNAL))).size + 64 * 1024);
    }
    const load = startSyncLoad(server.url, org, 5);
    await until('a sync answered 503 store_read_only', () => (load.unavailable.get('store_read_only') ?? 0) > 0, 60_000);
    const health = await apiClient(server.url).get('/api/health');
    const unavailable = Object.fromEntries(load.unavailable);
    // The room comes back.
    if (mode === 'tmpfs') await rm(ballast);
    else limitFileSize(server.pid, null);
    let recovered = false;
    await until(
      '/api/health to say ok again',
      async () => (recovered = (await apiClient(server.url).get('/api/health')).status === 200),
      15_000,
    ).catch(() => undefined);
    const before = load.acked.size;
    await until('syncs acknowledged after the recovery', () => load.acked.size >= before + 40, 20_000).catch(() => undefined);
    await server.kill();
    server = await startServerProcess({ dataDir });
    load.retarget(server.url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await load.stop();
    const audit = await auditStored(server.url, org, load.acked);
    return { mode, unavailable, healthWhileFull: { status: health.status, body: health.body }, recovered, acked: load.acked.size, audit };
  } finally {
    await server.stop();
    await rm(ballast, { force: true });
  }
}

// ---- a kill during a compaction -------------------------------------------------------------------

export interface CompactionKillResult {
  kills: number;
  /** Kills that left the set-aside journal behind: they came mid-compaction (steps 2 to 4). */
  midCompaction: number;
  acked: number;
  audit: StoredAudit;
}

/**
 * Under sync load, an admin erases a person (which compacts the store at once: nothing of them may stay
 * in the journal); the moment the journal is set aside the server is killed with SIGKILL, and restarted.
 */
export async function runKillsDuringCompaction(kills: number): Promise<CompactionKillResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'studytrail-compaction-kill-'));
  let server = await startServerProcess({ dataDir, env: ENV });
  try {
    const org = await seedLoadOrg(server.url, ADMIN_PASSWORD, 6);
    const load = startSyncLoad(server.url, org, 20);
    let midCompaction = 0;
    for (let round = 0; round < kills; round++) {
      await until('syncs between kills', () => load.acked.size >= 100 * (round + 1), 30_000);
      const api = apiClient(server.url);
      const person = (await api.post('/api/people', { username: `erase.${round}`, name: '待删除', password: 'erase-password', role: 'staff', unitId: org.unitId }, org.adminToken)).body as { id: string };
      const victim = server;
      // Killed from the watcher's callback: the kill lands while the compaction runs on.
      const watcher = watch(dataDir, (_, name) => {
        if (name === RETIRED) process.kill(victim.pid, 'SIGKILL');
      });
      await api.send('DELETE', `/api/people/${person.id}/data`, { token: org.adminToken, json: { reason: 'fault test' } }).catch(() => undefined);
      await victim.kill();
      watcher.close();
      if ((await readdir(dataDir)).includes(RETIRED)) midCompaction++;
      server = await startServerProcess({ dataDir });
      load.retarget(server.url);
    }
    await load.stop();
    const audit = await auditStored(server.url, org, load.acked);
    return { kills, midCompaction, acked: load.acked.size, audit };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// ---- damaged and missing files --------------------------------------------------------------------

export interface DamageCase {
  damage: string;
  /** The file the start-up message must name. */
  file: string;
  /** Damages a copy of the store's folder (a snapshot, then acknowledged changes in its journal). */
  apply(dir: string, spare: SpareFiles): Promise<void>;
}

/** Files from elsewhere a damage case swaps in. */
export interface SpareFiles {
  /** This store's journal from before its last snapshot. */
  olderJournal: string;
  /** Another store's journal. */
  foreignJournal: string;
}

async function flipByteOf(file: string, marker: string): Promise<void> {
  const bytes = await readFile(file);
  const at = bytes.indexOf(marker);
  if (at < 0) throw new Error(`${marker} is not in ${file}`);
  bytes[at] = bytes[at]! ^ 0x01;
  await writeFile(file, bytes);
}

export const DAMAGE_CASES: DamageCase[] = [
  { damage: 'journal missing', file: JOURNAL, apply: (dir) => rm(path.join(dir, JOURNAL)) },
  { damage: "another store's journal", file: JOURNAL, apply: (dir, spare) => writeFile(path.join(dir, JOURNAL), spare.foreignJournal) },
  { damage: 'an older journal of this store', file: JOURNAL, apply: (dir, spare) => writeFile(path.join(dir, JOURNAL), spare.olderJournal) },
  { damage: 'a flipped byte in a journal line', file: JOURNAL, apply: (dir) => flipByteOf(path.join(dir, JOURNAL), 'learn.example.org') },
  { damage: 'snapshot missing', file: JOURNAL, apply: (dir) => rm(path.join(dir, SNAPSHOT)) },
  { damage: 'a flipped byte in a snapshot value', file: SNAPSHOT, apply: (dir) => flipByteOf(path.join(dir, SNAPSHOT), ' Load') },
  {
    damage: 'snapshot cut at a line break',
    file: SNAPSHOT,
    apply: async (dir) => {
      const lines = (await readFile(path.join(dir, SNAPSHOT), 'utf8')).split('\n');
      await writeFile(path.join(dir, SNAPSHOT), `${lines.slice(0, -2).join('\n')}\n`);
    },
  },
];

export interface DamageOutcome {
  damage: string;
  /** The server refused to start, naming the file. */
  detected: boolean;
  /** …and said to restore with `npm run restore`, never to start empty or move the file away. */
  advisesRestore: boolean;
  /** The store's files are byte for byte as the damage left them. */
  untouched: boolean;
  message: string;
}

/** A store with a snapshot and acknowledged changes after it (kill -9: no last snapshot), and the spare files. */
export async function prepareDamageBase(): Promise<{ dir: string; spare: SpareFiles; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-damage-'));
  const other = await mkdtemp(path.join(tmpdir(), 'studytrail-damage-other-'));
  let server = await startServerProcess({ dataDir: dir, env: ENV });
  const org = await seedLoadOrg(server.url, ADMIN_PASSWORD, 2);
  const syncSome = async (s: ServerProcess, o: LoadOrg) => {
    for (const person of o.people) {
      const res = await apiClient(s.url).post('/api/sync', { deviceId: 'damage', segments: freshSegments(o.resourceId, 5) }, person.token);
      if (res.status !== 200) throw new Error(`sync answered ${res.status}`);
    }
  };
  await syncSome(server, org);
  await server.kill();
  const olderJournal = await readFile(path.join(dir, JOURNAL), 'utf8');
  server = await startServerProcess({ dataDir: dir });
  await server.stop(); // a clean stop writes a snapshot naming a fresh journal
  server = await startServerProcess({ dataDir: dir });
  await syncSome(server, org);
  await server.kill();
  const foreign = await startServerProcess({ dataDir: other, env: ENV });
  await foreign.kill();
  const foreignJournal = await readFile(path.join(other, JOURNAL), 'utf8');
  await rm(other, { recursive: true, force: true });
  return { dir, spare: { olderJournal, foreignJournal }, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

async function folderBytes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) if (!name.endsWith('.lock')) out.set(name, (await readFile(path.join(dir, name))).toString('base64'));
  return out;
}

/** Applies one damage to a copy of `base` and starts the server on it. */
export async function tryDamage(base: string, spare: SpareFiles, damage: DamageCase): Promise<DamageOutcome> {
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-damaged-'));
  try {
    await cp(base, dir, { recursive: true });
    await damage.apply(dir, spare);
    const before = await folderBytes(dir);
    let message = '';
    try {
      const server = await startServerProcess({ dataDir: dir });
      await server.stop();
    } catch (err) {
      message = /StudyTrail server cannot start: (.*)/.exec((err as Error).message)?.[1] ?? (err as Error).message;
    }
    const after = await folderBytes(dir);
    return {
      damage: damage.damage,
      detected: message.includes(path.join(dir, damage.file)),
      advisesRestore: message.includes('npm run restore -- <backup file>') && !/empty store|move it away/.test(message),
      untouched: JSON.stringify([...before]) === JSON.stringify([...after]),
      message,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
