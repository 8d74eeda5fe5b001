// The organisation calendar: every Friday is a study day (周五学习日) and the month's first Friday that is
// held the study-exchange day (学习交流日); the year's holiday arrangement takes out the Fridays inside a
// holiday, and admins cancel or move single days.
//
//   Fridays in range ─ inside a holiday? ─→ dropped
//                    ─ first held Friday of the month? ─→ study-day | exchange-day ─ exceptions ─→ days, by date
//
// Precedence: an admin's exception on a Friday wins over the arrangement. A Friday inside a holiday is
// no study day, but an admin may still move it to another date (a swapped working Saturday, say), where
// it is held as an ordinary study day. A swapped working day (调休上班) is never a study day by itself.
// When the month's first Friday is a holiday, the exchange day is the month's first Friday outside a
// holiday (an admin's cancellation does not move it: an admin who wants it elsewhere moves it).
import type { CalendarException, CalendarExceptionInput, StudyDay } from '../../shared/schemas/programme-calendar.ts';
import { datesBetween } from '../../shared/time/zoned-days.ts';
import { NO_HOLIDAYS, type HolidayOn } from './holiday-arrangement.ts';

const FRIDAY = 5;
const DAY_MS = 86_400_000;

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const weekBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 7 * DAY_MS).toISOString().slice(0, 10);

/** Whether no earlier Friday of the same month is held (outside a holiday). */
function firstHeldFriday(date: string, holidayOn: HolidayOn): boolean {
  for (let d = weekBefore(date); d.slice(0, 7) === date.slice(0, 7); d = weekBefore(d)) {
    if (holidayOn(d) === null) return false;
  }
  return true;
}

/** The study day a date generates before exceptions, or null when it is not a Friday or is inside a holiday. */
export function generatedDay(date: string, holidayOn: HolidayOn = NO_HOLIDAYS): StudyDay | null {
  if (weekday(date) !== FRIDAY || holidayOn(date) !== null) return null;
  const kind = firstHeldFriday(date, holidayOn) ? 'exchange-day' : 'study-day';
  return { date, kind, movedFrom: null, note: '' };
}

/** Study days from `from` to `to` inclusive, ordered by date, with the holidays and exceptions applied. */
export function studyDays(from: string, to: string, exceptions: readonly CalendarException[], holidayOn: HolidayOn = NO_HOLIDAYS): StudyDay[] {
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  const days: StudyDay[] = [];
  for (const date of datesBetween(from, to)) {
    const day = generatedDay(date, holidayOn);
    if (day !== null && !byDate.has(date)) days.push(day);
  }
  // A day moved into the range may come from a Friday outside it; one moved out of a holiday is an ordinary study day.
  for (const e of exceptions) {
    if (e.action !== 'move' || e.movedTo === null || e.movedTo < from || e.movedTo > to || weekday(e.date) !== FRIDAY) continue;
    const kind = generatedDay(e.date, holidayOn)?.kind ?? 'study-day';
    days.push({ date: e.movedTo, kind, movedFrom: e.date, note: e.reason });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type ExceptionProblem = 'not_a_study_day' | 'target_taken';

/**
 * Whether an admin may apply the exception to `date`: only Fridays can be cancelled or moved (a Friday
 * inside a holiday too, so it can be held elsewhere), and a day cannot move onto another study day (two
 * would then share one date).
 */
export function checkException(
  date: string,
  input: Required<CalendarExceptionInput>,
  existing: readonly CalendarException[],
  holidayOn: HolidayOn = NO_HOLIDAYS,
): ExceptionProblem | null {
  if (weekday(date) !== FRIDAY) return 'not_a_study_day';
  if (input.action === 'move' && input.movedTo !== null) {
    const others = existing.filter((e) => e.date !== date);
    const target = input.movedTo;
    const targetIsLiveFriday = generatedDay(target, holidayOn) !== null && !others.some((e) => e.date === target);
    const targetHasMovedDay = others.some((e) => e.action === 'move' && e.movedTo === target);
    if (target !== date && (targetIsLiveFriday || targetHasMovedDay)) return 'target_taken';
  }
  return null;
}
