// A year's holiday arrangement (放假安排): parsed from the text a clerk pastes, checked, written back as
// text, and looked up by date for the study calendar.
//
//   text ─ lines ─ normalise (NFKC, dashes, (注释) dropped) ─ dates found ─→ holiday | swapped working day
//        ─ each line checked (real date, in the year, from ≤ to, weekend) ─ lines checked together
//          (no two holidays overlap, no working day inside a holiday or twice) ─→ entries + every problem
//
// The format, one entry a line (blank lines and lines starting with # are skipped):
//   国庆节 2026-10-01 至 2026-10-08      a holiday: its name, then one date or two (a range)
//   春节：2月15日至23日                  the year may be left out (the arrangement's year), and the month of
//                                        the end; 2026/10/01, 2026.10.01 and 2026年10月1日 work too
//   调休上班 2026-09-27 国庆节           a swapped working day: 调休上班, 上班, 补班 or "workday" anywhere on
//   2026-10-10 上班                      the line (or 调休 at its start), one date, the rest of the line its
//                                        (optional) name
// Between two dates: 至, 到, ~ or any dash (ASCII, full-width, en, em); text in brackets (（周四）) and
// after the last date of a holiday (放假, 共8天) is ignored. Every date must lie in the arrangement's year:
// a holiday across New Year is entered in each year's arrangement for its own days.
//
// How the study calendar uses it (study-calendar.ts): a Friday inside a holiday is no study day, and a
// swapped working day is not one either (the programme is 周五学习日; an admin who wants a study day on a
// working Saturday moves the Friday there explicitly).
import type { Holiday, HolidayArrangement, SwappedWorkday } from '../../shared/schemas/holiday-arrangement.ts';

export const ARRANGEMENT_PROBLEMS = [
  /** No date, or dates in no shape this format knows. */
  'unrecognised',
  /** A date that does not exist (2026-02-30). */
  'bad_date',
  'outside_year',
  'too_many_dates',
  'missing_name',
  'name_too_long',
  'end_before_start',
  'workday_not_weekend',
  /** Cross-line: the holiday overlaps the one on `otherLine`. */
  'overlap',
  /** Cross-line: the working day falls inside the holiday on `otherLine`. */
  'workday_in_holiday',
  /** Cross-line: the same working day is on `otherLine` already. */
  'duplicate_workday',
] as const;
export type ArrangementProblemCode = (typeof ARRANGEMENT_PROBLEMS)[number];

export interface ArrangementProblem {
  /** 1-based, as the clerk counts lines in the text box. */
  line: number;
  code: ArrangementProblemCode;
  /** The line as typed. */
  text: string;
  /** The offending date, as typed or resolved, when there is one. */
  date?: string;
  otherLine?: number;
}

export type LinedHoliday = Holiday & { line: number };
export type LinedWorkday = SwappedWorkday & { line: number };

/** Every line that parsed, and every problem: the arrangement may be saved only when `problems` is empty. */
export interface ParsedArrangement {
  holidays: LinedHoliday[];
  workdays: LinedWorkday[];
  problems: ArrangementProblem[];
}

const MAX_NAME = 50;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
const BRACKETED = /\([^)]*\)|\[[^\]]*\]|【[^】]*】/g;
// A full date (2026-10-01, 2026/10/1, 2026.10.01, 2026年10月1日), a month and day (10月1日) or a day (8日).
const DATE = /(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)|(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{1,2})\s*日/g;
// 调休 alone names a working day only at the start: "…放假调休" ends many holiday lines.
const WORK = /调休上班|^调休|补班|上班|working\s*day|workday/i;
const RANGE_BETWEEN = /^(?:至|到|~|-+)?$/;
// What separates a name from its dates, and a working day's keyword from its name.
const PUNCTUATION = /^[\s:,，、。;；]+|[\s:,，、。;；]+$/g;

interface DateToken {
  index: number;
  length: number;
  typed: string;
  year: number | null;
  month: number | null;
  day: number;
}

