// `npm run migrate-store -- --to postgres://…`: copies the embedded store (STUDYTRAIL_DATA_DIR, counted
// in STUDYTRAIL_TZ) into an empty PostgreSQL database, checks the copy, and says what it did. Stop the
// server first: the data folder's lock refuses a copy while a server writes it. Then start the servers
// with STUDYTRAIL_DATABASE_URL set to the same URL (docs/deployment.md).
import { configFromProcessEnv, consoleLocaleOfProcess } from '../config.ts';
import { consoleText } from '../console/console-text.ts';
import { copyEmbeddedStore } from '../store/postgres/copy-embedded.ts';
import { redactDatabaseUrl } from '../store/postgres/postgres-store.ts';
import { WordedStoreError } from '../store/store-problems.ts';

const locale = consoleLocaleOfProcess();
const text = consoleText(locale);
const args = process.argv.slice(2);
const to = args[0] === '--to' ? args[1] : args[0]?.startsWith('--to=') ? args[0].slice('--to='.length) : undefined;
if (to === undefined || !/^postgres(ql)?:\/\//.test(to) || args.length > (args[0] === '--to' ? 2 : 1)) {
  process.stderr.write(`${text.migrateUsage}\n`);
  process.exit(2);
}
const parsed = configFromProcessEnv();
if (!parsed.ok) {
  process.stderr.write(`${text.invalidConfiguration(parsed.errors)}\n`);
  process.exit(1);
}
const { dataDir, timeZone } = parsed.config;
try {
  const report = await copyEmbeddedStore({ dataDir, url: to, timeZone, clock: () => Date.now() });
  const counts = Object.entries(report.counts).map(([kind, n]) => `  ${kind}: ${n}`);
  process.stdout.write(
    [
      text.migrateCopied(dataDir, redactDatabaseUrl(to), timeZone),
      ...counts,
      text.migrateChecked(report.peopleChecked),
      text.migrateNext,
    ].join('\n') + '\n',
  );
} catch (err) {
  const why = err instanceof WordedStoreError ? err.wordedIn(locale) : text.copyFailed(err instanceof Error ? err.message : String(err));
  process.stderr.write(`${text.migrateFailed(why)}\n`);
  process.exit(1);
}
