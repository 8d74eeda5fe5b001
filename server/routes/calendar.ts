// The organisation calendar: study days with the admins' exceptions and the sessions in a range
// (everyone signed in); admins cancel or move a study day, and restore it.
import { Hono } from 'hono';
import { calendarExceptionInputSchema, type Calendar } from '../../shared/schemas/programme-calendar.ts';
import { checkException, studyDays } from '../programme/study-calendar.ts';
import { notFound, validationFailed } from '../http/api-error.ts';
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
      const saved = await store.programme.saveCalendarException((all) => {
        const problem = checkException(date, input, all);
        return problem === null ? { ok: true, value: { date, ...input } } : { ok: false, problem };
      });
      if (!saved.ok) throw validationFailed(EXCEPTION_MESSAGES[saved.problem]);
      return c.json(saved.value);
    })
    .delete('/exceptions/:date', signedIn(deps, 'admin'), async (c) => {
      const date = dateParam(c.req.param('date'));
      if (!(await store.programme.deleteCalendarException(date))) throw notFound(`There is no calendar exception on ${date}`);
      return c.body(null, 204);
    });
}
