// Self check-in (签到) with the session's code: allowed from a little before the start until the end,
// "late" after the grace minutes, once per person, only for people on the roster.
//
//   opens ──── startsAt ── +late ──────────── endsAt
//     │ present │ present │        late        │  (outside: refused)
//
import type { AttendanceEntry, AttendanceStatus } from '../../shared/schemas/programme-attendance.ts';
import type { CheckInWindow } from '../../shared/schemas/programme-settings.ts';
import { codesMatch } from './session-code.ts';

export type CheckInProblem = 'not_on_roster' | 'wrong_code' | 'not_open_yet' | 'closed' | 'already_checked_in';

export type CheckInOutcome = { ok: true; status: Extract<AttendanceStatus, 'present' | 'late'> } | { ok: false; problem: CheckInProblem };

export function checkIn(input: {
  session: { startMs: number; endMs: number; code: string };
  onRoster: boolean;
  existing: AttendanceEntry | null;
  typedCode: string;
  nowMs: number;
  window: CheckInWindow;
}): CheckInOutcome {
  const { session, nowMs, window } = input;
  if (!input.onRoster) return { ok: false, problem: 'not_on_roster' };
  if (nowMs < session.startMs - window.opensMinutesBefore * 60_000) return { ok: false, problem: 'not_open_yet' };
  if (nowMs >= session.endMs) return { ok: false, problem: 'closed' };
  // The code is judged after the window so a guess outside it learns nothing about the code.
  if (!codesMatch(input.typedCode, session.code)) return { ok: false, problem: 'wrong_code' };
  // A leader's earlier mark (say, leave in advance) gives way to the person actually turning up.
  if (input.existing?.checkedInAt) return { ok: false, problem: 'already_checked_in' };
  const late = nowMs > session.startMs + window.lateAfterMinutes * 60_000;
  return { ok: true, status: late ? 'late' : 'present' };
}

export const CHECK_IN_MESSAGES: Record<CheckInProblem, string> = {
  not_on_roster: 'You are not on the roster of this session',
  wrong_code: 'The session code is not right',
  not_open_yet: 'Check-in has not opened yet',
  closed: 'The session is over: check-in is closed',
  already_checked_in: 'You have already checked in to this session',
};
