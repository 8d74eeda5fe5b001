import { describe, expect, it } from 'vitest';
import type { Membership } from '../../shared/schemas/membership.ts';
import { bulletinPeople } from './bulletin-people.ts';

const parents: Record<string, string | null> = { office: null, research: 'office', culture: 'office' };
const parentOf = (u: string) => parents[u];
const period = (from: string, to: string | null, unitId: string): Membership => ({ from, to, unitId, role: 'staff' });
const people = [
  { id: 'stay', name: '张伟', memberships: [period('2026-01-01', null, 'research')] },
  { id: 'hired', name: '陈新', memberships: [period('2026-12-01', null, 'research')] },
  { id: 'left', name: '赵强', memberships: [period('2026-01-01', '2026-11-10', 'research')] },
  { id: 'moved', name: '周移', memberships: [period('2026-01-01', '2026-11-15', 'research'), period('2026-11-16', null, 'culture')] },
  { id: 'other', name: '李娜', memberships: [period('2026-01-01', null, 'culture')] },
];

describe('bulletinPeople', () => {
  it('lists whoever belonged to the unit on some day of the month, whatever happened after', () => {
    expect(bulletinPeople(people, 'research', '2026-11', parentOf).map((p) => p.id).sort()).toEqual(['left', 'moved', 'stay']);
    expect(bulletinPeople(people, 'research', '2026-10', parentOf).map((p) => p.id).sort()).toEqual(['left', 'moved', 'stay']);
    expect(bulletinPeople(people, 'research', '2026-12', parentOf).map((p) => p.id).sort()).toEqual(['hired', 'stay']);
  });
  it('shows each person in the unit they were in at the end of the month, within the subtree', () => {
    const office = bulletinPeople(people, 'office', '2026-11', parentOf);
    expect(office.find((p) => p.id === 'moved')?.unitId).toBe('culture');
    expect(bulletinPeople(people, 'research', '2026-11', parentOf).find((p) => p.id === 'moved')?.unitId).toBe('research');
  });
});
