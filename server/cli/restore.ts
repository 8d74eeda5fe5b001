// `npm run restore -- <backup file>`: replaces the store in STUDYTRAIL_DATA_DIR by a backup. The server
// must be stopped; the replaced files are kept beside it with a .before-restore-<time> suffix.
import path from 'node:path';
import { configFromProcessEnv, consoleTextOfProcess } from '../config.ts';
import { restoreBackup } from '../store/backup.ts';

const text = consoleTextOfProcess();
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
  process.stderr.write(`${text.restoreFailed((err as Error).message)}\n`);
  process.exit(1);
}
