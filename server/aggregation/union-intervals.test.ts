import { describe, expect, it } from 'vitest';
import { unionIntervals, type CreditInterval } from './union-intervals.ts';

const iv = (startMs: number, endMs: number, resourceId = 'r1'): CreditInterval => ({ startMs, endMs, resourceId });

describe('unionIntervals', () => {
  it('returns nothing for no intervals, and drops empty or inverted ones', () => {
    expect(unionIntervals([])).toEqual([]);
    expect(unionIntervals([iv(5, 5), iv(9, 3)])).toEqual([]);
  });

  it('keeps disjoint intervals as separate runs, in time order', () => {
    expect(unionIntervals([iv(50, 60), iv(0, 10)])).toEqual([
      { startMs: 0, endMs: 10, pieces: [{ startMs: 0, endMs: 10, resourceId: 'r1' }] },
      { startMs: 50, endMs: 60, pieces: [{ startMs: 50, endMs: 60, resourceId: 'r1' }] },
    ]);
  });

  it('merges touching intervals of one resource into one run and one piece', () => {
    expect(unionIntervals([iv(0, 10), iv(10, 20)])).toEqual([
      { startMs: 0, endMs: 20, pieces: [{ startMs: 0, endMs: 20, resourceId: 'r1' }] },
    ]);
  });

  it('counts the same time from two devices once', () => {
    const runs = unionIntervals([iv(0, 100), iv(0, 100), iv(20, 80)]);
    expect(runs).toEqual([{ startMs: 0, endMs: 100, pieces: [{ startMs: 0, endMs: 100, resourceId: 'r1' }] }]);
  });

  it('credits overlapped time to the segment that started first', () => {
    //   r1 ├──────────┤
    //   r2       ├──────────┤
    expect(unionIntervals([iv(30, 130, 'r2'), iv(0, 100, 'r1')])).toEqual([
      {
        startMs: 0,
        endMs: 130,
        pieces: [
          { startMs: 0, endMs: 100, resourceId: 'r1' },
          { startMs: 100, endMs: 130, resourceId: 'r2' },
        ],
      },
    ]);
  });

  it('gives a segment nested inside an earlier one nothing', () => {
    expect(unionIntervals([iv(0, 100, 'r1'), iv(10, 20, 'r2')])[0]!.pieces).toEqual([{ startMs: 0, endMs: 100, resourceId: 'r1' }]);
  });

  it('chains through several overlapping segments', () => {
    //   r1 ├────┤
    //   r2    ├──────┤
    //   r3       ├─────────┤
    const runs = unionIntervals([iv(0, 10, 'r1'), iv(5, 20, 'r2'), iv(8, 30, 'r3')]);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.pieces).toEqual([
      { startMs: 0, endMs: 10, resourceId: 'r1' },
      { startMs: 10, endMs: 20, resourceId: 'r2' },
      { startMs: 20, endMs: 30, resourceId: 'r3' },
    ]);
  });

  it('breaks ties at the same start by the longer segment, then by resource id', () => {
    expect(unionIntervals([iv(0, 10, 'a'), iv(0, 20, 'b')])[0]!.pieces).toEqual([{ startMs: 0, endMs: 20, resourceId: 'b' }]);
    expect(unionIntervals([iv(0, 10, 'b'), iv(0, 10, 'a')])[0]!.pieces).toEqual([{ startMs: 0, endMs: 10, resourceId: 'a' }]);
  });

  it('does not depend on input order', () => {
    const input = [iv(0, 10, 'r1'), iv(5, 20, 'r2'), iv(15, 16, 'r3'), iv(40, 50, 'r1'), iv(45, 60, 'r1')];
    const expected = unionIntervals(input);
    for (let i = 0; i < 10; i++) {
      const shuffled = [...input].sort(() => Math.random() - 0.5);
      expect(unionIntervals(shuffled)).toEqual(expected);
    }
  });

  it('splits the same resource around another one and keeps pieces contiguous', () => {
    const runs = unionIntervals([iv(0, 10, 'r1'), iv(10, 20, 'r2'), iv(20, 30, 'r1')]);
    expect(runs).toEqual([
      {
        startMs: 0,
        endMs: 30,
        pieces: [
          { startMs: 0, endMs: 10, resourceId: 'r1' },
          { startMs: 10, endMs: 20, resourceId: 'r2' },
          { startMs: 20, endMs: 30, resourceId: 'r1' },
        ],
      },
    ]);
  });

  it('never credits more than the covered time', () => {
    const input = Array.from({ length: 200 }, (_, i) => iv((i * 7919) % 1000, ((i * 7919) % 1000) + ((i * 31) % 97) + 1, `r${i % 3}`));
    const runs = unionIntervals(input);
    const covered = new Set<number>();
    for (const i of input) for (let t = i.startMs; t < i.endMs; t++) covered.add(t);
    const credited = runs.flatMap((r) => r.pieces).reduce((sum, p) => sum + p.endMs - p.startMs, 0);
    expect(credited).toBe(covered.size);
  });
});
