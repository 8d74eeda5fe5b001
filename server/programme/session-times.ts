// Whether a session's time window is possible: it ends after it starts, lasts between a quarter of an
// hour and a working day, and stays on one local date (a multi-day training batch is one session per day).
import { dateInZone } from '../../shared/time/zoned-days.ts';

export const MIN_SESSION_MINUTES = 15;
export const MAX_SESSION_HOURS = 12;

export type SessionTimesProblem = 'ends_before_start' | 'too_short' | 'too_long' | 'spans_days';

export type SessionTimes = { ok: true; date: string; startMs: number; endMs: number } | { ok: false; problem: SessionTimesProblem };

export function checkSessionTimes(startsAt: string, endsAt: string, timeZone: string): SessionTimes {
  const startMs = Date.parse(startsAt);
  const endMs = Date.parse(endsAt);
  if (endMs <= startMs) return { ok: false, problem: 'ends_before_start' };
  if (endMs - startMs < MIN_SESSION_MINUTES * 60_000) return { ok: false, problem: 'too_short' };
  if (endMs - startMs > MAX_SESSION_HOURS * 3_600_000) return { ok: false, problem: 'too_long' };
  // The last instant inside the window decides the end date, so a session ending at midnight stays on its day.
  const date = dateInZone(startMs, timeZone);
  if (dateInZone(endMs - 1, timeZone) !== date) return { ok: false, problem: 'spans_days' };
  return { ok: true, date, startMs, endMs };
}

export const SESSION_TIMES_MESSAGES: Record<SessionTimesProblem, string> = {
  ends_before_start: 'endsAt must be after startsAt',
  too_short: `a session lasts at least ${MIN_SESSION_MINUTES} minutes`,
  too_long: `a session lasts at most ${MAX_SESSION_HOURS} hours (enter a longer training as one session per day)`,
  spans_days: 'a session starts and ends on the same day in the organisation time zone',
};
