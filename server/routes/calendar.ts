// The organisation calendar: study days with the admins' exceptions and the sessions in a range
// (everyone signed in); admins cancel or move a study day, and restore it (audited; not in a closed year).
import { Hono } from 'hono';
import { calendarExceptionInputSchema, type Calendar } from '../../shared/schemas/programme-calendar.ts';
import { checkException, studyDays } from '../programme/study-calendar.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { ApiError, notFound, validationFailed } from '../http/api-error.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { assertYearsOpen } from '../programme-io/year-lock.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { parseOrFail, readJson } from '../http/json-body.ts';
import { dateParam } from '../http/programme-params.ts';
import { signedIn } from '../http/signed-in.ts';
import { loadDirectory } from '../programme-io/directory.ts';
import { sessionView } from '../programme-io/session-view.ts';
import { logQuerySchema } from '../../shared/schemas/log.ts';

const MAX_DAYS = 366;

const EXCEPTION_MESSAGES = {
  not_a_study_day: 'date: only a Friday of the study calendar can be cancelled or moved',
  target_taken: 'movedTo: there is already a study day on that date',
} as const;

const describeException = (e: { date: string; action: 'cancel' | 'move'; movedTo: string | null }) =>
  e.action === 'cancel' ? `study day ${e.date} cancelled` : `study day ${e.date} moved to ${e.movedTo}`;

export function calendarRoutes(deps: AppDeps) {
  const { store, config } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => {
      const { from, to } = parseOrFail(logQuerySchema, c.req.query());
      if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_DAYS) throw validationFailed(`to: the range may span at most ${MAX_DAYS} days`);
      const viewer = c.get('user');
      const directory = await loadDirectory(store);
      const exceptions = store.programme.calendarExceptions();
      const body: Calendar = {
        timeZone: config.timeZone,
        from,
        to,
        days: studyDays(from, to, exceptions),
        sessions: store.programme
          .sessions()
          .filter((s) => s.date >= from && s.date <= to)
          .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
          .map((s) => sessionView(s, viewer, directory)),
        exceptions: exceptions
          .filter((e) => (e.date >= from && e.date <= to) || (e.movedTo !== null && e.movedTo >= from && e.movedTo <= to))
          .sort((a, b) => (a.date < b.date ? -1 : 1)),
      };
      return c.json(body);
    })
    .put('/exceptions/:date', signedIn(deps, 'admin'), async (c) => {
      const date = dateParam(c.req.param('date'));
      const input = await readJson(c, calendarExceptionInputSchema);
      assertYearsOpen(store.programme, date, ...(input.movedTo === null ? [] : [input.movedTo]));
      const saved = await store.programme.saveCalendarException(
        (all) => {
          const problem = checkException(date, input, all);
          return problem === null ? { ok: true, value: { date, ...input } } : { ok: false, problem };
        },
        (e) => programmeAudit(c, 'calendar.exception', `calendar:${e.date}`, describeException(e), e.reason),
      );
      if (!saved.ok && saved.problem === 'target_taken') {
        throw new ApiError(409, ERROR_CODES.calendarTaken, EXCEPTION_MESSAGES.target_taken, { date: input.movedTo ?? '' });
      }
      if (!saved.ok) throw validationFailed(EXCEPTION_MESSAGES[saved.problem]);
      return c.json(saved.value);
    })
    .delete('/exceptions/:date', signedIn(deps, 'admin'), async (c) => {
      const date = dateParam(c.req.param('date'));
      assertYearsOpen(store.programme, date);
      const existing = store.programme.calendarExceptions().find((e) => e.date === date);
      if (!existing) throw notFound(`There is no calendar exception on ${date}`);
      await store.programme.deleteCalendarException(date, programmeAudit(c, 'calendar.exception_delete', `calendar:${date}`, `${describeException(existing)}: restored`));
      return c.body(null, 204);
    });
}
