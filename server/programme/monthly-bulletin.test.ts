import { describe, expect, it } from 'vitest';
import type { AttendanceEntry } from '../../shared/schemas/programme-attendance.ts';
import { monthlyBulletin, type BulletinSession } from './monthly-bulletin.ts';

const NOW = Date.parse('2026-04-01T00:00:00Z');
const people = [
  { id: 'wang', name: '王芳', unitId: 'research' },
  { id: 'zhang', name: '张伟', unitId: 'research' },
];
const session = (id: string, date: string, rosterIds: string[], endMs = NOW - 1): BulletinSession => ({ id, date, kind: 'collective-study', topic: `专题${id}`, endMs, rosterIds: new Set(rosterIds) });
const entry = (sessionId: string, personId: string, status: AttendanceEntry['status'], extra: Partial<AttendanceEntry> = {}): AttendanceEntry => ({
  sessionId,
  personId,
  status,
  reason: '',
  makeUp: null,
  checkedInAt: null,
  markedBy: 'leader',
  updatedAt: '2026-03-06T00:00:00.000Z',
  ...extra,
});

describe('monthlyBulletin', () => {
  const sessions = [
    session('s2', '2026-03-13', ['wang', 'zhang']),
    session('s1', '2026-03-06', ['wang', 'zhang']),
    session('other-month', '2026-04-03', ['wang', 'zhang'], NOW + 1),
    session('other-unit', '2026-03-20', ['li']),
  ];
  const entries = [
    entry('s1', 'wang', 'present'),
    entry('s1', 'zhang', 'late'),
    entry('s2', 'wang', 'leave', { reason: '出差', makeUp: { doneOn: '2026-03-16', note: '' } }),
  ];
  const b = monthlyBulletin({ unitId: 'research', month: '2026-03', people, sessions, entries, nowMs: NOW });

  it('lists the month’s sessions of the unit’s people by date, leaving other months and units out', () => {
    expect(b.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('counts each person and the unit', () => {
    expect(b.people.map((p) => [p.name, p.counts.attended, p.counts.counted])).toEqual([
      ['王芳', 2, 2],
      ['张伟', 1, 2],
    ]);
    expect(b.totals).toMatchObject({ expected: 4, present: 1, late: 1, leave: 1, unrecorded: 1, madeUp: 1, attended: 3, counted: 4, rate: 0.75 });
  });

  it('names every late arrival, leave and unrecorded absence with its date and reason', () => {
    expect(b.exceptions).toEqual([
      { personId: 'zhang', name: '张伟', sessionId: 's1', date: '2026-03-06', topic: '专题s1', status: 'late', reason: '', madeUp: false },
      { personId: 'wang', name: '王芳', sessionId: 's2', date: '2026-03-13', topic: '专题s2', status: 'leave', reason: '出差', madeUp: true },
      { personId: 'zhang', name: '张伟', sessionId: 's2', date: '2026-03-13', topic: '专题s2', status: 'unrecorded', reason: '', madeUp: false },
    ]);
  });

  it('is empty for a month without sessions', () => {
    const empty = monthlyBulletin({ unitId: 'research', month: '2026-02', people, sessions, entries, nowMs: NOW });
    expect(empty.sessions).toEqual([]);
    expect(empty.exceptions).toEqual([]);
    expect(empty.totals.rate).toBeNull();
  });
});
