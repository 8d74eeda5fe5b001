import { describe, expect, it } from 'vitest';
import { canViewPerson } from './can-view-person.ts';

// office ─┬─ research ── research-sub
//         └─ culture
const parents: Record<string, string | null> = { office: null, research: 'office', 'research-sub': 'research', culture: 'office' };
const parentOf = (id: string) => parents[id];

const person = { id: 'p', unitId: 'research-sub' };

describe('canViewPerson', () => {
  it('lets people see themselves, whatever their role', () => {
    expect(canViewPerson({ id: 'p', role: 'staff', unitId: 'research-sub' }, person, parentOf)).toBe(true);
  });

  it('lets admins see everyone', () => {
    expect(canViewPerson({ id: 'a', role: 'admin', unitId: null }, person, parentOf)).toBe(true);
  });

  it.each(['research-sub', 'research', 'office'])('lets a leader of %s (the unit or above) see the person', (unitId) => {
    expect(canViewPerson({ id: 'l', role: 'leader', unitId }, person, parentOf)).toBe(true);
  });

  it('hides the person from a leader of a sibling unit', () => {
    expect(canViewPerson({ id: 'l', role: 'leader', unitId: 'culture' }, person, parentOf)).toBe(false);
  });

  it('hides the person from other staff of the same unit', () => {
    expect(canViewPerson({ id: 's', role: 'staff', unitId: 'research-sub' }, person, parentOf)).toBe(false);
  });

  it('hides people without a unit from leaders, and gives leaders without a unit nobody', () => {
    expect(canViewPerson({ id: 'l', role: 'leader', unitId: 'office' }, { id: 'x', unitId: null }, parentOf)).toBe(false);
    expect(canViewPerson({ id: 'l', role: 'leader', unitId: null }, person, parentOf)).toBe(false);
  });

  it('stops on a cycle of units instead of looping', () => {
    const cyclic: Record<string, string> = { a: 'b', b: 'a' };
    expect(canViewPerson({ id: 'l', role: 'leader', unitId: 'c' }, { id: 'x', unitId: 'a' }, (id) => cyclic[id])).toBe(false);
  });
});