function dateTokens(line: string): DateToken[] {
  return [...line.matchAll(DATE)].map((m) => {
    const [typed, y, m1, d1, m2, d2, m3, d3, d4] = m;
    const year = y === undefined ? null : Number(y);
    const month = m1 ?? m2 ?? m3;
    return { index: m.index, length: typed.length, typed, year, month: month === undefined ? null : Number(month), day: Number(d1 ?? d2 ?? d3 ?? d4) };
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO date, or null when no such day exists. */
function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const cleanName = (s: string) => s.replace(/\s+/g, ' ').replace(PUNCTUATION, '');

type LineResult = { kind: 'holiday'; holiday: Holiday } | { kind: 'workday'; workday: SwappedWorkday } | { kind: 'problem'; code: ArrangementProblemCode; date?: string };

/** One line, checked on its own. `raw` has been normalised. */
function parseLine(raw: string, year: number): LineResult {
  const line = raw.replace(DASHES, '-').replace(BRACKETED, ' ');
  const tokens = dateTokens(line);
  if (tokens.length === 0) return { kind: 'problem', code: 'unrecognised' };
  // A day alone (8日) only ends a range: it takes the year and month of the date before it.
  if (tokens[0]!.month === null) return { kind: 'problem', code: 'unrecognised' };
  const resolve = (t: DateToken, before: { year: number; month: number } | null): LineResult | string => {
    const y = t.year ?? before?.year ?? year;
    const m = t.month ?? before!.month;
    const date = isoDate(y, m, t.day);
    if (date === null) return { kind: 'problem', code: 'bad_date', date: t.typed.trim() };
    if (y !== year) return { kind: 'problem', code: 'outside_year', date };
    return date;
  };
  const first = resolve(tokens[0]!, null);
  if (typeof first !== 'string') return first;
  const before = line.slice(0, tokens[0]!.index);
  const after = line.slice(tokens[tokens.length - 1]!.index + tokens[tokens.length - 1]!.length);

  if (WORK.test(line)) {
    if (tokens.length > 1) return { kind: 'problem', code: 'too_many_dates' };
    const name = cleanName(`${before} ${after}`.replace(WORK, ' '));
    if (name.length > MAX_NAME) return { kind: 'problem', code: 'name_too_long' };
    const day = weekday(first);
    if (day !== 0 && day !== 6) return { kind: 'problem', code: 'workday_not_weekend', date: first };
    return { kind: 'workday', workday: { date: first, name } };
  }

  if (tokens.length > 2) return { kind: 'problem', code: 'too_many_dates' };
  const name = cleanName(before);
  if (name === '') return { kind: 'problem', code: 'missing_name' };
  if (name.length > MAX_NAME) return { kind: 'problem', code: 'name_too_long' };
  if (tokens.length === 1) return { kind: 'holiday', holiday: { name, from: first, to: first } };
  const between = line.slice(tokens[0]!.index + tokens[0]!.length, tokens[1]!.index).replace(/\s+/g, '');
  if (!RANGE_BETWEEN.test(between)) return { kind: 'problem', code: 'unrecognised' };
  const firstParts = { year: Number(first.slice(0, 4)), month: Number(first.slice(5, 7)) };
  const last = resolve(tokens[1]!, firstParts);
  if (typeof last !== 'string') return last;
  if (last < first) return { kind: 'problem', code: 'end_before_start', date: last };
  return { kind: 'holiday', holiday: { name, from: first, to: last } };
}

/** Parses and checks the whole text, reporting every bad line at once. */
export function parseArrangement(text: string, year: number): ParsedArrangement {
  const result: ParsedArrangement = { holidays: [], workdays: [], problems: [] };
  text.split(/\r\n|\r|\n/).forEach((typed, i) => {
    const normalised = typed.normalize('NFKC').trim();
    if (normalised === '' || normalised.startsWith('#')) return;
    const line = i + 1;
    const parsed = parseLine(normalised, year);
    if (parsed.kind === 'holiday') result.holidays.push({ ...parsed.holiday, line });
    else if (parsed.kind === 'workday') result.workdays.push({ ...parsed.workday, line });
    else result.problems.push({ line, code: parsed.code, text: typed.trim(), ...(parsed.date === undefined ? {} : { date: parsed.date }) });
  });

  const typedOn = (line: number) => text.split(/\r\n|\r|\n/)[line - 1]!.trim();
  // Each later line is reported against the first earlier one it collides with.
  result.holidays.forEach((h, i) => {
    const other = result.holidays.slice(0, i).find((o) => o.from <= h.to && h.from <= o.to);
    if (other) result.problems.push({ line: h.line, code: 'overlap', text: typedOn(h.line), otherLine: other.line });
  });
  result.workdays.forEach((w, i) => {
    const holiday = result.holidays.find((h) => h.from <= w.date && w.date <= h.to);
    if (holiday) {
      result.problems.push({ line: w.line, code: 'workday_in_holiday', text: typedOn(w.line), date: w.date, otherLine: holiday.line });
      return;
    }
    const twin = result.workdays.slice(0, i).find((o) => o.date === w.date);
    if (twin) result.problems.push({ line: w.line, code: 'duplicate_workday', text: typedOn(w.line), date: w.date, otherLine: twin.line });
  });

  result.problems.sort((a, b) => a.line - b.line);
  const byDate = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  result.holidays.sort(byDate((h) => h.from));
  result.workdays.sort(byDate((w) => w.date));
  return result;
}

/** The arrangement as text in the format above, by date: what the admin panel starts from. */
export function formatArrangement(arrangement: Pick<HolidayArrangement, 'holidays' | 'workdays'>): string {
  const lines = [
    ...arrangement.holidays.map((h) => ({ date: h.from, text: h.from === h.to ? `${h.name} ${h.from}` : `${h.name} ${h.from} 至 ${h.to}` })),
    ...arrangement.workdays.map((w) => ({ date: w.date, text: `调休上班 ${w.date}${w.name === '' ? '' : ` ${w.name}`}` })),
  ];
  return lines
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((l) => l.text)
    .join('\n');
}

/** The holiday a date falls in, or null. */
export type HolidayOn = (date: string) => Holiday | null;

export const NO_HOLIDAYS: HolidayOn = () => null;

/** Looks dates up in the saved arrangements (of any years). */
export function holidayLookup(arrangements: readonly Pick<HolidayArrangement, 'holidays'>[]): HolidayOn {
  const holidays = arrangements.flatMap((a) => a.holidays);
  return (date) => holidays.find((h) => h.from <= date && date <= h.to) ?? null;
}

/** The holidays and swapped working days of the arrangements that touch `from`–`to`, for the calendar view. */
export function arrangementIn(
  arrangements: readonly Pick<HolidayArrangement, 'holidays' | 'workdays'>[],
  from: string,
  to: string,
): { holidays: Holiday[]; workdays: SwappedWorkday[] } {
  return {
    holidays: arrangements.flatMap((a) => a.holidays).filter((h) => h.from <= to && from <= h.to).sort((a, b) => (a.from < b.from ? -1 : 1)),
    workdays: arrangements.flatMap((a) => a.workdays).filter((w) => from <= w.date && w.date <= to).sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
}
