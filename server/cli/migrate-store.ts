// `npm run migrate-store -- --to postgres://…`: copies the embedded store (STUDYTRAIL_DATA_DIR, counted
// in STUDYTRAIL_TZ) into an empty PostgreSQL database, checks the copy, and says what it did. Stop the
// server first: the data folder's lock refuses a copy while a server writes it. Then start the servers
// with STUDYTRAIL_DATABASE_URL set to the same URL (docs/deployment.md).
import { configFromProcessEnv } from '../config.ts';
import { copyEmbeddedStore, CopyRefusedError } from '../store/postgres/copy-embedded.ts';
import { redactDatabaseUrl } from '../store/postgres/postgres-store.ts';
import { StoreDatabaseError, StoreFileError } from '../store/store-contract.ts';

const args = process.argv.slice(2);
const to = args[0] === '--to' ? args[1] : args[0]?.startsWith('--to=') ? args[0].slice('--to='.length) : undefined;
if (to === undefined || !/^postgres(ql)?:\/\//.test(to) || args.length > (args[0] === '--to' ? 2 : 1)) {
  process.stderr.write('Usage: npm run migrate-store -- --to postgres://user:password@host:5432/database\n');
  process.exit(2);
}
const parsed = configFromProcessEnv();
if (!parsed.ok) {
  process.stderr.write(`Invalid configuration\n  ${parsed.errors.join('\n  ')}\n`);
  process.exit(1);
}
const { dataDir, timeZone } = parsed.config;
try {
  const report = await copyEmbeddedStore({ dataDir, url: to, timeZone, clock: () => Date.now() });
  const counts = Object.entries(report.counts).map(([kind, n]) => `  ${kind}: ${n}`);
  process.stdout.write(
    [
      `Copied the embedded store in ${dataDir} to ${redactDatabaseUrl(to)} (time zone ${timeZone}):`,
      ...counts,
      `Checked: the same number of rows of each kind on both sides, and each of ${report.peopleChecked} people's day totals, segments, refused segments and note count read the same through both stores.`,
      `Next: start the servers with STUDYTRAIL_DATABASE_URL set to this database. The data folder is left as it was.`,
    ].join('\n') + '\n',
  );
} catch (err) {
  const known = err instanceof CopyRefusedError || err instanceof StoreFileError || err instanceof StoreDatabaseError;
  process.stderr.write(`migrate-store: ${known ? err.message : `the copy failed: ${err instanceof Error ? err.message : String(err)}`}\n`);
  process.exit(1);
}
