// `npm run restore -- <backup file>`: replaces the store in STUDYTRAIL_DATA_DIR by a backup. The server
// must be stopped; the replaced files are kept beside it with a .before-restore-<time> suffix.
import path from 'node:path';
import { configFromProcessEnv } from '../config.ts';
import { restoreBackup } from '../store/backup.ts';

const file = process.argv[2];
if (file === undefined || file === '') {
  process.stderr.write('Usage: npm run restore -- <backup file>\n');
  process.exit(2);
}
const parsed = configFromProcessEnv();
if (!parsed.ok) {
  process.stderr.write(`Invalid configuration\n  ${parsed.errors.join('\n  ')}\n`);
  process.exit(1);
}
try {
  const result = await restoreBackup(parsed.config.dataDir, path.resolve(file), parsed.config.timeZone, Date.now());
  process.stdout.write(`Restored ${file} into ${parsed.config.dataDir} (up to change ${result.journalSeq})\n`);
  for (const kept of result.keptAside) process.stdout.write(`Previous file kept as ${kept}\n`);
} catch (err) {
  process.stderr.write(`Restore failed: ${(err as Error).message}\n`);
  process.exit(1);
}
