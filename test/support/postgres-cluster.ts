// A throwaway PostgreSQL cluster for tests, from Debian's binaries (`apt-get install -y postgresql`):
// initdb into a temporary folder, pg_ctl start on a free port of 127.0.0.1, and on stop an immediate
// shutdown and the folder removed, so nothing is left behind. initdb refuses to run as root, so under
// root the folder is handed to the `postgres` user and both commands run through runuser.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const INSTALL_ADVICE =
  'The tests that run on PostgreSQL need its server binaries (initdb, pg_ctl). Install them with ' +
  '`apt-get install -y postgresql` (Debian/Ubuntu), then run the tests again.';

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres: the superuser, trusted, on the maintenance database. */
  readonly url: string;
  /**
   * CPU seconds (user + system) the cluster has used so far: the postmaster, its live backends and
   * workers, and the ones that have exited (counted into the postmaster's children's time). For the
   * benches' CPU per request; Linux only.
   */
  cpuSeconds(): Promise<number>;
  /** Stops the cluster at once and removes its folder. */
  stop(): Promise<void>;
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS = 100;

/** The fields of /proc/PID/stat after the command name (which may hold spaces); undefined when the process is gone. */
async function statFields(pid: string): Promise<string[] | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The CPU ticks of the process tree under the postmaster whose pid is the first line of postmaster.pid. */
async function clusterTicks(dataDir: string): Promise<number> {
  const postmaster = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]!.trim();
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  const own = (await statFields(postmaster))!;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const fields = await statFields(pid);
    if (fields?.[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks;
}

/** The newest installed server's bin folder, e.g. /usr/lib/postgresql/15/bin; throws the install advice when none. */
export function postgresBinDir(root = '/usr/lib/postgresql'): string {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')) && existsSync(path.join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(`PostgreSQL is not installed (no ${root}/<version>/bin/initdb). ${INSTALL_ADVICE}`);
  return path.join(root, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch {
    throw new Error(`There is no \`postgres\` user to run PostgreSQL as (this process runs as root, which initdb refuses). ${INSTALL_ADVICE}`);
  }
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-pg-'));
  const dataDir = path.join(dir, 'data');
  // The command as the user that may run it: postgres under root, else ourselves.
  const cmd = (tool: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args));
  const stopAndRemove = async () => {
    if (existsSync(path.join(dataDir, 'postmaster.pid'))) await cmd('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) {
      const { uid, gid } = await postgresIds();
      await chown(dir, uid, gid);
    }
    // --no-sync: a throwaway cluster need not survive a power cut, and fsync would cost seconds.
    await cmd('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    let lastError: unknown;
    // Another process may take the free port between our probe and the server's bind: try a few.
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
      try {
        await cmd('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', options, '-w', 'start']);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, cpuSeconds: async () => (await clusterTicks(dataDir)) / CLOCK_TICKS, stop: stopAndRemove };
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError;
  } catch (err) {
    await stopAndRemove();
    throw err;
  }
}
