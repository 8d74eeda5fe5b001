// Whether a date is plausible for what is recorded on it: sessions within a year either side of today,
// visits and reports not in the future, a make-up after the session it makes up and not in the future,
// no absence or lateness for a session that has not started. Dates are local dates ('YYYY-MM-DD').
import type { AttendanceStatus } from '../../shared/schemas/programme-attendance.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';

/** Sessions are planned and recorded at most this many days before or after today. */
export const SESSION_HORIZON_DAYS = 366;

export type DateProblem = 'too_far' | 'in_future' | 'before_session' | 'not_started';

export function sessionDateProblem(date: string, today: string): DateProblem | null {
  return Math.abs(dayNumber(date) - dayNumber(today)) > SESSION_HORIZON_DAYS ? 'too_far' : null;
}

/** Visits and reports record what has happened. */
export function pastDateProblem(date: string, today: string): DateProblem | null {
  return date > today ? 'in_future' : null;
}

/** A make-up (补学) is done on or after the session's date, and not later than today. */
export function makeUpDateProblem(doneOn: string, sessionDate: string, today: string): DateProblem | null {
  if (doneOn < sessionDate) return 'before_session';
  return pastDateProblem(doneOn, today);
}

/** Absent or late can only be said of a session that has started; leave and present may be recorded ahead. */
export function markTimeProblem(status: AttendanceStatus, sessionStartMs: number, nowMs: number): DateProblem | null {
  return (status === 'absent' || status === 'late') && nowMs < sessionStartMs ? 'not_started' : null;
}

export const DATE_PROBLEM_MESSAGES: Record<DateProblem, string> = {
  too_far: `a session is dated at most ${SESSION_HORIZON_DAYS} days before or after today`,
  in_future: 'the date is in the future: only what has happened can be recorded',
  before_session: 'a make-up is done on or after the date of the session it makes up',
  not_started: 'the session has not started: absent or late cannot be recorded yet',
};
