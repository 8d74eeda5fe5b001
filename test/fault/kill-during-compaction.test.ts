// SIGKILL while the store compacts (issue 18): an admin's erasure compacts at once, and the server is
// killed the moment its journal is set aside, under sync load, again and again. After every restart
// nothing acknowledged is lost, nothing doubled, and every total is the sum of its segments.
import { describe, expect, it } from 'vitest';
import { runKillsDuringCompaction } from '../support/store-faults.ts';

const KILLS = 4;

describe('SIGKILL during a compaction', () => {
  it(`loses and doubles nothing acknowledged over ${KILLS} kills, most of them mid-compaction`, { timeout: 120_000 }, async () => {
    const result = await runKillsDuringCompaction(KILLS);
    // The watcher's kill lands while the set-aside journal is still there (steps 2 to 4 of a compaction).
    expect(result.midCompaction).toBeGreaterThanOrEqual(KILLS / 2);
    expect(result.acked).toBeGreaterThan(KILLS * 100);
    expect(result.audit.lost).toEqual([]);
    expect(result.audit.doubled).toEqual([]);
    expect(result.audit.totalsOff).toEqual([]);
  });
});
