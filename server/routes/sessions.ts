// Sessions on the calendar (collective study, exchange day, special lecture, training batch, seminar).
// Admins create and change any; leaders those whose units all lie in their own part of the tree.
// Impossible times are 400 impossible_times, clashes 409 session_clash; either way nothing changes.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { sessionInputSchema } from '../../shared/schemas/programme-calendar.ts';
import { ApiError, forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { findClash } from '../programme/session-overlap.ts';
import { newSessionCode } from '../programme/session-code.ts';
import { checkSessionTimes, SESSION_TIMES_MESSAGES } from '../programme/session-times.ts';
import { creditedHours } from '../programme/tariff.ts';
import { loadDirectory, type Directory } from '../programme-io/directory.ts';
import { sessionView } from '../programme-io/session-view.ts';
import { newId } from '../store/ids.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { Store, UserRecord } from '../store/records.ts';
import type { z } from 'zod';

type Input = z.output<typeof sessionInputSchema>;

/** Checks references and permissions; returns the session's local date and window. */
async function checkInput(store: Store, directory: Directory, viewer: UserRecord, input: Input, timeZone: string) {
  for (const unitId of input.unitIds) {
    if (!directory.units.some((u) => u.id === unitId)) throw validationFailed(`unitIds: there is no unit with id "${unitId}"`);
    if (!directory.manages(viewer, unitId)) throw forbidden('You may only schedule sessions for units you lead');
  }
  const organiser = directory.person(input.organiserId);
  if (!organiser || !organiser.active) throw validationFailed(`organiserId: there is no active person with id "${input.organiserId}"`);
  for (const resourceId of input.materials) {
    if (!(await store.findResource(resourceId))) throw validationFailed(`materials: there is no resource with id "${resourceId}"`);
  }
  const times = checkSessionTimes(input.startsAt, input.endsAt, timeZone);
  if (!times.ok) throw new ApiError(400, ERROR_CODES.impossibleTimes, SESSION_TIMES_MESSAGES[times.problem]);
  return times;
}

function scheduled(s: Pick<SessionRecord, 'id' | 'startsAt' | 'endsAt' | 'organiserId' | 'unitIds'>) {
  return { id: s.id, startMs: Date.parse(s.startsAt), endMs: Date.parse(s.endsAt), organiserId: s.organiserId, unitIds: s.unitIds };
}

function clashError(other: SessionRecord): ApiError {
  return new ApiError(409, ERROR_CODES.sessionClash, `The session overlaps "${other.topic}" (${other.startsAt} – ${other.endsAt}) for the same people or organiser`);
}

export function sessionRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  const tariff = () => store.programme.settings().tariff;
  return new Hono<AppEnv>()
    .post('/', signedIn(deps, 'admin', 'leader'), async (c) => {
      const viewer = c.get('user');
      const input = await readJson(c, sessionInputSchema);
      const directory = await loadDirectory(store);
      const times = await checkInput(store, directory, viewer, input, config.timeZone);
      const now = new Date(clock()).toISOString();
      const session: SessionRecord = {
        id: newId(),
        ...input,
        date: times.date,
        creditedHours: creditedHours(input.tariff, times.endMs - times.startMs, tariff()),
        code: newSessionCode(randomBytes),
        createdBy: viewer.id,
        createdAt: now,
        updatedAt: now,
      };
      const saved = await store.programme.saveSession((all) => {
        const other = findClash(scheduled(session), all.map(scheduled), directory.parentOf);
        return other === null ? { ok: true, value: session } : { ok: false, problem: all.find((s) => s.id === other.id)! };
      });
      if (!saved.ok) throw clashError(saved.problem);
      return c.json(sessionView(saved.value, viewer, directory), 201);
    })
    .get('/:id', signedIn(deps), async (c) => {
      const session = store.programme.findSession(c.req.param('id'));
      if (!session) throw notFound(`There is no session with id "${c.req.param('id')}"`);
      return c.json(sessionView(session, c.get('user'), await loadDirectory(store)));
    })
    .put('/:id', signedIn(deps, 'admin', 'leader'), async (c) => {
      const viewer = c.get('user');
      const existing = store.programme.findSession(c.req.param('id'));
      if (!existing) throw notFound(`There is no session with id "${c.req.param('id')}"`);
      const directory = await loadDirectory(store);
      if (!existing.unitIds.every((u) => directory.manages(viewer, u))) throw forbidden('You may only change sessions of units you lead');
      const input = await readJson(c, sessionInputSchema);
      const times = await checkInput(store, directory, viewer, input, config.timeZone);
      const session: SessionRecord = {
        ...existing,
        ...input,
        date: times.date,
        creditedHours: creditedHours(input.tariff, times.endMs - times.startMs, tariff()),
        updatedAt: new Date(clock()).toISOString(),
      };
      const saved = await store.programme.saveSession((all) => {
        const other = findClash(scheduled(session), all.map(scheduled), directory.parentOf);
        return other === null ? { ok: true, value: session } : { ok: false, problem: all.find((s) => s.id === other.id)! };
      });
      if (!saved.ok) throw clashError(saved.problem);
      return c.json(sessionView(saved.value, viewer, directory));
    });
}
