import { describe, expect, it } from 'vitest';
import type { Membership } from '../../shared/schemas/membership.ts';
import { belongedDuring, changeMembership, firstDay, lastDay, latestMembershipBy, membershipOn, originMemberships } from './membership-history.ts';

const period = (from: string, to: string | null, unitId: string | null, role: Membership['role'] = 'staff'): Membership => ({ from, to, unitId, role });

describe('originMemberships', () => {
  it('starts an active person in their unit and role on the day their account was created', () => {
    expect(originMemberships({ unitId: 'a', role: 'leader', active: true }, '2026-03-01')).toEqual([period('2026-03-01', null, 'a', 'leader')]);
  });
  it('gives someone already deactivated no period, since their leaving day is unknown', () => {
    expect(originMemberships({ unitId: 'a', role: 'staff', active: false }, '2026-03-01')).toEqual([]);
  });
});

describe('changeMembership', () => {
  const start = [period('2026-01-05', null, 'a')];
  it('closes the open period the day before a transfer and opens the new one on its date', () => {
    expect(changeMembership(start, { unitId: 'b', role: 'staff', active: true }, '2026-11-01')).toEqual([period('2026-01-05', '2026-10-31', 'a'), period('2026-11-01', null, 'b')]);
  });
  it('records a new role the same way', () => {
    expect(changeMembership(start, { unitId: 'a', role: 'leader', active: true }, '2026-06-01')).toEqual([period('2026-01-05', '2026-05-31', 'a'), period('2026-06-01', null, 'a', 'leader')]);
  });
  it('ends the period on deactivation and opens a new one on reactivation', () => {
    const left = changeMembership(start, { unitId: 'a', role: 'staff', active: false }, '2026-07-01');
    expect(left).toEqual([period('2026-01-05', '2026-06-30', 'a')]);
    expect(changeMembership(left, { unitId: 'a', role: 'staff', active: true }, '2026-09-01')).toEqual([period('2026-01-05', '2026-06-30', 'a'), period('2026-09-01', null, 'a')]);
  });
  it('changes nothing when unit, role and active state stay the same', () => {
    expect(changeMembership(start, { unitId: 'a', role: 'staff', active: true }, '2026-11-01')).toEqual(start);
    const left = [period('2026-01-05', '2026-06-30', 'a')];
    expect(changeMembership(left, { unitId: 'b', role: 'staff', active: false }, '2026-11-01')).toEqual(left);
  });
  it('drops a period that would end before it began (two moves on one day)', () => {
    const moved = changeMembership(start, { unitId: 'b', role: 'staff', active: true }, '2026-11-01');
    expect(changeMembership(moved, { unitId: 'c', role: 'staff', active: true }, '2026-11-01')).toEqual([period('2026-01-05', '2026-10-31', 'a'), period('2026-11-01', null, 'c')]);
  });
});

describe('where a person stood on a date', () => {
  const history = [period('2026-01-05', '2026-10-31', 'a'), period('2026-11-01', null, 'b')];
  it('finds the period covering the date, or none before joining', () => {
    expect(membershipOn(history, '2026-01-04')).toBeNull();
    expect(membershipOn(history, '2026-01-05')?.unitId).toBe('a');
    expect(membershipOn(history, '2026-10-31')?.unitId).toBe('a');
    expect(membershipOn(history, '2026-11-01')?.unitId).toBe('b');
    expect(membershipOn([period('2026-01-05', '2026-06-30', 'a')], '2026-07-01')).toBeNull();
  });
  it('finds the latest period begun by a date, and the first day', () => {
    expect(latestMembershipBy(history, '2026-12-31')?.unitId).toBe('b');
    expect(latestMembershipBy(history, '2026-10-01')?.unitId).toBe('a');
    expect(latestMembershipBy(history, '2025-12-31')).toBeNull();
    expect(firstDay(history)).toBe('2026-01-05');
    expect(firstDay([])).toBeNull();
    expect(lastDay(history)).toBeNull();
    expect(lastDay([period('2026-01-05', '2026-06-30', 'a'), period('2026-03-01', '2026-05-31', 'b')])).toBe('2026-06-30');
    expect(lastDay([])).toBeNull();
  });
});

describe('belongedDuring', () => {
  const history = [period('2026-01-05', '2026-10-31', 'a'), period('2026-11-01', null, 'b')];
  const inA = (u: string | null) => u === 'a';
  it('is true when a period in the unit overlaps the range, by a single day or more', () => {
    expect(belongedDuring(history, '2026-10-31', '2026-12-31', inA)).toBe(true);
    expect(belongedDuring(history, '2026-11-01', '2026-12-31', inA)).toBe(false);
    expect(belongedDuring(history, '2025-01-01', '2026-01-04', inA)).toBe(false);
    expect(belongedDuring(history, '2027-01-01', '2027-12-31', (u) => u === 'b')).toBe(true);
  });
});
