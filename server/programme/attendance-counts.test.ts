import { describe, expect, it } from 'vitest';
import type { AttendanceEntry } from '../../shared/schemas/programme-attendance.ts';
import { countAttendance, emptyCounts, sumCounts } from './attendance-counts.ts';

const NOW = 1_000_000;
const entry = (status: AttendanceEntry['status'], makeUp: AttendanceEntry['makeUp'] = null): AttendanceEntry => ({
  sessionId: 's',
  personId: 'p',
  status,
  reason: status === 'leave' ? '出差' : '',
  makeUp,
  checkedInAt: null,
  markedBy: 'l',
  updatedAt: '2026-03-06T06:30:00.000Z',
});
const past = (e: AttendanceEntry | null) => ({ endMs: NOW - 1, entry: e });
const madeUp = { doneOn: '2026-03-10', note: '补学' };

describe('countAttendance', () => {
  it('is empty with a null rate when nothing counted', () => {
    expect(countAttendance([], NOW)).toEqual(emptyCounts());
  });

  it('counts present and late as attended', () => {
    const c = countAttendance([past(entry('present')), past(entry('late')), past(entry('absent'))], NOW);
    expect(c).toMatchObject({ expected: 3, present: 1, late: 1, absent: 1, attended: 2, counted: 3 });
    expect(c.rate).toBeCloseTo(2 / 3);
  });

  it('excuses leave that was not made up, and counts a make-up as attended', () => {
    const c = countAttendance([past(entry('present')), past(entry('leave')), past(entry('absent', madeUp)), past(entry('leave', madeUp))], NOW);
    expect(c).toMatchObject({ expected: 4, leave: 2, absent: 1, madeUp: 2, attended: 3, counted: 3, rate: 1 });
  });

  it('counts an unrecorded session against the person once it is over, and ignores one still to come', () => {
    const c = countAttendance([past(null), { endMs: NOW + 1, entry: null }, past(entry('present'))], NOW);
    expect(c).toMatchObject({ expected: 2, unrecorded: 1, attended: 1, counted: 2, rate: 0.5 });
  });

  it('counts an entry for a session not yet over (an early check-in)', () => {
    expect(countAttendance([{ endMs: NOW + 1, entry: entry('present') }], NOW)).toMatchObject({ expected: 1, rate: 1 });
  });

  it('gives a null rate when every session was excused leave', () => {
    expect(countAttendance([past(entry('leave'))], NOW)).toMatchObject({ expected: 1, counted: 0, rate: null });
  });
});

describe('sumCounts', () => {
  it('adds the counts and takes the rate from the sums', () => {
    const a = countAttendance([past(entry('present'))], NOW);
    const b = countAttendance([past(entry('absent')), past(entry('absent')), past(entry('present'))], NOW);
    const sum = sumCounts([a, b]);
    expect(sum).toMatchObject({ expected: 4, present: 2, absent: 2, attended: 2, counted: 4, rate: 0.5 });
    expect(sumCounts([])).toEqual(emptyCounts());
  });
});
