// Starts the real server as `npm start` runs it (the bundle `npm run build` makes of server/main.ts) as
// a child process on a free port and reads what it prints. For end-to-end tests and for testing the
// entry itself.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { consoleLocale, consoleText } from '../../server/console/console-text.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** node's arguments in the "start" script of package.json, after `npm run build`. */
export const SERVER_ARGS = ['--enable-source-maps', '.output/server/main.mjs'];

/** What every spawned server and command gets unless a test says otherwise. */
export const TEST_ENV = { PORT: '0', HOST: '127.0.0.1', LC_ALL: 'en_US.UTF-8' } as const;

/** The startup lines of a locale as patterns, built from the server's own wording (one line each). */
function startupLinePatterns(locale: ReturnType<typeof consoleLocale>) {
  const text = consoleText(locale);
  const line = (template: (slot: string) => string, capture: string) =>
    new RegExp(`^${template('\u0000').split('\u0000').map(escapeRegExp).join(capture)}$`, 'm');
  return {
    listening: line(text.listening, '(http:\\/\\/\\S+)'),
    extensionFolder: line(text.extensionFolder, '(.+)'),
    passwordShownOnce: line(text.adminPasswordShownOnce, '(\\S+)'),
    passwordFromEnv: new RegExp(`^${escapeRegExp(text.adminPasswordFromEnv)}$`, 'm'),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  readonly url: string;
  /** The server's process id (for limits set from outside, as prlimit does). */
  readonly pid: number;
  /** The first admin's password on a first start (printed or from the env), else null. */
  readonly adminPassword: string | null;
  /** The folder printed as "Extension (load unpacked)". */
  readonly extensionDir: string;
  /** Everything printed to stdout up to the startup lines. */
  readonly stdout: string;
  /** SIGTERM, then wait for exit (SIGKILL after 10 s); resolves to the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a power cut would end it: no cleanup at all. */
  kill(): Promise<void>;
}

export interface StartServerOptions {
  dataDir: string;
  /**
   * Extra environment; PORT is always 0, HOST 127.0.0.1 and the locale English (LC_ALL, so the messages
   * tests compare are English) unless given here.
   */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export function startServerProcess({ dataDir, env = {}, timeoutMs = 20_000 }: StartServerOptions): Promise<ServerProcess> {
  if (!existsSync(`${REPO_ROOT}${SERVER_ARGS[1]}`)) throw new Error(`${SERVER_ARGS[1]} is missing: run npm run build first`);
  const childEnv = { ...process.env, ...TEST_ENV, ...env, STUDYTRAIL_DATA_DIR: dataDir };
  const lines = startupLinePatterns(consoleLocale(childEnv));
  const child = spawn(process.execPath, SERVER_ARGS, {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async (): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`server did not start within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before it was ready\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    });
    child.stdout.on('data', () => {
      // main.ts prints all startup lines in one write; the extension line is always among them.
      const url = lines.listening.exec(stdout)?.[1];
      const extensionDir = lines.extensionFolder.exec(stdout)?.[1];
      if (url === undefined || extensionDir === undefined) return;
      clearTimeout(timer);
      const printed = lines.passwordShownOnce.exec(stdout)?.[1];
      const fromEnv = lines.passwordFromEnv.test(stdout);
      resolve({
        url,
        pid: child.pid!,
        extensionDir,
        adminPassword: printed ?? (fromEnv ? (env.STUDYTRAIL_ADMIN_PASSWORD ?? null) : null),
        stdout,
        stop,
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}
