import { describe, expect, it } from 'vitest';
import { rosterFor } from './roster.ts';

const parents: Record<string, string | null> = { office: null, research: 'office', culture: 'office' };
const parentOf = (u: string) => parents[u];
const people = [
  { id: '3', name: '王芳', unitId: 'research', active: true },
  { id: '1', name: '张伟', unitId: 'research', active: true },
  { id: '2', name: '李娜', unitId: 'culture', active: true },
  { id: '4', name: '赵强', unitId: 'research', active: false },
  { id: '5', name: '管理员', unitId: null, active: true },
];

describe('rosterFor', () => {
  it('lists the active people of the units and their sub-units, by name', () => {
    expect(rosterFor(['research'], people, parentOf).map((p) => p.id)).toEqual(['3', '1']);
    expect(rosterFor(['office'], people, parentOf).map((p) => p.name).sort()).toEqual(['张伟', '李娜', '王芳'].sort());
  });

  it('leaves out deactivated people and people without a unit', () => {
    const ids = rosterFor(['office'], people, parentOf).map((p) => p.id);
    expect(ids).not.toContain('4');
    expect(ids).not.toContain('5');
  });
});
