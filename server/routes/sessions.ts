// Sessions on the calendar (collective study, exchange day, special lecture, training batch, seminar).
// Admins create and change any; leaders those whose units all lie in their own part of the tree. The
// organiser, a leader over the units or an admin cancels one with a reason: it stays on record, counts
// for nobody. Every refusal names its specifics in `error.details` and changes nothing; every change is audited.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { sessionInputSchema, withdrawalInputSchema } from '../../shared/schemas/programme-calendar.ts';
import { ApiError, forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { signedIn } from '../http/signed-in.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { dateInZone, instantInZone } from '../../shared/time/zoned-days.ts';
import { mayOrganise } from '../programme/organiser-rule.ts';
import { DATE_PROBLEM_MESSAGES, sessionDateProblem } from '../programme/plausible-dates.ts';
import { findClash } from '../programme/session-overlap.ts';
import { newSessionCode } from '../programme/session-code.ts';
import { checkSessionTimes, SESSION_TIMES_MESSAGES } from '../programme/session-times.ts';
import { ruleOn, sessionCredit } from '../programme/credit-rules.ts';
import { tariffShortfall } from '../programme/tariff.ts';
import { describeSession } from '../programme-io/audit-details.ts';
import { loadDirectory, type Directory } from '../programme-io/directory.ts';
import { runsSession, sessionView } from '../programme-io/session-view.ts';
import { assertYearsOpen } from '../programme-io/year-lock.ts';
import { newId } from '../store/ids.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { CreditRule, ProgrammeSettingsView } from '../../shared/schemas/programme-settings.ts';
import type { Store, UserRecord } from '../store/records.ts';
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
    if (!directory.manages(viewer, unitId)) throw forbidden('You may only schedule sessions for units you lead');
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

export function sessionRoutes(deps: AppDeps) {
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
      if (!existing.unitIds.every((u) => ctx.directory.manages(viewer, u))) throw forbidden('You may only change sessions of units you lead');
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
    });
}
