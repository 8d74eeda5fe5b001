// `npm run backup -- <dest>`: writes a consistent copy of the store while the server runs. <dest> is a
// new file, or a folder to put a time-stamped file in. Reads STUDYTRAIL_DATA_DIR and STUDYTRAIL_TZ.
import path from 'node:path';
import { configFromProcessEnv, consoleLocaleOfProcess } from '../config.ts';
import { consoleText } from '../console/console-text.ts';
import { WordedStoreError } from '../store/store-problems.ts';
import { writeBackup } from '../store/backup.ts';

const locale = consoleLocaleOfProcess();
const text = consoleText(locale);
const dest = process.argv[2];
if (dest === undefined || dest === '') {
  process.stderr.write(`${text.backupUsage}\n`);
  process.exit(2);
}
const parsed = configFromProcessEnv();
if (!parsed.ok) {
  process.stderr.write(`${text.invalidConfiguration(parsed.errors)}\n`);
  process.exit(1);
}
try {
  const result = await writeBackup(parsed.config.dataDir, path.resolve(dest), parsed.config.timeZone, Date.now());
  process.stdout.write(`${text.backupWritten(result.file, result.bytes, result.journalSeq)}\n`);
} catch (err) {
  process.stderr.write(`${text.backupFailed(err instanceof WordedStoreError ? err.wordedIn(locale) : (err as Error).message)}\n`);
  process.exit(1);
}
