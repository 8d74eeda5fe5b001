import { describe, expect, it } from 'vitest';
import type { Membership } from '../../shared/schemas/membership.ts';
import { expectedOn, rosterFor } from './roster.ts';

const parents: Record<string, string | null> = { office: null, research: 'office', culture: 'office' };
const parentOf = (u: string) => parents[u];
const since = (from: string, unitId: string | null, to: string | null = null): Membership => ({ from, to, unitId, role: 'staff' });
const people = [
  { id: '3', name: '王芳', memberships: [since('2026-01-01', 'research')] },
  { id: '1', name: '张伟', memberships: [since('2026-01-01', 'research')] },
  { id: '2', name: '李娜', memberships: [since('2026-01-01', 'culture')] },
  // Left at the end of June.
  { id: '4', name: '赵强', memberships: [since('2026-01-01', 'research', '2026-06-30')] },
  { id: '5', name: '管理员', memberships: [since('2026-01-01', null)] },
  // Hired on 1 December.
  { id: '6', name: '陈新', memberships: [since('2026-12-01', 'research')] },
  // Moved from culture to research on 1 November.
  { id: '7', name: '周移', memberships: [since('2026-01-01', 'culture', '2026-10-31'), since('2026-11-01', 'research')] },
];

describe('rosterFor', () => {
  it('lists the people of the units and their sub-units on the date, by name', () => {
    expect(rosterFor(['research'], '2026-03-06', people, parentOf).map((p) => p.id)).toEqual(['3', '1', '4']);
    expect(rosterFor(['office'], '2026-03-06', people, parentOf).map((p) => p.id).sort()).toEqual(['1', '2', '3', '4', '7']);
  });

  it('leaves out people who had left, had not joined yet, or have no unit', () => {
    const ids = rosterFor(['office'], '2026-11-06', people, parentOf).map((p) => p.id);
    expect(ids).not.toContain('4');
    expect(ids).not.toContain('5');
    expect(ids).not.toContain('6');
    expect(rosterFor(['office'], '2026-12-04', people, parentOf).map((p) => p.id)).toContain('6');
  });

  it('puts a transferred person on the rosters of the unit they were in that day', () => {
    const mover = people.find((p) => p.id === '7')!;
    expect(expectedOn(mover, ['culture'], '2026-10-31', parentOf)).toBe(true);
    expect(expectedOn(mover, ['research'], '2026-10-31', parentOf)).toBe(false);
    expect(expectedOn(mover, ['research'], '2026-11-01', parentOf)).toBe(true);
    expect(expectedOn(mover, ['culture'], '2026-11-01', parentOf)).toBe(false);
  });
});
