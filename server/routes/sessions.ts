// Sessions on the calendar (`/api/sessions`: collective study, exchange day, special lecture, training
// batch, seminar). Admins create and change any; leaders those whose units all lie in their own part of
// the tree. The organiser, a leader over the units or an admin cancels one with a reason: it stays on
// record, counts for nobody. Attendance (考勤): a session's roster and its marking by those who run it
// (never their own entry: they check in), withdrawal of a mistaken entry, and check-in with the session
// code (check-in.ts). Every refusal names its specifics in `error.details` and changes nothing; every
// change is audited.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { sessionInputSchema, withdrawalInputSchema } from '../../shared/schemas/programme-calendar.ts';
import { checkInRequestSchema, markAttendanceSchema } from '../../shared/schemas/programme-attendance.ts';
import { canViewPerson, leadsUnit } from '../access/access-rules.ts';
import type { GuessLimit } from '../programme/guess-limit.ts';
import { DATE_PROBLEM_MESSAGES, makeUpDateProblem, markTimeProblem, sessionDateProblem, type DateProblem } from '../programme/plausible-dates.ts';
import { sessionRoster } from '../programme/session-roster.ts';
import { describeAttendance, describeSession } from '../http/audit-details.ts';
import { loadDirectory, onRoster, type Directory, type DirectoryPerson } from '../report-inputs/directory.ts';
import { rosterInputs } from '../report-inputs/roster-inputs.ts';
import { runsSession, sessionView } from '../http/session-view.ts';
import { assertTakesAttendance, selfCheckIn } from './check-in.ts';
import { ApiError, forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { signedIn } from '../http/signed-in.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { dateInZone, instantInZone } from '../../shared/time/zoned-days.ts';
import { mayOrganise } from '../programme/organiser-rule.ts';
import { findClash } from '../programme/session-overlap.ts';
import { newSessionCode } from '../programme/session-code.ts';
import { checkSessionTimes, SESSION_TIMES_MESSAGES } from '../programme/session-times.ts';
import { ruleOn, sessionCredit } from '../programme/credit-rules.ts';
import { tariffShortfall } from '../programme/tariff.ts';
import { assertYearsOpen } from '../http/year-lock.ts';
import { newId } from '../store/ids.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { CreditRule, ProgrammeSettingsView } from '../../shared/schemas/programme-settings.ts';
import type { Store, UserRecord } from '../store/store-contract.ts';
import type { z } from 'zod';

type Input = z.output<typeof sessionInputSchema>;

interface Checks {
  directory: Directory;
  viewer: UserRecord;
  timeZone: string;
  nowMs: number;
  settings: ProgrammeSettingsView;
}

/** Checks references, permissions and plausibility; returns the session's local date and window. */
async function checkInput(store: Store, input: Input, { directory, viewer, timeZone, nowMs, settings }: Checks) {
  for (const unitId of input.unitIds) {
    if (!directory.units.some((u) => u.id === unitId)) throw validationFailed(`unitIds: there is no unit with id "${unitId}"`);
    if (!leadsUnit(viewer, unitId, directory.parentOf)) throw forbidden('You may only schedule sessions for units you lead');
  }
  const organiser = directory.person(input.organiserId);
  if (!organiser || !organiser.active) throw validationFailed(`organiserId: there is no active person with id "${input.organiserId}"`);
  if (!mayOrganise(organiser, input.unitIds, directory.parentOf)) {
    throw new ApiError(400, ERROR_CODES.organiserOutside, `organiserId: ${organiser.name} is neither in the session's units nor a leader over them`, {
      organiser: organiser.name,
    });
  }
  for (const resourceId of input.materials) {
    if (!(await store.findResource(resourceId))) throw validationFailed(`materials: there is no resource with id "${resourceId}"`);
  }
  const times = checkSessionTimes(input.startsAt, input.endsAt, timeZone);
  if (!times.ok) throw new ApiError(400, ERROR_CODES.impossibleTimes, SESSION_TIMES_MESSAGES[times.problem], { problem: times.problem });
  const today = dateInZone(nowMs, timeZone);
  const dateProblem = sessionDateProblem(times.date, today);
  if (dateProblem !== null) {
    throw new ApiError(400, ERROR_CODES.implausibleDate, `startsAt: ${DATE_PROBLEM_MESSAGES[dateProblem]}`, { problem: dateProblem, date: times.date, today });
  }
  const durationMs = times.endMs - times.startMs;
  const shortfall = tariffShortfall(input.tariff, durationMs, ruleOn(settings.creditRules, times.date).tariff, input.tariffReason);
  if (shortfall !== null) {
    throw new ApiError(400, ERROR_CODES.tariffTooLong, `tariff: a ${input.tariff} is credited ${shortfall.neededHours} h; this session is shorter, so give a reason or credit its actual length`, {
      tariff: input.tariff,
      neededHours: String(shortfall.neededHours),
      actualHours: String(Math.round((durationMs / 3_600_000) * 100) / 100),
    });
  }
  await assertYearsOpen(store.programme, times.date);
  return times;
}

type Draft = Omit<SessionRecord, 'creditedHours' | 'creditRule'>;

/** The session credited under the version of the rules in force on its date, as the store has them at the write. */
function credited(draft: Draft, rules: readonly CreditRule[]): SessionRecord {
  return { ...draft, ...sessionCredit(draft.tariff, Date.parse(draft.endsAt) - Date.parse(draft.startsAt), draft.date, rules) };
}

function scheduled(s: Pick<SessionRecord, 'id' | 'startsAt' | 'endsAt' | 'organiserId' | 'unitIds'>) {
  return { id: s.id, startMs: Date.parse(s.startsAt), endMs: Date.parse(s.endsAt), organiserId: s.organiserId, unitIds: s.unitIds };
}

function clashError(other: SessionRecord, timeZone: string): ApiError {
  const local = (instant: string) => instantInZone(Date.parse(instant), timeZone).slice(11, 16);
  return new ApiError(409, ERROR_CODES.sessionClash, `The session overlaps "${other.topic}" (${other.startsAt} – ${other.endsAt}) for the same people or organiser`, {
    topic: other.topic,
    date: other.date,
    from: local(other.startsAt),
    to: local(other.endsAt),
  });
}

function cancelledError(session: SessionRecord): ApiError {
  return new ApiError(409, ERROR_CODES.sessionCancelled, `The session "${session.topic}" was cancelled: it can no longer be changed`, { topic: session.topic });
}

function implausible(field: string, problem: DateProblem, details: Record<string, string>): ApiError {
  return new ApiError(400, ERROR_CODES.implausibleDate, `${field}: ${DATE_PROBLEM_MESSAGES[problem]}`, { problem, ...details });
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
    (viewer.role === 'leader' && canViewPerson(viewer, person, directory.parentOf));
  if (!allowed) throw forbidden('Only the organiser, leaders over the person and admins mark attendance');
}

export function sessionRoutes(deps: AppDeps, checkInGuesses: GuessLimit) {
  const { store, clock, config } = deps;
  const checks = async (viewer: UserRecord) => ({
    directory: await loadDirectory(store),
    viewer,
    timeZone: config.timeZone,
    nowMs: clock(),
    settings: await store.programme.settings(),
  });
  const find = async (id: string) => {
    const session = await store.programme.findSession(id);
    if (!session) throw notFound(`There is no session with id "${id}"`);
    return session;
  };
  /** Marking or withdrawing one person's attendance: the session, the person, and the viewer's right to mark it, all checked. */
  const attendanceToMark = async (viewer: UserRecord, sessionId: string, personId: string) => {
    const session = await find(sessionId);
    const directory = await loadDirectory(store);
    const person = directory.person(personId);
    if (!person) throw notFound(`There is no person with id "${personId}"`);
    mayMark(viewer, session, person, directory);
    await assertTakesAttendance(session, store.programme);
    return { viewer, session, directory, person };
  };
  return new Hono<AppEnv>()
    .post('/', signedIn(deps, 'admin', 'leader'), async (c) => {
      const viewer = c.get('user');
      const input = await readJson(c, sessionInputSchema);
      const ctx = await checks(viewer);
      const times = await checkInput(store, input, ctx);
      const now = new Date(ctx.nowMs).toISOString();
      const session: Draft = {
        id: newId(),
        ...input,
        date: times.date,
        cancelled: null,
        code: newSessionCode(randomBytes),
        createdBy: viewer.id,
        createdAt: now,
        updatedAt: now,
      };
      const saved = await store.programme.saveSession(
        (all, rules) => {
          const other = findClash(scheduled(session), all.map(scheduled), ctx.directory.parentOf);
          return other === null ? { ok: true, value: credited(session, rules) } : { ok: false, problem: all.find((s) => s.id === other.id)! };
        },
        (s) => programmeAudit(c, 'session.create', `session:${s.id}`, describeSession(s, ctx.directory, config.timeZone)),
      );
      if (!saved.ok) throw clashError(saved.problem, config.timeZone);
      return c.json(sessionView(saved.value, viewer, ctx.directory), 201);
    })
    .get('/:id', signedIn(deps), async (c) => {
      return c.json(sessionView(await find(c.req.param('id')), c.get('user'), await loadDirectory(store)));
    })
    .put('/:id', signedIn(deps, 'admin', 'leader'), async (c) => {
      const viewer = c.get('user');
      const existing = await find(c.req.param('id'));
      const ctx = await checks(viewer);
      if (!existing.unitIds.every((u) => leadsUnit(viewer, u, ctx.directory.parentOf))) throw forbidden('You may only change sessions of units you lead');
      if (existing.cancelled !== null) throw cancelledError(existing);
      await assertYearsOpen(store.programme, existing.date);
      const input = await readJson(c, sessionInputSchema);
      const times = await checkInput(store, input, ctx);
      const session: Draft = {
        ...existing,
        ...input,
        date: times.date,
        updatedAt: new Date(ctx.nowMs).toISOString(),
      };
      const saved = await store.programme.saveSession(
        (all, rules) => {
          const other = findClash(scheduled(session), all.map(scheduled), ctx.directory.parentOf);
          return other === null ? { ok: true, value: credited(session, rules) } : { ok: false, problem: all.find((s) => s.id === other.id)! };
        },
        (s) => programmeAudit(c, 'session.update', `session:${s.id}`, `${describeSession(existing, ctx.directory, config.timeZone)} → ${describeSession(s, ctx.directory, config.timeZone)}`),
      );
      if (!saved.ok) throw clashError(saved.problem, config.timeZone);
      return c.json(sessionView(saved.value, viewer, ctx.directory));
    })
    .delete('/:id', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const existing = await find(c.req.param('id'));
      const directory = await loadDirectory(store);
      if (!runsSession(viewer, existing, directory)) throw forbidden("Only the session's organiser, a leader over its units or an admin cancels it");
      if (existing.cancelled !== null) throw cancelledError(existing);
      await assertYearsOpen(store.programme, existing.date);
      const { reason } = await readJson(c, withdrawalInputSchema);
      const at = new Date(clock()).toISOString();
      const session: SessionRecord = { ...existing, cancelled: { at, byId: viewer.id, byName: viewer.name, reason }, updatedAt: at };
      await store.programme.saveSession(
        () => ({ ok: true, value: session }),
        (s) => programmeAudit(c, 'session.cancel', `session:${s.id}`, describeSession(s, directory, config.timeZone), reason),
      );
      return c.json(sessionView(session, viewer, directory));
    })
    .get('/:id/roster', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const session = await find(c.req.param('id'));
      const directory = await loadDirectory(store);
      if (!runsSession(viewer, session, directory)) throw forbidden('Only the organiser, leaders of its units and admins see the roster');
      return c.json(sessionRoster(await rosterInputs(store, directory, session, clock())));
    })
    .put('/:id/attendance/:personId', signedIn(deps), async (c) => {
      const { viewer, session, directory, person } = await attendanceToMark(c.get('user'), c.req.param('id'), c.req.param('personId'));
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
    .delete('/:id/attendance/:personId', signedIn(deps), async (c) => {
      const { session, directory, person } = await attendanceToMark(c.get('user'), c.req.param('id'), c.req.param('personId'));
      const { reason } = await readJson(c, withdrawalInputSchema);
      const [entry] = await store.programme.attendance({ sessionIds: [session.id], personId: person.id });
      if (!entry) throw notFound(`${person.name} has no attendance entry at this session`);
      await store.programme.deleteAttendance(session.id, person.id, programmeAudit(c, 'attendance.withdraw', `session:${session.id}`, describeAttendance(entry, session, directory), reason));
      return c.body(null, 204);
    })
    .post('/:id/check-in', signedIn(deps), async (c) => {
      const session = await find(c.req.param('id'));
      const { code } = await readJson(c, checkInRequestSchema);
      return c.json(await selfCheckIn(deps, checkInGuesses, c, { viewer: c.get('user'), session, typed: code, directory: await loadDirectory(store) }), 201);
    });
}
