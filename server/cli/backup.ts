// `npm run backup -- <dest>`: writes a consistent copy of the store while the server runs. <dest> is a
// new file, or a folder to put a time-stamped file in. Reads STUDYTRAIL_DATA_DIR and STUDYTRAIL_TZ.
import path from 'node:path';
import { configFromProcessEnv } from '../config.ts';
import { writeBackup } from '../store/backup.ts';

const dest = process.argv[2];
if (dest === undefined || dest === '') {
  process.stderr.write('Usage: npm run backup -- <file or folder>\n');
  process.exit(2);
}
const parsed = configFromProcessEnv();
if (!parsed.ok) {
  process.stderr.write(`Invalid configuration\n  ${parsed.errors.join('\n  ')}\n`);
  process.exit(1);
}
try {
  const result = await writeBackup(parsed.config.dataDir, path.resolve(dest), parsed.config.timeZone, Date.now());
  process.stdout.write(`Backup written: ${result.file} (${result.bytes} bytes, up to change ${result.journalSeq})\n`);
} catch (err) {
  process.stderr.write(`Backup failed: ${(err as Error).message}\n`);
  process.exit(1);
}
