// The organisation calendar: study days with the year's holidays and the admins' exceptions, and the
// sessions in a range (everyone signed in); admins enter a year's holiday arrangement (放假安排) as text,
// cancel or move a study day, and restore it (audited; not in a closed year).
import { Hono } from 'hono';
import { calendarExceptionInputSchema, type Calendar } from '../../shared/schemas/programme-calendar.ts';
import { holidayArrangementInputSchema, type HolidayArrangement } from '../../shared/schemas/holiday-arrangement.ts';
import { arrangementIn, holidayLookup, parseArrangement } from '../programme/holiday-arrangement.ts';
import { checkException, studyDays } from '../programme/study-calendar.ts';
import { describeArrangement, describeArrangementProblem } from '../http/holiday-details.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { ApiError, notFound, validationFailed } from '../http/api-error.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { assertYearsOpen } from '../http/year-lock.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { parseOrFail, readJson } from '../http/json-body.ts';
import { dateParam, yearParam } from '../http/programme-params.ts';
import { signedIn } from '../http/signed-in.ts';
import { loadDirectory } from '../report-inputs/directory.ts';
import { sessionView } from '../http/session-view.ts';
import { logQuerySchema } from '../../shared/schemas/log.ts';

const MAX_DAYS = 366;

const EXCEPTION_MESSAGES = {
  not_a_study_day: 'date: only a Friday of the study calendar can be cancelled or moved',
  target_taken: 'movedTo: there is already a study day on that date',
} as const;

const describeException = (e: { date: string; action: 'cancel' | 'move'; movedTo: string | null }) =>
  e.action === 'cancel' ? `study day ${e.date} cancelled` : `study day ${e.date} moved to ${e.movedTo}`;

export function calendarRoutes(deps: AppDeps) {
  const { store, config, clock } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => {
      const { from, to } = parseOrFail(logQuerySchema, c.req.query());
      if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_DAYS) throw validationFailed(`to: the range may span at most ${MAX_DAYS} days`);
      const viewer = c.get('user');
      const directory = await loadDirectory(store);
      const exceptions = await store.programme.calendarExceptions();
      const arrangements = await store.programme.holidayArrangements();
      const body: Calendar = {
        timeZone: config.timeZone,
        from,
        to,
        days: studyDays(from, to, exceptions, holidayLookup(arrangements)),
        sessions: (await store.programme.sessions({ from, to }))
          .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
          .map((s) => sessionView(s, viewer, directory)),
        exceptions: exceptions
          .filter((e) => (e.date >= from && e.date <= to) || (e.movedTo !== null && e.movedTo >= from && e.movedTo <= to))
          .sort((a, b) => (a.date < b.date ? -1 : 1)),
        ...arrangementIn(arrangements, from, to),
      };
      return c.json(body);
    })
    .get('/holidays/:year', signedIn(deps), async (c) => {
      const year = yearParam(c.req.param('year'));
      const none: HolidayArrangement = { year, holidays: [], workdays: [], updatedAt: null };
      return c.json((await store.programme.holidayArrangement(year)) ?? none);
    })
    .put('/holidays/:year', signedIn(deps, 'admin'), async (c) => {
      const year = yearParam(c.req.param('year'));
      const { text } = await readJson(c, holidayArrangementInputSchema);
      await assertYearsOpen(store.programme, year);
      const parsed = parseArrangement(text, year);
      if (parsed.problems.length > 0) {
        const lines = [...new Set(parsed.problems.map((p) => p.line))].join(', ');
        throw new ApiError(400, ERROR_CODES.holidaysInvalid, parsed.problems.map(describeArrangementProblem).join('; '), { lines });
      }
      if (parsed.holidays.length + parsed.workdays.length === 0) throw validationFailed('text: no holiday or working day; DELETE clears an arrangement');
      const arrangement: HolidayArrangement = {
        year,
        holidays: parsed.holidays.map(({ name, from, to }) => ({ name, from, to })),
        workdays: parsed.workdays.map(({ date, name }) => ({ date, name })),
        updatedAt: new Date(clock()).toISOString(),
      };
      const previous = await store.programme.holidayArrangement(year);
      const details = `${describeArrangement(arrangement)}${previous === null ? '' : `; was ${describeArrangement(previous)}`}`;
      return c.json(await store.programme.saveHolidayArrangement(arrangement, programmeAudit(c, 'calendar.holidays', `calendar:${year}`, details)));
    })
    .delete('/holidays/:year', signedIn(deps, 'admin'), async (c) => {
      const year = yearParam(c.req.param('year'));
      await assertYearsOpen(store.programme, year);
      const existing = await store.programme.holidayArrangement(year);
      if (!existing) throw notFound(`There is no holiday arrangement for ${year}`);
      await store.programme.deleteHolidayArrangement(year, programmeAudit(c, 'calendar.holidays_delete', `calendar:${year}`, `cleared: ${describeArrangement(existing)}`));
      return c.body(null, 204);
    })
    .put('/exceptions/:date', signedIn(deps, 'admin'), async (c) => {
      const date = dateParam(c.req.param('date'));
      const input = await readJson(c, calendarExceptionInputSchema);
      await assertYearsOpen(store.programme, date, ...(input.movedTo === null ? [] : [input.movedTo]));
      const saved = await store.programme.saveCalendarException(
        ({ exceptions, holidays }) => {
          const problem = checkException(date, input, exceptions, holidayLookup(holidays));
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
      await assertYearsOpen(store.programme, date);
      const existing = await store.programme.calendarException(date);
      if (!existing) throw notFound(`There is no calendar exception on ${date}`);
      await store.programme.deleteCalendarException(date, programmeAudit(c, 'calendar.exception_delete', `calendar:${date}`, `${describeException(existing)}: restored`));
      return c.body(null, 204);
    });
}
