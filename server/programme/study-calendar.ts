// The organisation calendar: every Friday is a study day (周五学习日) and the first Friday of each month
// the study-exchange day (学习交流日); admins cancel (holidays) or move single days.
//
//   Fridays in range ─ first of month? ─→ study-day | exchange-day ─ exceptions ─→ days, by date
//
import type { CalendarException, CalendarExceptionInput, StudyDay } from '../../shared/schemas/programme-calendar.ts';
import { datesBetween } from '../../shared/time/zoned-days.ts';

const FRIDAY = 5;

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The study day a date generates before exceptions, or null when it is not a Friday. */
export function generatedDay(date: string): StudyDay | null {
  if (weekday(date) !== FRIDAY) return null;
  // The first Friday of a month falls on day 1–7.
  const kind = Number(date.slice(8, 10)) <= 7 ? 'exchange-day' : 'study-day';
  return { date, kind, movedFrom: null, note: '' };
}

/** Study days from `from` to `to` inclusive, ordered by date, with the exceptions applied. */
export function studyDays(from: string, to: string, exceptions: readonly CalendarException[]): StudyDay[] {
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  const days: StudyDay[] = [];
  for (const date of datesBetween(from, to)) {
    const day = generatedDay(date);
    if (day !== null && !byDate.has(date)) days.push(day);
  }
  // A day moved into the range may come from a Friday outside it.
  for (const e of exceptions) {
    if (e.action !== 'move' || e.movedTo === null || e.movedTo < from || e.movedTo > to) continue;
    const source = generatedDay(e.date);
    if (source) days.push({ date: e.movedTo, kind: source.kind, movedFrom: e.date, note: e.reason });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type ExceptionProblem = 'not_a_study_day' | 'target_taken';

/**
 * Whether an admin may apply the exception to `date`: only generated Fridays can be cancelled or
 * moved, and a day cannot move onto another study day (two would then share one date).
 */
export function checkException(
  date: string,
  input: Required<CalendarExceptionInput>,
  existing: readonly CalendarException[],
): ExceptionProblem | null {
  if (generatedDay(date) === null) return 'not_a_study_day';
  if (input.action === 'move' && input.movedTo !== null) {
    const others = existing.filter((e) => e.date !== date);
    const target = input.movedTo;
    const targetIsLiveFriday = generatedDay(target) !== null && !others.some((e) => e.date === target);
    const targetHasMovedDay = others.some((e) => e.action === 'move' && e.movedTo === target);
    if (target !== date && (targetIsLiveFriday || targetHasMovedDay)) return 'target_taken';
  }
  return null;
}
