// Child processes for the bench: the real server (its bundle, as `npm start` runs it), with the time
// until it listened, its resident memory and its CPU time. BENCH_NODE_ARGS adds node options to the
// children (Node refuses --cpu-prof in NODE_OPTIONS), e.g.
//   BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench -- server-embedded
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SERVER_ARGS } from '../../test/support/server-process.ts';

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS = 100;
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchProcess {
  url: string;
  /** Milliseconds from spawn to the "listening" line. */
  startMs: number;
  rssBytes(): Promise<number>;
  /** CPU seconds (user + system, every thread) the process has used so far. */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

/** The server as `npm start` runs it, built first so the figures are of the code in the tree. */
export function startServer(env: Record<string, string>): Promise<BenchProcess> {
  buildServer();
  return startBuiltServer(env);
}

export function buildServer(): void {
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

/** The bundle buildServer() made, started again without rebuilding (several processes, restarts). */
export function startBuiltServer(env: Record<string, string>): Promise<BenchProcess> {
  return startProcess(SERVER_ARGS, env);
}

function startProcess(args: string[], env: Record<string, string>): Promise<BenchProcess> {
  const began = performance.now();
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const script = args.at(-1)!;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: REPO_ROOT,
    // English, so the listening line below reads as expected whatever the machine's locale.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LC_ALL: 'en_US.UTF-8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let ready = false;
    void exited.then((code) => {
      if (!ready) reject(new Error(`${script} exited with ${code}: ${err}`));
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url || ready) return;
      ready = true;
      resolve({
        url,
        startMs: performance.now() - began,
        async rssBytes() {
          const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
          return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) * 1024;
        },
        async cpuSeconds() {
          // Fields 14 and 15 of /proc/PID/stat, counted after the command name (which may hold spaces).
          const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
        },
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
