import { describe, expect, it } from 'vitest';
import type { Membership } from '../../shared/schemas/membership.ts';
import { rosterSchema, type AttendanceEntry } from '../../shared/schemas/programme-attendance.ts';
import { sessionRoster, type SessionRosterPerson } from './session-roster.ts';

const parents: Record<string, string | null> = { office: null, research: 'office', culture: 'office' };
const parentOf = (u: string) => parents[u];
const since = (from: string, unitId: string | null, to: string | null = null): Membership => ({ from, to, unitId, role: 'staff' });
const people: SessionRosterPerson[] = [
  { id: '3', name: '王芳', unitId: 'research', memberships: [since('2026-01-01', 'research')] },
  { id: '1', name: '张伟', unitId: 'research', memberships: [since('2026-01-01', 'research')] },
  { id: '2', name: '李娜', unitId: 'culture', memberships: [since('2026-01-01', 'culture')] },
  // Moved from research to culture on 1 April: on the session's date they were in research.
  { id: '7', name: '周移', unitId: 'culture', memberships: [since('2026-01-01', 'research', '2026-03-31'), since('2026-04-01', 'culture')] },
];
const session = { id: 's1', unitIds: ['research'], date: '2026-03-06', endsAt: '2026-03-06T10:00:00.000Z' };
const endMs = Date.parse(session.endsAt);
const entry = (personId: string, status: AttendanceEntry['status']): AttendanceEntry => ({
  sessionId: 's1',
  personId,
  status,
  reason: '',
  makeUp: null,
  checkedInAt: null,
  markedBy: 'admin',
  updatedAt: '2026-03-06T09:00:00.000Z',
});
const roster = (entries: AttendanceEntry[], nowMs = endMs + 1) => rosterSchema.parse(sessionRoster({ session, people, parentOf, entries, nowMs }));

describe('sessionRoster', () => {
  it("lists the session's units' people on its date by name, each in the unit they were in then, with their entry", () => {
    const body = roster([entry('1', 'late')]);
    expect(body.sessionId).toBe('s1');
    expect(body.people.map((r) => [r.personId, r.unitId, r.entry?.status ?? null])).toEqual([
      ['3', 'research', null],
      ['1', 'research', 'late'],
      ['7', 'research', null],
    ]);
  });

  it('adds anyone recorded there from elsewhere after those expected', () => {
    const body = roster([entry('2', 'present')]);
    expect(body.people.map((r) => r.personId)).toEqual(['3', '1', '7', '2']);
    expect(body.people.at(-1)).toMatchObject({ unitId: 'culture', entry: { status: 'present' } });
  });

  it('ignores an entry for someone no longer in the directory', () => {
    expect(roster([entry('gone', 'present')]).people.map((r) => r.personId)).toEqual(['3', '1', '7']);
  });

  it('counts the unrecorded only once the session is over', () => {
    expect(roster([entry('1', 'present')]).counts).toMatchObject({ expected: 3, present: 1, unrecorded: 2, counted: 3, attended: 1 });
    expect(roster([entry('1', 'present')], endMs - 1).counts).toMatchObject({ expected: 1, present: 1, unrecorded: 0, counted: 1, attended: 1, rate: 1 });
  });
});
