// One server per data folder: a lock file holding the owner's process id. A second server, or a
// restore, refuses to touch a folder whose owner is alive; a lock left by a killed process is taken over.
// Its message says to stop the other server, never to move the store's files (issue 18).
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { StoreFileError } from './store-contract.ts';

export const LOCK_FILE_NAME = 'studytrail.lock';

/** Folders locked by this process (a second open in one process is refused too). */
const lockedHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataLock {
  release(): Promise<void>;
}

export async function lockDataDir(dataDir: string): Promise<DataLock> {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const busy = (pid: number) => new StoreFileError(file, { kind: 'in-use', pid });
  if (lockedHere.has(file)) throw busy(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      lockedHere.add(file);
      return {
        async release() {
          lockedHere.delete(file);
          await rm(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw busy(pid);
      // Left behind by a process that no longer runs (or unreadable): take it over.
      await rm(file, { force: true });
    }
  }
  throw new StoreFileError(file, { kind: 'lock-not-created' });
}
