// Store figures for issue 18, on the real server bundle over real HTTP (test/support/store-faults.ts):
// acknowledged records lost on a full disk (goal 0), first on a 3 MB tmpfs (when this process may
// mount: root), then by a file-size limit on the server process; then kills during a compaction; then
// which damaged or missing files stop the server at start (goal: all). The last row of the table is a
// damage no check can see, listed so the table is not read as more than it is.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DAMAGE_CASES,
  mountTmpfs,
  prepareDamageBase,
  runFullDisk,
  runKillsDuringCompaction,
  tryDamage,
  type DamageCase,
  type FullDiskResult,
} from '../test/support/store-faults.ts';

/** Whole lines cut off the end of the journal: it then looks like a journal with fewer changes. */
const UNDETECTABLE: DamageCase = {
  damage: 'journal cut at a line break',
  file: 'studytrail.journal',
  apply: async (dir) => {
    const file = path.join(dir, 'studytrail.journal');
    const lines = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, `${lines.slice(0, -2).join('\n')}\n`);
  },
};

function printFullDisk(r: FullDiskResult): void {
  const refused = Object.entries(r.unavailable).map(([code, n]) => `${n} × 503 ${code}`).join(', ');
  console.log(
    `full disk (${r.mode}): ${r.acked} segments acknowledged, ${refused} while full; health while full ${r.healthWhileFull.status}; ` +
      `writable again without a restart: ${r.recovered ? 'yes' : 'NO'}`,
  );
  console.log(`  after kill -9 and restart: acknowledged lost ${r.audit.lost.length} (goal 0), doubled ${r.audit.doubled.length}, totals off their segments ${r.audit.totalsOff.length}`);
}

export default async function bench(): Promise<void> {
  const mounted = await mountTmpfs('3m');
  if (mounted.ok) {
    try {
      printFullDisk(await runFullDisk('tmpfs', mounted.dir));
    } finally {
      await mounted.unmount();
    }
  } else {
    console.log(`full disk (tmpfs): not measured, ${mounted.reason}`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-bench-fsize-'));
  try {
    printFullDisk(await runFullDisk('file-size-limit', dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const kills = await runKillsDuringCompaction(6);
  console.log(
    `kill -9 during compaction: ${kills.kills} kills (${kills.midCompaction} with the journal set aside), ${kills.acked} segments acknowledged; ` +
      `lost ${kills.audit.lost.length}, doubled ${kills.audit.doubled.length}, totals off ${kills.audit.totalsOff.length}`,
  );

  const base = await prepareDamageBase();
  try {
    console.log('damaged or missing file at start           | stops, naming the file | says npm run restore | files untouched');
    for (const damage of [...DAMAGE_CASES, UNDETECTABLE]) {
      const o = await tryDamage(base.dir, base.spare, damage);
      const yes = (b: boolean) => (b ? 'yes' : 'no');
      console.log(`${o.damage.padEnd(44)}| ${yes(o.detected).padEnd(23)}| ${yes(o.advisesRestore).padEnd(21)}| ${yes(o.untouched)}`);
    }
    console.log(`detected: ${DAMAGE_CASES.length} of ${DAMAGE_CASES.length} damages a check can see; the last row (an older copy of the same journal) is its own length, which nothing outside it records`);
  } finally {
    await base.cleanup();
  }
}
