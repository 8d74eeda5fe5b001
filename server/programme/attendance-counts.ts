// Attendance counts and the attendance rate (出勤率) of one person or a group over sessions.
//
// The rule: a session counts once it is over or has an entry. Attended = present + late + a missed
// session made up (补学). Leave with a reason and no make-up is excused: it leaves the denominator.
// Absent and unrecorded-after-the-end count against. rate = attended / counted, null when nothing counted.
import type { AttendanceCounts, AttendanceEntry } from '../../shared/schemas/programme-attendance.ts';

export interface ExpectedAttendance {
  /** When the session ended (unrecorded sessions not yet over are not counted). */
  endMs: number;
  entry: AttendanceEntry | null;
}

export function emptyCounts(): AttendanceCounts {
  return { expected: 0, present: 0, late: 0, leave: 0, absent: 0, unrecorded: 0, madeUp: 0, attended: 0, counted: 0, rate: null };
}

/** The counts with their rate worked out (after the last addAttendance). */
export function withRate(c: AttendanceCounts): AttendanceCounts {
  return { ...c, rate: c.counted > 0 ? c.attended / c.counted : null };
}

/** Adds one expected session to running counts, in place: for loops over many people and sessions. */
export function addAttendance(c: AttendanceCounts, endMs: number, entry: AttendanceEntry | null, nowMs: number): void {
  if (entry === null) {
    if (endMs > nowMs) return;
    c.expected += 1;
    c.unrecorded += 1;
    c.counted += 1;
    return;
  }
  c.expected += 1;
  c[entry.status] += 1;
  const madeUp = entry.makeUp !== null && (entry.status === 'leave' || entry.status === 'absent');
  if (madeUp) c.madeUp += 1;
  const excused = entry.status === 'leave' && !madeUp;
  if (!excused) c.counted += 1;
  if (entry.status === 'present' || entry.status === 'late' || madeUp) c.attended += 1;
}

export function countAttendance(expected: readonly ExpectedAttendance[], nowMs: number): AttendanceCounts {
  const c = emptyCounts();
  for (const { endMs, entry } of expected) addAttendance(c, endMs, entry, nowMs);
  return withRate(c);
}

/** Adds the counts of several people; the rate comes from the sums, never from averaging rates. */
export function sumCounts(parts: readonly AttendanceCounts[]): AttendanceCounts {
  const sum = emptyCounts();
  for (const p of parts) {
    for (const key of ['expected', 'present', 'late', 'leave', 'absent', 'unrecorded', 'madeUp', 'attended', 'counted'] as const) {
      sum[key] += p[key];
    }
  }
  return withRate(sum);
}
