// A month of the study calendar as a grid of weeks (Monday first, as the office's calendar is), each
// day with its study-day kind, the holiday or swapped working day it is, and the sessions held on it;
// and moving between months in the URL.
import type { Holiday, SwappedWorkday } from '../../../../shared/schemas/holiday-arrangement.ts';
import type { Calendar, Session, StudyDay } from '../../../../shared/schemas/programme-calendar.ts';
import { datesBetween } from '../../../../shared/time/zoned-days.ts';

export interface CalendarCell {
  date: string;
  inMonth: boolean;
  studyDay: StudyDay | null;
  /** The holiday the day falls in, from the year's arrangement. */
  holiday: Holiday | null;
  /** Set when the day is a swapped working day (调休上班). */
  workday: SwappedWorkday | null;
  sessions: Session[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` from the query, else the month of today. */
export function monthFromQuery(query: URLSearchParams, today: string): string {
  const m = query.get('month');
  return m !== null && MONTH.test(m) ? m : today.slice(0, 7);
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The weeks covering the month, padded to whole weeks with the neighbouring months' days. */
export function monthGrid(month: string, calendar: Pick<Calendar, 'days' | 'sessions' | 'holidays' | 'workdays'>): CalendarCell[][] {
  const { days, sessions, holidays, workdays } = calendar;
  const { from, to } = monthRange(month);
  const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const start = addDays(from, -weekday(from));
  const end = addDays(to, 6 - weekday(to));
  const dayOf = new Map(days.map((d) => [d.date, d]));
  const cells = datesBetween(start, end).map((date) => ({
    date,
    inMonth: date >= from && date <= to,
    studyDay: dayOf.get(date) ?? null,
    holiday: holidays.find((h) => h.from <= date && date <= h.to) ?? null,
    workday: workdays.find((w) => w.date === date) ?? null,
    sessions: sessions.filter((s) => s.date === date).sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1)),
  }));
  const weeks: CalendarCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
