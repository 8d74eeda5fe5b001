import { describe, expect, it } from 'vitest';
import type { UnitRecord, UserRecord } from '../store/store-contract.ts';
import { canReportOnUnit, canReviewNoteOf, parentLookup, subtreeOf, visibleUnitIds } from './visibility.ts';

// office ─┬─ research ── research-sub
//         └─ culture
const unit = (id: string, parentId: string | null): UnitRecord => ({ id, name: id, parentId, createdAt: '2026-01-01T00:00:00.000Z' });
const units = [unit('office', null), unit('research', 'office'), unit('research-sub', 'research'), unit('culture', 'office')];
const user = (id: string, role: UserRecord['role'], unitId: string | null): UserRecord => ({
  id,
  username: id,
  name: id,
  role,
  unitId,
  passwordHash: 'h',
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  memberships: [],
});

describe('visibility', () => {
  it('finds a subtree, guarding against cycles', () => {
    expect([...subtreeOf('research', units)].sort()).toEqual(['research', 'research-sub']);
    expect([...subtreeOf('a', [unit('a', 'b'), unit('b', 'a')])].sort()).toEqual(['a', 'b']);
  });

  it('lists all units to admins, a subtree to leaders, their own unit to staff', () => {
    expect(visibleUnitIds(user('a', 'admin', null), units).size).toBe(4);
    expect([...visibleUnitIds(user('l', 'leader', 'research'), units)].sort()).toEqual(['research', 'research-sub']);
    expect([...visibleUnitIds(user('s', 'staff', 'research'), units)]).toEqual(['research']);
    expect(visibleUnitIds(user('s', 'staff', null), units).size).toBe(0);
  });

  it('lets admins and leaders above a unit report on it, and nobody else', () => {
    expect(canReportOnUnit(user('a', 'admin', null), 'culture', units)).toBe(true);
    expect(canReportOnUnit(user('l', 'leader', 'office'), 'research-sub', units)).toBe(true);
    expect(canReportOnUnit(user('l', 'leader', 'culture'), 'research', units)).toBe(false);
    expect(canReportOnUnit(user('s', 'staff', 'research'), 'research', units)).toBe(false);
  });

  it('lets leaders over the author and admins review a note, never the author', () => {
    const parentOf = parentLookup(units);
    const author = user('p', 'staff', 'research-sub');
    expect(canReviewNoteOf(user('l', 'leader', 'research'), author, parentOf)).toBe(true);
    expect(canReviewNoteOf(user('l', 'leader', 'culture'), author, parentOf)).toBe(false);
    expect(canReviewNoteOf(user('a', 'admin', null), author, parentOf)).toBe(true);
    expect(canReviewNoteOf(user('p', 'leader', 'research-sub'), user('p', 'leader', 'research-sub'), parentOf)).toBe(false);
    expect(canReviewNoteOf(user('s', 'staff', 'research-sub'), author, parentOf)).toBe(false);
  });
});
