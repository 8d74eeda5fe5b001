// A missing, swapped or damaged store file stops the real server at start (issue 18): the message names
// the file and says to restore the last backup with `npm run restore`, never to start empty, and the
// files are left exactly as they were. The undamaged store starts and holds everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process.ts';
import { DAMAGE_CASES, prepareDamageBase, tryDamage, type SpareFiles } from '../support/store-faults.ts';

let base: { dir: string; spare: SpareFiles; cleanup(): Promise<void> };

beforeAll(async () => {
  base = await prepareDamageBase();
}, 60_000);

afterAll(async () => {
  await base?.cleanup();
});

describe('damaged and missing store files', () => {
  it.each(DAMAGE_CASES.map((c) => [c.damage, c] as const))('%s: the server refuses to start, naming the file and the restore command, and changes nothing', { timeout: 30_000 }, async (_, damage) => {
    const outcome = await tryDamage(base.dir, base.spare, damage);
    expect(outcome.message).not.toBe('');
    expect(outcome).toMatchObject({ detected: true, advisesRestore: true, untouched: true });
  });

  it('the undamaged store starts, and a second server on its folder is refused without advice to move files', { timeout: 30_000 }, async () => {
    const server = await startServerProcess({ dataDir: base.dir });
    try {
      const second = await startServerProcess({ dataDir: base.dir }).then(
        async (s) => (await s.stop(), ''),
        (err: Error) => err.message,
      );
      expect(second).toMatch(/studytrail\.lock shows that process \d+ is using this data folder: stop that server first/);
      expect(second).not.toMatch(/empty store|move it away|npm run restore/);
    } finally {
      await server.stop();
    }
  });
});
