// Readable words for a holiday arrangement: the audit log's details and the API's refusal message
// (English, as the server's messages are; the dashboard shows the problems in the reader's language).
import type { HolidayArrangement } from '../../shared/schemas/holiday-arrangement.ts';
import type { ArrangementProblem, ArrangementProblemCode } from '../programme/holiday-arrangement.ts';

/** "2026: 国庆节 2026-10-01–2026-10-07, 端午节 2026-06-19; working days 2026-09-27 (国庆节)". */
export function describeArrangement(a: Pick<HolidayArrangement, 'year' | 'holidays' | 'workdays'>): string {
  const holidays = a.holidays.map((h) => `${h.name} ${h.from === h.to ? h.from : `${h.from}–${h.to}`}`);
  const workdays = a.workdays.map((w) => (w.name === '' ? w.date : `${w.date} (${w.name})`));
  return `${a.year}: ${holidays.length === 0 ? 'no holidays' : holidays.join(', ')}; ${workdays.length === 0 ? 'no working days' : `working days ${workdays.join(', ')}`}`;
}

const WORDS: Record<ArrangementProblemCode, (p: ArrangementProblem) => string> = {
  unrecognised: () => 'no holiday ("name date 至 date") or working day ("调休上班 date") found',
  bad_date: (p) => `${p.date} is not a date`,
  outside_year: (p) => `${p.date} is not in the year`,
  too_many_dates: () => 'too many dates for one entry',
  missing_name: () => 'the holiday has no name',
  name_too_long: () => 'the name is longer than 50 characters',
  end_before_start: (p) => `the holiday ends (${p.date}) before it starts`,
  workday_not_weekend: (p) => `${p.date} is a weekday, and a swapped working day is a Saturday or Sunday`,
  overlap: (p) => `overlaps the holiday on line ${p.otherLine}`,
  workday_in_holiday: (p) => `${p.date} is inside the holiday on line ${p.otherLine}`,
  duplicate_workday: (p) => `${p.date} is on line ${p.otherLine} already`,
};

/** "line 2 (春节 2026-02-30): 2026-02-30 is not a date". */
export function describeArrangementProblem(p: ArrangementProblem): string {
  return `line ${p.line} (${p.text}): ${WORDS[p.code](p)}`;
}
