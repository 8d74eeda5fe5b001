// Attendance (考勤): a session's roster and its marking by those who run it (never their own entry:
// they check in), withdrawal of a mistaken entry, self check-in with the session code, and the monthly
// bulletin of a unit. Refusals change nothing; every change is audited.
import { Hono, type Context } from 'hono';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { checkInRequestSchema, markAttendanceSchema, type AttendanceEntry, type Roster } from '../../shared/schemas/programme-attendance.ts';
import { withdrawalInputSchema } from '../../shared/schemas/programme-calendar.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { DATE_PROBLEM_MESSAGES, makeUpDateProblem, markTimeProblem, type DateProblem } from '../programme/plausible-dates.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { describeAttendance } from '../programme-io/audit-details.ts';
import { assertYearsOpen } from '../programme-io/year-lock.ts';
import { countAttendance } from '../programme/attendance-counts.ts';
import { CHECK_IN_MESSAGES, checkIn, type CheckInProblem } from '../programme/check-in.ts';
import { GuessLimit } from '../programme/guess-limit.ts';
import { monthlyBulletin } from '../programme/monthly-bulletin.ts';
import { bulletinPeople } from '../programme/bulletin-people.ts';
import { membershipOn } from '../programme/membership-history.ts';
import { expectedOn, rosterFor } from '../programme/roster.ts';
import { normaliseCode } from '../programme/session-code.ts';
import { ApiError, forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { monthParam } from '../http/programme-params.ts';
import { signedIn } from '../http/signed-in.ts';
import { loadDirectory, type Directory, type DirectoryPerson } from '../programme-io/directory.ts';
import { runsSession, sessionView } from '../programme-io/session-view.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { UserRecord } from '../store/store-contract.ts';

const CHECK_IN_ERRORS: Record<CheckInProblem, { status: 400 | 403 | 409; code: (typeof ERROR_CODES)[keyof typeof ERROR_CODES] }> = {
  wrong_code: { status: 400, code: ERROR_CODES.wrongCode },
  not_on_roster: { status: 403, code: ERROR_CODES.notOnRoster },
  not_open_yet: { status: 409, code: ERROR_CODES.checkInClosed },
  closed: { status: 409, code: ERROR_CODES.checkInClosed },
  already_checked_in: { status: 409, code: ERROR_CODES.alreadyCheckedIn },
};

function implausible(field: string, problem: DateProblem, details: Record<string, string>): ApiError {
  return new ApiError(400, ERROR_CODES.implausibleDate, `${field}: ${DATE_PROBLEM_MESSAGES[problem]}`, { problem, ...details });
}

/** Cancelled sessions and sessions of a closed year take no attendance. */
async function assertWritable(session: SessionRecord, programme: AppDeps['store']['programme']): Promise<void> {
  if (session.cancelled !== null) {
    throw new ApiError(409, ERROR_CODES.sessionCancelled, `The session "${session.topic}" was cancelled: it takes no attendance`, { topic: session.topic });
  }
  await assertYearsOpen(programme, session.date);
}

/** In the session's units on its date (dated memberships: a later hire or move changes nothing). */
function onRoster(session: SessionRecord, personId: string, directory: Directory): boolean {
  const person = directory.person(personId);
  return person !== undefined && expectedOn(person, session.unitIds, session.date, directory.parentOf);
}

/**
 * Admins, the organiser (while they may organise it) and leaders over the person mark attendance, never
 * their own entry: they check in with the code like everyone else.
 */
function mayMark(viewer: UserRecord, session: SessionRecord, person: DirectoryPerson, directory: Directory): void {
  if (person.id === viewer.id) {
    throw new ApiError(403, ERROR_CODES.ownRecord, 'Nobody marks their own attendance: check in with the session code', { record: 'attendance' });
  }
  const allowed =
    viewer.role === 'admin' ||
    (viewer.id === session.organiserId && runsSession(viewer, session, directory)) ||
    (viewer.role === 'leader' && directory.canView(viewer, person));
  if (!allowed) throw forbidden('Only the organiser, leaders over the person and admins mark attendance');
}

/** Ten wrong codes in ten minutes: enough for typos, far too few to guess a code. */
export const WRONG_CODES_ALLOWED = 10;
const WRONG_CODE_WINDOW_MS = 10 * 60_000;

export function attendanceRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  const guesses = new GuessLimit(WRONG_CODES_ALLOWED, WRONG_CODE_WINDOW_MS);
  const findSession = async (id: string) => {
    const session = await store.programme.findSession(id);
    if (!session) throw notFound(`There is no session with id "${id}"`);
    return session;
  };

  /** Runs the check-in rules against the stored entry and records it, in one step. */
  async function selfCheckIn(c: Context<AppEnv>, viewer: UserRecord, session: SessionRecord, typed: string, directory: Directory) {
    await assertWritable(session, store.programme);
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

  return new Hono<AppEnv>()
    .get('/sessions/:id/roster', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const session = await findSession(c.req.param('id'));
      const directory = await loadDirectory(store);
      if (!runsSession(viewer, session, directory)) throw forbidden('Only the organiser, leaders of its units and admins see the roster');
      const entries = new Map((await store.programme.attendance({ sessionIds: [session.id] })).map((e) => [e.personId, e]));
      // Everyone in its units on its date, plus anyone recorded there from elsewhere.
      const people = rosterFor(session.unitIds, session.date, directory.people, directory.parentOf);
      for (const personId of entries.keys()) {
        const p = directory.person(personId);
        if (p && !people.includes(p)) people.push(p);
      }
      // Each in the unit they were in on the session's date.
      const rows = people.map((p) => ({ personId: p.id, name: p.name, unitId: membershipOn(p.memberships, session.date)?.unitId ?? p.unitId, entry: entries.get(p.id) ?? null }));
      const body: Roster = {
        sessionId: session.id,
        people: rows,
        counts: countAttendance(rows.map((r) => ({ endMs: Date.parse(session.endsAt), entry: r.entry })), clock()),
      };
      return c.json(body);
    })
    .put('/sessions/:id/attendance/:personId', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const session = await findSession(c.req.param('id'));
      const directory = await loadDirectory(store);
      const person = directory.person(c.req.param('personId'));
      if (!person) throw notFound(`There is no person with id "${c.req.param('personId')}"`);
      mayMark(viewer, session, person, directory);
      await assertWritable(session, store.programme);
      const input = await readJson(c, markAttendanceSchema);
      if (!onRoster(session, person.id, directory) && (await store.programme.attendance({ sessionIds: [session.id], personId: person.id })).length === 0) {
        throw validationFailed('personId: this person is not on the roster of the session');
      }
      const nowMs = clock();
      const timeProblem = markTimeProblem(input.status, Date.parse(session.startsAt), nowMs);
      if (timeProblem !== null) throw implausible('status', timeProblem, { status: input.status, date: session.date });
      if (input.makeUp !== null) {
        const problem = makeUpDateProblem(input.makeUp.doneOn, session.date, dateInZone(nowMs, config.timeZone));
        if (problem !== null) throw implausible('makeUp.doneOn', problem, { date: input.makeUp.doneOn, sessionDate: session.date });
      }
      const at = new Date(nowMs).toISOString();
      const saved = await store.programme.saveAttendance<never>(session.id, person.id, (existing) => ({
        ok: true,
        value: {
          sessionId: session.id,
          personId: person.id,
          status: input.status,
          reason: input.status === 'leave' ? input.reason : '',
          makeUp: input.makeUp,
          // A leader's mark keeps the person's own check-in time, which is evidence of when they came.
          checkedInAt: existing?.checkedInAt ?? null,
          markedBy: viewer.id,
          updatedAt: at,
        },
      }), (entry) => programmeAudit(c, 'attendance.mark', `session:${session.id}`, describeAttendance(entry, session, directory)));
      return c.json(saved.ok ? saved.value : null);
    })
    .delete('/sessions/:id/attendance/:personId', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const session = await findSession(c.req.param('id'));
      const directory = await loadDirectory(store);
      const person = directory.person(c.req.param('personId'));
      if (!person) throw notFound(`There is no person with id "${c.req.param('personId')}"`);
      mayMark(viewer, session, person, directory);
      await assertWritable(session, store.programme);
      const { reason } = await readJson(c, withdrawalInputSchema);
      const [entry] = await store.programme.attendance({ sessionIds: [session.id], personId: person.id });
      if (!entry) throw notFound(`${person.name} has no attendance entry at this session`);
      await store.programme.deleteAttendance(session.id, person.id, programmeAudit(c, 'attendance.withdraw', `session:${session.id}`, describeAttendance(entry, session, directory), reason));
      return c.body(null, 204);
    })
    .post('/sessions/:id/check-in', signedIn(deps), async (c) => {
      const session = await findSession(c.req.param('id'));
      const { code } = await readJson(c, checkInRequestSchema);
      return c.json(await selfCheckIn(c, c.get('user'), session, code, await loadDirectory(store)), 201);
    })
    .post('/check-in', signedIn(deps), async (c) => {
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
      return c.json(await selfCheckIn(c, viewer, session, code, directory), 201);
    })
    .get('/units/:id/bulletin', signedIn(deps, 'admin', 'leader'), async (c) => {
      const viewer = c.get('user');
      const month = monthParam(c.req.query('month'));
      const directory = await loadDirectory(store);
      const unitId = c.req.param('id');
      if (!directory.units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
      if (!directory.manages(viewer, unitId)) throw forbidden('You may only see the bulletin of units you lead');
      // Who belonged to the unit during the month, by their dated memberships: the bulletin of a closed
      // month reads the same whoever joins, leaves or moves afterwards.
      const people = bulletinPeople(directory.people, unitId, month, directory.parentOf);
      // Every date of the month lies between its first day and day 31 (ISO dates compare as strings).
      const sessions = await store.programme.sessions({ from: `${month}-01`, to: `${month}-31` });
      const entries = await store.programme.attendance({ sessionIds: sessions.map((s) => s.id) });
      const recordedAt = new Map<string, Set<string>>();
      for (const e of entries) {
        const recorded = recordedAt.get(e.sessionId);
        if (recorded) recorded.add(e.personId);
        else recordedAt.set(e.sessionId, new Set([e.personId]));
      }
      return c.json(
        monthlyBulletin({
          unitId,
          month,
          people,
          sessions: sessions.map((s) => {
            const recorded = recordedAt.get(s.id) ?? new Set<string>();
            const rosterIds = new Set(people.filter((p) => recorded.has(p.id) || onRoster(s, p.id, directory)).map((p) => p.id));
            return { id: s.id, date: s.date, kind: s.kind, topic: s.topic, endMs: Date.parse(s.endsAt), rosterIds };
          }),
          entries,
          nowMs: clock(),
        }),
      );
    });
}
