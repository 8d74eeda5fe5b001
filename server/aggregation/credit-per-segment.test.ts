// Per-segment credit: overlaps go to the earlier segment, and the sum equals the union's length.
import { describe, expect, it } from 'vitest';
import { creditPerSegment, type CreditableSegment } from './credit-per-segment.ts';
import { unionIntervals } from './union-intervals.ts';

const MIN = 60_000;
const seg = (id: string, startMin: number, endMin: number, resourceId = 'r1'): CreditableSegment => ({
  id,
  resourceId,
  startMs: startMin * MIN,
  endMs: endMin * MIN,
});

describe('creditPerSegment', () => {
  it('credits separate segments in full', () => {
    expect(creditPerSegment([seg('a', 0, 10), seg('b', 20, 25)])).toEqual(new Map([['a', 10 * MIN], ['b', 5 * MIN]]));
  });

  it('gives an overlap to the segment that started first, whatever the input order', () => {
    const expected = new Map([['a', 10 * MIN], ['b', 4 * MIN], ['c', 0]]);
    expect(creditPerSegment([seg('a', 0, 10), seg('b', 4, 14), seg('c', 6, 8)])).toEqual(expected);
    expect(creditPerSegment([seg('c', 6, 8), seg('b', 4, 14), seg('a', 0, 10)])).toEqual(expected);
  });

  it('gives identical starts to the longer segment', () => {
    expect(creditPerSegment([seg('short', 0, 5), seg('long', 0, 9)])).toEqual(new Map([['long', 9 * MIN], ['short', 0]]));
  });

  it('sums to the length of the union for random segments', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const segments = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => {
        const start = Math.floor(random() * 120);
        return seg(`s${i}`, start, start + Math.floor(random() * 30), random() < 0.5 ? 'r1' : 'r2');
      });
      const total = [...creditPerSegment(segments).values()].reduce((a, b) => a + b, 0);
      const union = unionIntervals(segments).reduce((a, run) => a + run.endMs - run.startMs, 0);
      expect(total).toBe(union);
    }
  });
});
