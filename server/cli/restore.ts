// `npm run restore -- <backup file>`: replaces the store in STUDYTRAIL_DATA_DIR by a backup. The server
// must be stopped; the replaced files are kept beside it with a .before-restore-<time> suffix.
import path from 'node:path';
import { configFromProcessEnv, consoleLocaleOfProcess } from '../config.ts';
import { consoleText } from '../console/console-text.ts';
import { WordedStoreError } from '../store/store-problems.ts';
import { restoreBackup } from '../store/backup.ts';

const locale = consoleLocaleOfProcess();
const text = consoleText(locale);
const file = process.argv[2];
if (file === undefined || file === '') {
  process.stderr.write(`${text.restoreUsage}\n`);
  process.exit(2);
}
const parsed = configFromProcessEnv();
if (!parsed.ok) {
  process.stderr.write(`${text.invalidConfiguration(parsed.errors)}\n`);
  process.exit(1);
}
try {
  const result = await restoreBackup(parsed.config.dataDir, path.resolve(file), parsed.config.timeZone, Date.now());
  process.stdout.write(`${text.restored(file, parsed.config.dataDir, result.journalSeq)}\n`);
  for (const kept of result.keptAside) process.stdout.write(`${text.keptAside(kept)}\n`);
} catch (err) {
  process.stderr.write(`${text.restoreFailed(err instanceof WordedStoreError ? err.wordedIn(locale) : (err as Error).message)}\n`);
  process.exit(1);
}
