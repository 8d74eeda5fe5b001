// Self check-in (`POST /api/check-in`): a person types the code the organiser shows and is checked in
// at the session it names. The session's own check-in (`POST /api/sessions/{id}/check-in`, sessions.ts)
// runs the same steps with the same count of wrong codes, which the app holds once for both.
import { Hono, type Context } from 'hono';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { checkInRequestSchema, type AttendanceEntry } from '../../shared/schemas/programme-attendance.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { describeAttendance } from '../http/audit-details.ts';
import { assertYearsOpen } from '../http/year-lock.ts';
import { CHECK_IN_MESSAGES, checkIn, type CheckInProblem } from '../programme/check-in.ts';
import { GuessLimit } from '../programme/guess-limit.ts';
import { normaliseCode } from '../programme/session-code.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { loadDirectory, onRoster, type Directory } from '../report-inputs/directory.ts';
import { sessionView } from '../http/session-view.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { UserRecord } from '../store/store-contract.ts';

const CHECK_IN_ERRORS: Record<CheckInProblem, { status: 400 | 403 | 409; code: (typeof ERROR_CODES)[keyof typeof ERROR_CODES] }> = {
  wrong_code: { status: 400, code: ERROR_CODES.wrongCode },
  not_on_roster: { status: 403, code: ERROR_CODES.notOnRoster },
  not_open_yet: { status: 409, code: ERROR_CODES.checkInClosed },
  closed: { status: 409, code: ERROR_CODES.checkInClosed },
  already_checked_in: { status: 409, code: ERROR_CODES.alreadyCheckedIn },
};

/** Ten wrong codes in ten minutes: enough for typos, far too few to guess a code. */
const WRONG_CODES_ALLOWED = 10;
const WRONG_CODE_WINDOW_MS = 10 * 60_000;

/** The wrong codes each person typed lately, shared by both ways to check in. */
export function checkInGuessLimit(): GuessLimit {
  return new GuessLimit(WRONG_CODES_ALLOWED, WRONG_CODE_WINDOW_MS);
}

/** Cancelled sessions and sessions of a closed year take no attendance. */
export async function assertTakesAttendance(session: SessionRecord, programme: AppDeps['store']['programme']): Promise<void> {
  if (session.cancelled !== null) {
    throw new ApiError(409, ERROR_CODES.sessionCancelled, `The session "${session.topic}" was cancelled: it takes no attendance`, { topic: session.topic });
  }
  await assertYearsOpen(programme, session.date);
}

/** Runs the check-in rules against the stored entry and records it, in one step. */
export async function selfCheckIn(
  deps: AppDeps,
  guesses: GuessLimit,
  c: Context<AppEnv>,
  attempt: { viewer: UserRecord; session: SessionRecord; typed: string; directory: Directory },
) {
  const { store, clock } = deps;
  const { viewer, session, typed, directory } = attempt;
  await assertTakesAttendance(session, store.programme);
  const nowMs = clock();
  // Read before the guarded write: `decide` sees only the stored entry it is handed.
  const window = (await store.programme.settings()).checkIn;
  if (!guesses.allows(viewer.id, nowMs)) throw new ApiError(429, ERROR_CODES.rateLimited, 'Too many wrong codes: wait a few minutes and try again');
  const saved = await store.programme.saveAttendance(session.id, viewer.id, (existing) => {
    const outcome = checkIn({
      session: { startMs: Date.parse(session.startsAt), endMs: Date.parse(session.endsAt), code: session.code },
      onRoster: onRoster(session, viewer.id, directory),
      existing,
      typedCode: typed,
      nowMs,
      window,
    });
    if (!outcome.ok) return outcome;
    const at = new Date(nowMs).toISOString();
    const entry: AttendanceEntry = { sessionId: session.id, personId: viewer.id, status: outcome.status, reason: '', makeUp: null, checkedInAt: at, markedBy: viewer.id, updatedAt: at };
    return { ok: true, value: entry };
  }, (entry) => programmeAudit(c, 'attendance.check_in', `session:${session.id}`, describeAttendance(entry, session, directory)));
  if (!saved.ok) {
    if (saved.problem === 'wrong_code') guesses.recordMiss(viewer.id, nowMs);
    const { status, code } = CHECK_IN_ERRORS[saved.problem];
    throw new ApiError(status, code, CHECK_IN_MESSAGES[saved.problem]);
  }
  return { session: sessionView(session, viewer, directory), entry: saved.value };
}

export function checkInRoutes(deps: AppDeps, guesses: GuessLimit) {
  const { store, clock } = deps;
  return new Hono<AppEnv>().post('/', signedIn(deps), async (c) => {
    const viewer = c.get('user');
    const { code } = await readJson(c, checkInRequestSchema);
    const directory = await loadDirectory(store);
    const typed = normaliseCode(code);
    const matching = await store.programme.sessions({ code: typed });
    if (!guesses.allows(viewer.id, clock())) throw new ApiError(429, ERROR_CODES.rateLimited, 'Too many wrong codes: wait a few minutes and try again');
    if (matching.length === 0) {
      guesses.recordMiss(viewer.id, clock());
      throw new ApiError(400, ERROR_CODES.wrongCode, CHECK_IN_MESSAGES.wrong_code);
    }
    // Codes are random, so a second match is rare; prefer the one this person is expected at, latest first.
    const session = [...matching].sort((a, b) => Number(onRoster(b, viewer.id, directory)) - Number(onRoster(a, viewer.id, directory)) || (a.startsAt < b.startsAt ? 1 : -1))[0]!;
    return c.json(await selfCheckIn(deps, guesses, c, { viewer, session, typed: code, directory }), 201);
  });
}
