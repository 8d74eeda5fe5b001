import { describe, expect, it } from 'vitest';
import { SlotQueue } from './slot-queue.ts';

/** Work that finishes only when the test says so. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { open, done };
}

describe('SlotQueue', () => {
  it('runs at most `slots` at once, queues up to `waiting`, and refuses the rest without running them', async () => {
    const q = new SlotQueue(2, 1);
    const gates = [gate(), gate(), gate()];
    let started = 0;
    const runs = gates.map((g, i) => q.run(async () => { started++; await g.done; return i; }));
    const refused = q.run(async () => { started++; return 99; });
    await Promise.resolve();
    expect(await refused).toBeNull();
    expect(started).toBe(2);
    expect(q.busy).toEqual({ running: 2, waiting: 1 });
    gates[0]!.open();
    expect(await runs[0]).toEqual({ value: 0 });
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(3);
    expect(q.busy).toEqual({ running: 2, waiting: 0 });
    gates[1]!.open();
    gates[2]!.open();
    expect(await Promise.all(runs.slice(1))).toEqual([{ value: 1 }, { value: 2 }]);
    expect(q.busy).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when the work throws', async () => {
    const q = new SlotQueue(1, 0);
    await expect(q.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await q.run(async () => 'next')).toEqual({ value: 'next' });
  });

  it('never runs more than `slots` at once under a random load', async () => {
    const q = new SlotQueue(2, 5);
    let now = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        q.run(async () => {
          peak = Math.max(peak, ++now);
          await new Promise((r) => setTimeout(r, i % 3));
          now--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(2);
    // The first 2 run and 5 wait; the other 43 arrive while all are busy and are refused.
    expect(results.filter((r) => r !== null)).toHaveLength(7);
  });
});
