import { describe, expect, it } from 'vitest';
import { units } from '../../../test/fixtures/dashboard/api-responses.ts';
import { buildUnitTree, flattenTree, pickUnit, unitPath } from './unit-tree.ts';

describe('unit tree', () => {
  it('nests units under their parents, siblings by name in the reader’s collation (pinyin for zh-CN)', () => {
    const flat = flattenTree(buildUnitTree(units, 'zh-CN')).map((n) => [n.unit.id, n.depth]);
    // 文化 (wénhuà) sorts before 研究 (yánjiū).
    expect(flat).toEqual([
      ['u-office', 0],
      ['u-culture', 1],
      ['u-research', 1],
    ]);
  });

  it('starts a leader’s tree at their own unit when its parent is not visible', () => {
    const culture = units.filter((u) => u.id === 'u-culture');
    expect(buildUnitTree(culture, 'en').map((n) => n.unit.id)).toEqual(['u-culture']);
  });

  it('survives a cycle in the data without looping', () => {
    const cyclic = [
      { id: 'a', name: 'A', parentId: 'b' },
      { id: 'b', name: 'B', parentId: 'a' },
    ];
    expect(flattenTree(buildUnitTree(cyclic, 'en'))).toEqual([]);
    expect(unitPath(cyclic, 'a')).toBe('B / A');
  });

  it('opens on the unit asked for, else the viewer’s own, else the first root', () => {
    expect(pickUnit(units, 'u-culture', 'u-research', 'en')?.id).toBe('u-culture');
    expect(pickUnit(units, 'missing', 'u-research', 'en')?.id).toBe('u-research');
    expect(pickUnit(units, null, null, 'en')?.id).toBe('u-office');
    expect(pickUnit([], null, null, 'en')).toBeNull();
  });

  it('names a unit by its path', () => {
    expect(unitPath(units, 'u-research')).toBe('办公室 Office / 研究室 Research');
    expect(unitPath(units, null)).toBe('');
  });
});
