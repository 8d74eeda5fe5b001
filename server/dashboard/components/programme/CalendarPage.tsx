// The study calendar for a month: Fridays (study days), the first held Friday (exchange day), holidays
// and swapped working days, admin changes, and the sessions on each day; admins and leaders add
// sessions, admins enter the year's holidays and adjust study days.
import { useApp } from '../../app/context.ts';
import type { Calendar } from '../../../../shared/schemas/programme-calendar.ts';
import { formatMonth } from '../../models/format.ts';
import { monthFromQuery, monthGrid, monthRange, shiftMonth } from '../../models/programme/calendar-month.ts';
import { defaultSessionDate } from '../../models/programme/session-form.ts';
import { wallTime } from '../../models/programme/zoned-input.ts';
import { routePath } from '../../models/router.ts';
import { useCalendar } from '../../models/programme/report-pages.ts';
import { Link, withQuery } from '../Link.tsx';
import { Empty, Loaded } from '../States.tsx';
import { ExceptionForm } from './ExceptionForm.tsx';
import { HolidayPanel } from './HolidayPanel.tsx';
import { SessionForm } from './SessionForm.tsx';

export function CalendarPage() {
  const { api, t, locale, user, query, today, navigate } = useApp();
  const month = monthFromQuery(query, today());
  const { from, to } = monthRange(month);
  const calendar = useCalendar(api, from, to);
  const go = (delta: number) => navigate(withQuery(routePath({ name: 'calendar' }), { month: shiftMonth(month, delta) }), { replace: true });
  return (
    <article class="calendar-page" aria-labelledby="calendar-title">
      <header class="page-head">
        <h1 id="calendar-title">{t('calendar.title')}</h1>
        <div class="range-picker" role="group" aria-label={t('field.month')}>
          <button type="button" onClick={() => go(-1)} aria-label={t('calendar.previousMonth')}>
            ‹
          </button>
          <span class="range-text" aria-live="polite" data-testid="calendar-month">
            {formatMonth(from, locale)}
          </span>
          <button type="button" onClick={() => go(1)} aria-label={t('calendar.nextMonth')}>
            ›
          </button>
        </div>
      </header>
      <Loaded load={calendar}>
        {(cal) => (
          <>
            <MonthGrid month={month} calendar={cal} />
            <HolidayList calendar={cal} />
            <SessionList calendar={cal} />
            {user.role !== 'staff' && <SessionForm timeZone={cal.timeZone} defaultDate={defaultSessionDate(today(), { from, to })} onCreated={calendar.reload} />}
            {user.role === 'admin' && <ExceptionForm calendar={cal} onSaved={calendar.reload} />}
          </>
        )}
      </Loaded>
      {user.role === 'admin' && <HolidayPanel year={Number(month.slice(0, 4))} onSaved={calendar.reload} />}
    </article>
  );
}

function MonthGrid({ month, calendar }: { month: string; calendar: Calendar }) {
  const { t, locale } = useApp();
  const weeks = monthGrid(month, calendar);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return (
    <table class="month-grid">
      <caption class="sr-only">{t('calendar.title')}</caption>
      <thead>
        <tr>
          {weeks[0]!.map((c) => (
            <th key={c.date} scope="col">
              {weekday.format(new Date(`${c.date}T00:00:00Z`))}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]!.date}>
            {week.map((cell) => (
              <td
                key={cell.date}
                class={`${cell.inMonth ? '' : 'muted'} ${cell.studyDay ? `study-${cell.studyDay.kind}` : ''} ${cell.holiday ? 'holiday' : ''} ${cell.workday ? 'workday' : ''}`}
                data-date={cell.date}
              >
                <span class="day-number">{Number(cell.date.slice(8))}</span>
                {cell.holiday && <span class="holiday-label">{t('calendar.holidayLabel', { name: cell.holiday.name })}</span>}
                {cell.workday && <span class="workday-label">{t('calendar.workdayLabel')}</span>}
                {cell.studyDay && (
                  <span class="study-day-label">
                    {t(`studyDay.${cell.studyDay.kind}`)}
                    {cell.studyDay.movedFrom && <span class="muted"> · {t('calendar.movedFrom', { date: cell.studyDay.movedFrom })}</span>}
                  </span>
                )}
                {cell.sessions.map((s) => (
                  <Link key={s.id} href={routePath({ name: 'session', sessionId: s.id })} class="session-chip">
                    {wallTime(s.startsAt, calendar.timeZone)} {s.topic}
                  </Link>
                ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The month's holidays in words, for readers who do not scan the grid. */
function HolidayList({ calendar }: { calendar: Calendar }) {
  const { t } = useApp();
  if (calendar.holidays.length === 0) return null;
  const list = calendar.holidays.map((h) => `${h.name} ${h.from === h.to ? h.from : t('holidays.range', { from: h.from, to: h.to })}`).join(', ');
  return (
    <p class="holiday-list" data-testid="calendar-holidays">
      {t('calendar.holidaysOfMonth', { list })}
    </p>
  );
}

function SessionList({ calendar }: { calendar: Calendar }) {
  const { t } = useApp();
  return (
    <section class="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('calendar.sessionsList')}</h2>
      {calendar.sessions.length === 0 ? (
        <Empty title={t('calendar.noSessions')} />
      ) : (
        <table class="data compact">
          <caption class="sr-only">{t('calendar.sessionsList')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.date')}</th>
              <th scope="col">{t('session.topic')}</th>
              <th scope="col">{t('session.kind')}</th>
              <th scope="col">{t('session.place')}</th>
              <th scope="col" class="num">{t('session.creditedHours')}</th>
            </tr>
          </thead>
          <tbody>
            {calendar.sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.date} {wallTime(s.startsAt, calendar.timeZone)}–{wallTime(s.endsAt, calendar.timeZone)}
                </td>
                <th scope="row">
                  <Link href={routePath({ name: 'session', sessionId: s.id })}>{s.topic}</Link>
                </th>
                <td>{t(`sessionKind.${s.kind}`)}</td>
                <td>{s.place}</td>
                <td class="num">{s.creditedHours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
