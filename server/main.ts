// The server's entry: read config → open store → serve(createApp(deps)). The only place that opens
// files and sockets; it prints the lines people (and test/support/server-process.ts) read.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { createApp } from './app.ts';
import { ensureFirstAdmin, type FirstAdmin } from './auth/first-admin.ts';
import { configFromProcessEnv, consoleLocaleOfProcess } from './config.ts';
import { consoleText } from './console/console-text.ts';
import { EXTENSION_DIR } from './paths.ts';
import { openStore } from './store/open-store.ts';
import { openPostgresLimiter } from './store/postgres/postgres-limiter.ts';
import { WordedStoreError } from './store/store-problems.ts';

const MAINTENANCE_INTERVAL_MS = 3600_000;
/** How much V8 lets the heap grow past what was live before the next full collection (see main). */
const HEAP_GROWING_PERCENT = 30;
const locale = consoleLocaleOfProcess();
const text = consoleText(locale);

function fail(message: string): never {
  process.stderr.write(`${text.cannotStart(message)}\n`);
  process.exit(1);
}

function startupLines(origin: string, admin: FirstAdmin): string[] {
  const lines = [text.listening(origin), text.dashboard(`${origin}/`), text.extensionFolder(EXTENSION_DIR)];
  if (admin.created) {
    lines.push(text.adminUser(admin.username));
    lines.push(admin.generated ? text.adminPasswordShownOnce(admin.password) : text.adminPasswordFromEnv);
  }
  return lines;
}

async function main(): Promise<void> {
  const parsed = configFromProcessEnv();
  if (!parsed.ok) fail(text.invalidConfiguration(parsed.errors));
  const { config } = parsed;
  if (config.databaseUrl === null) {
    // The embedded store holds the office's data in the heap (about 120 MB for a year of 1,000
    // people), and a report leaves megabytes of garbage behind it. By default V8 lets the heap grow to
    // about twice what was live before collecting it, which took the server from 220 MB to 480 MB
    // resident over 45 unit-year reports (goal ≤ 300 MB; issue 19). Growing by 30% at most keeps it at
    // 245-275 MB, for about 17% more CPU per report (bench/server-embedded.bench.ts). Reports now leave
    // far less (they read the stored days, not copies), and the cap still counts: after 40 of them the
    // server held 236-240 MB with it, 251-273 MB without (side by side, before any sync load).
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }

  const clock = () => Date.now();
  const store = await openStore(config, { clock }).catch((err: unknown) => {
    if (err instanceof WordedStoreError) fail(err.wordedIn(locale));
    throw err;
  });
  const admin = await ensureFirstAdmin(store, config.adminPassword);
  // Limits count where the store keeps its data: on PostgreSQL every process behind the proxy shares
  // them (the store's migrations made their tables); the embedded store has one process, in memory.
  const sharedLimits = config.databaseUrl === null ? null : openPostgresLimiter(config.databaseUrl);

  const server = serve({ fetch: createApp({ store, clock, config, ...(sharedLimits && { limiter: sharedLimits.factory }) }).fetch, port: config.port, hostname: config.host }, (info) => {
    const { port } = info as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    // One write, so a reader never sees the first lines without the rest.
    process.stdout.write(startupLines(`http://${host}:${port}`, admin).join('\n') + '\n');
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    fail(err.code === 'EADDRINUSE' ? text.portInUse(config.port, config.host) : err.message);
  });

  // Fold old raw segments into daily totals and compact the files, now and then.
  const maintenance = setInterval(() => {
    store.maintain().catch((err: unknown) => process.stderr.write(`${text.maintenanceFailed(String(err))}\n`));
  }, MAINTENANCE_INTERVAL_MS);
  maintenance.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(maintenance);
    process.stdout.write(`${text.stopping(signal)}\n`);
    // Stop taking requests, let the ones in progress finish, then wait for every pending write.
    server.close();
    const forceExit = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, 5_000);
    forceExit.unref();
    server.once('close', () => {
      Promise.all([store.close(), sharedLimits?.close()]).then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`${text.flushFailed(String(err))}\n`);
          process.exit(1);
        },
      );
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
