// A second clip of the same passage: found when it is the same passage give or take a character or two,
// never for a part of a passage or its neighbour.
import { describe, expect, it } from 'vitest';
import { findTwin } from './find-twin.ts';

// Offsets as in a page: a 40-character passage at 100 and its neighbour right after it.
const notes = [
  ['a', { start: 100, end: 140 }],
  ['b', { start: 140, end: 200 }],
] as const;

describe('finding a twin clip', () => {
  it('finds the same passage, exactly or a character or two off at either end', () => {
    expect(findTwin({ start: 100, end: 140 }, notes)).toBe('a');
    expect(findTwin({ start: 101, end: 140 }, notes)).toBe('a');
    expect(findTwin({ start: 99, end: 142 }, notes)).toBe('a');
  });

  it('does not take part of a passage, a passage with much more, or a neighbour for a twin', () => {
    expect(findTwin({ start: 100, end: 120 }, notes)).toBeNull();
    expect(findTwin({ start: 100, end: 200 }, notes)).toBeNull();
    expect(findTwin({ start: 138, end: 142 }, notes)).toBeNull();
    expect(findTwin({ start: 300, end: 340 }, notes)).toBeNull();
    expect(findTwin({ start: 100, end: 140 }, [])).toBeNull();
  });

  it('picks the closest of two overlapping notes', () => {
    const twins = [
      ['loose', { start: 98, end: 140 }],
      ['exact', { start: 100, end: 140 }],
    ] as const;
    expect(findTwin({ start: 100, end: 140 }, twins)).toBe('exact');
  });
});
