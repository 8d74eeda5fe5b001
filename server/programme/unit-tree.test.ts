import { describe, expect, it } from 'vitest';
import { isUnder, unitsAbove } from './unit-tree.ts';

const parents: Record<string, string | null> = { office: null, research: 'office', team: 'research', culture: 'office' };
const parentOf = (u: string) => parents[u];

describe('unit tree', () => {
  it('lists a unit and its ancestors up to the root', () => {
    expect(unitsAbove('team', parentOf)).toEqual(['team', 'research', 'office']);
    expect(unitsAbove('office', parentOf)).toEqual(['office']);
  });

  it('stops at a cycle instead of looping', () => {
    const cyclic: Record<string, string> = { a: 'b', b: 'a' };
    expect(unitsAbove('a', (u) => cyclic[u])).toEqual(['a', 'b']);
  });

  it('finds people under any of the roots, and nobody without a unit', () => {
    expect(isUnder('team', ['research'], parentOf)).toBe(true);
    expect(isUnder('culture', ['research'], parentOf)).toBe(false);
    expect(isUnder('culture', ['research', 'office'], parentOf)).toBe(true);
    expect(isUnder(null, ['office'], parentOf)).toBe(false);
  });
});
