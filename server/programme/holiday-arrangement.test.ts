import { describe, expect, it } from 'vitest';
import { arrangementIn, formatArrangement, holidayLookup, parseArrangement, type ArrangementProblem } from './holiday-arrangement.ts';

// A 2026 arrangement as a clerk would paste it (the dates are this test's, not the State Council's).
const ARRANGEMENT_2026 = [
  '元旦 2026-01-01 至 2026-01-03',
  '调休上班 2026-01-04 元旦',
  '春节：2月15日至23日',
  '调休上班 2026-02-14',
  '调休上班 2026-02-28',
  '清明节 2026-04-04 至 2026-04-06',
  '劳动节 2026-05-01 至 2026-05-05',
  '2026-05-09 上班',
  '中秋节 2026-09-25 至 2026-09-27',
  '国庆节 2026-10-01 至 2026-10-07',
  '调休上班 2026-09-20 国庆节',
  '调休上班 2026-10-10 国庆节',
].join('\n');

const problems = (text: string, year = 2026) => parseArrangement(text, year).problems.map((p: ArrangementProblem) => [p.line, p.code]);

describe('parseArrangement', () => {
  it('reads a year of holidays and swapped working days, ordered by date', () => {
    const parsed = parseArrangement(ARRANGEMENT_2026, 2026);
    expect(parsed.problems).toEqual([]);
    expect(parsed.holidays.map((h) => [h.name, h.from, h.to, h.line])).toEqual([
      ['元旦', '2026-01-01', '2026-01-03', 1],
      ['春节', '2026-02-15', '2026-02-23', 3],
      ['清明节', '2026-04-04', '2026-04-06', 6],
      ['劳动节', '2026-05-01', '2026-05-05', 7],
      ['中秋节', '2026-09-25', '2026-09-27', 9],
      ['国庆节', '2026-10-01', '2026-10-07', 10],
    ]);
    expect(parsed.workdays.map((w) => [w.date, w.name, w.line])).toEqual([
      ['2026-01-04', '元旦', 2],
      ['2026-02-14', '', 4],
      ['2026-02-28', '', 5],
      ['2026-05-09', '', 8],
      ['2026-09-20', '国庆节', 11],
      ['2026-10-10', '国庆节', 12],
    ]);
  });

  it.each([
    ['ISO dates and 至', '国庆节 2026-10-01 至 2026-10-07'],
    ['到', '国庆节 2026-10-01到2026-10-07'],
    ['an ASCII dash', '国庆节 2026-10-01 - 2026-10-07'],
    ['a dash with no spaces', '国庆节 2026-10-01-2026-10-07'],
    ['an en dash', '国庆节 2026-10-01–2026-10-07'],
    ['an em dash', '国庆节 2026-10-01 — 2026-10-07'],
    ['a double em dash', '国庆节 2026-10-01——2026-10-07'],
    ['a full-width dash inside the dates', '国庆节 2026－10－01 － 2026－10－07'],
    ['a tilde', '国庆节 2026-10-01 ~ 2026-10-07'],
    ['a full-width tilde', '国庆节 2026-10-01～2026-10-07'],
    ['slashes', '国庆节 2026/10/1 至 2026/10/7'],
    ['dots', '国庆节 2026.10.01 至 2026.10.07'],
    ['Chinese dates', '国庆节 2026年10月1日至2026年10月7日'],
    ['the year left out', '国庆节 10月1日至10月7日'],
    ['the month of the end left out', '国庆节：10月1日至7日'],
    ['full-width digits, a colon and weekdays in brackets', '国庆节：１０月１日（周四）至７日（周三）放假调休，共7天。'],
    ['an ideographic space and a trailing remark', '　国庆节　2026-10-01　至　2026-10-07　放假'],
  ])('reads a holiday written with %s', (_label, line) => {
    expect(parseArrangement(line, 2026)).toEqual({ holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-07', line: 1 }], workdays: [], problems: [] });
  });

  it('reads 调休 at the end of a holiday line as part of the holiday, not as a working day', () => {
    expect(parseArrangement('国庆节 10月1日至8日放假调休', 2026).holidays).toEqual([{ name: '国庆节', from: '2026-10-01', to: '2026-10-08', line: 1 }]);
  });

  it('reads a one-day holiday', () => {
    expect(parseArrangement('端午节 2026-06-19', 2026).holidays).toEqual([{ name: '端午节', from: '2026-06-19', to: '2026-06-19', line: 1 }]);
  });

  it('reads a range whose end lies in a later month', () => {
    expect(parseArrangement('春节 1月31日至2月6日', 2026).holidays).toEqual([{ name: '春节', from: '2026-01-31', to: '2026-02-06', line: 1 }]);
  });

  it.each([
    ['调休上班 2026-09-20 国庆节', '国庆节'],
    ['调休上班：9月20日（周日）', ''],
    ['补班 2026-09-20', ''],
    ['上班 2026/9/20 国庆节', '国庆节'],
    ['国庆节调休上班 2026-09-20', '国庆节'],
    ['2026-09-20 上班', ''],
    ['9月20日（周日）上班。', ''],
    ['workday 2026-09-20 National Day', 'National Day'],
    ['调休 2026-09-20 国庆节', '国庆节'],
  ])('reads the swapped working day %s', (line, name) => {
    expect(parseArrangement(line, 2026)).toEqual({ holidays: [], workdays: [{ date: '2026-09-20', name, line: 1 }], problems: [] });
  });

  it('skips blank lines and # comments but counts them in line numbers', () => {
    const parsed = parseArrangement('# 2026年放假安排\n\n国庆节 2026-10-01 至 2026-10-07\r\n   \n2026-13-01 上班', 2026);
    expect(parsed.holidays.map((h) => h.line)).toEqual([3]);
    expect(parsed.problems.map((p) => [p.line, p.code])).toEqual([[5, 'bad_date']]);
  });

  it('reads nothing from an empty text, and that is no problem', () => {
    expect(parseArrangement('', 2026)).toEqual({ holidays: [], workdays: [], problems: [] });
  });

  it.each([
    ['no date at all', '国庆节放假', 'unrecognised'],
    ['a date in no known shape', '国庆节 10/01', 'unrecognised'],
    ['a day alone', '国庆节 1日至7日', 'unrecognised'],
    ['words between the dates', '国庆节 2026-10-01 以及 2026-10-07', 'unrecognised'],
    ['a day that does not exist', '春节 2026-02-30', 'bad_date'],
    ['a thirteenth month', '春节 2026-13-01', 'bad_date'],
    ['an end that does not exist', '春节 2026-02-25 至 30日', 'bad_date'],
    ['a date in another year', '元旦 2025-12-31 至 2026-01-01', 'outside_year'],
    ['an end in another year', '元旦 2026-12-31 至 2027-01-01', 'outside_year'],
    ['a working day in another year', '调休上班 2027-01-02', 'outside_year'],
    ['three dates', '国庆节 2026-10-01 至 2026-10-07 2026-10-08', 'too_many_dates'],
    ['two dates on a working day', '调休上班 2026-09-20 2026-10-10', 'too_many_dates'],
    ['no name', '2026-10-01 至 2026-10-07', 'missing_name'],
    ['a name of punctuation only', '：2026-10-01 至 2026-10-07', 'missing_name'],
    ['an overlong name', `${'节'.repeat(51)} 2026-10-01`, 'name_too_long'],
    ['an overlong working-day name', `调休上班 2026-09-20 ${'节'.repeat(51)}`, 'name_too_long'],
    ['an end before the start', '国庆节 2026-10-07 至 2026-10-01', 'end_before_start'],
    ['a working day on a weekday', '调休上班 2026-09-22', 'workday_not_weekend'],
  ])('refuses %s', (_label, line, code) => {
    const parsed = parseArrangement(line, 2026);
    expect(parsed.problems.map((p) => [p.line, p.code, p.text])).toEqual([[1, code, line]]);
    expect(parsed.holidays).toEqual([]);
    expect(parsed.workdays).toEqual([]);
  });

  it('names the date that is wrong', () => {
    expect(parseArrangement('春节 2026-02-30', 2026).problems[0]?.date).toBe('2026-02-30');
    expect(parseArrangement('元旦 2025-12-31', 2026).problems[0]?.date).toBe('2025-12-31');
    expect(parseArrangement('国庆节 2026-10-07 至 2026-10-01', 2026).problems[0]?.date).toBe('2026-10-01');
    expect(parseArrangement('调休上班 2026-09-22', 2026).problems[0]?.date).toBe('2026-09-22');
  });

  it('refuses overlapping holidays, naming the earlier line', () => {
    const parsed = parseArrangement('中秋节 2026-09-25 至 2026-10-01\n国庆节 2026-10-01 至 2026-10-07\n重阳 2026-10-10', 2026);
    expect(parsed.problems).toEqual([{ line: 2, code: 'overlap', text: '国庆节 2026-10-01 至 2026-10-07', otherLine: 1 }]);
  });

  it('accepts holidays that touch without overlapping', () => {
    expect(problems('中秋节 2026-09-25 至 2026-09-30\n国庆节 2026-10-01 至 2026-10-07')).toEqual([]);
  });

  it('refuses a working day inside a holiday and the same working day twice', () => {
    const parsed = parseArrangement('国庆节 2026-10-01 至 2026-10-07\n调休上班 2026-10-03\n调休上班 2026-10-10\n补班 2026-10-10', 2026);
    expect(parsed.problems).toEqual([
      { line: 2, code: 'workday_in_holiday', text: '调休上班 2026-10-03', date: '2026-10-03', otherLine: 1 },
      { line: 4, code: 'duplicate_workday', text: '补班 2026-10-10', date: '2026-10-10', otherLine: 3 },
    ]);
  });

  it('reports every bad line at once, in line order, and keeps the good ones', () => {
    const text = ['国庆节 2026-10-01 至 2026-10-07', '春节 2026-02-30', '调休上班 2026-10-03', '放假', '劳动节 2026-05-01 至 2026-05-05'].join('\n');
    const parsed = parseArrangement(text, 2026);
    expect(parsed.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'bad_date'],
      [3, 'workday_in_holiday'],
      [4, 'unrecognised'],
    ]);
    expect(parsed.holidays.map((h) => h.name)).toEqual(['劳动节', '国庆节']);
  });
});

describe('formatArrangement', () => {
  it('writes one line an entry by date, and reads back the same', () => {
    const parsed = parseArrangement(ARRANGEMENT_2026, 2026);
    const text = formatArrangement(parsed);
    expect(text.split('\n').slice(0, 4)).toEqual(['元旦 2026-01-01 至 2026-01-03', '调休上班 2026-01-04 元旦', '调休上班 2026-02-14', '春节 2026-02-15 至 2026-02-23']);
    const again = parseArrangement(text, 2026);
    expect(again.problems).toEqual([]);
    const strip = <T extends { line: number }>(xs: T[]) => xs.map(({ line: _line, ...rest }) => rest);
    expect(strip(again.holidays)).toEqual(strip(parsed.holidays));
    expect(strip(again.workdays)).toEqual(strip(parsed.workdays));
  });

  it('writes a one-day holiday with one date', () => {
    expect(formatArrangement({ holidays: [{ name: '端午节', from: '2026-06-19', to: '2026-06-19' }], workdays: [] })).toBe('端午节 2026-06-19');
  });
});

describe('holidayLookup and arrangementIn', () => {
  const arrangement = parseArrangement(ARRANGEMENT_2026, 2026);

  it('finds the holiday a date falls in, first and last days included', () => {
    const on = holidayLookup([arrangement]);
    expect(on('2026-10-01')?.name).toBe('国庆节');
    expect(on('2026-10-07')?.name).toBe('国庆节');
    expect(on('2026-10-08')).toBeNull();
    expect(on('2026-09-20')).toBeNull();
    expect(holidayLookup([])('2026-10-01')).toBeNull();
  });

  it('lists the holidays touching a range (also those starting before it) and the working days in it', () => {
    const october = arrangementIn([arrangement], '2026-09-26', '2026-10-31');
    expect(october.holidays.map((h) => h.name)).toEqual(['中秋节', '国庆节']);
    expect(october.workdays.map((w) => w.date)).toEqual(['2026-10-10']);
    expect(arrangementIn([arrangement], '2026-03-01', '2026-03-31')).toEqual({ holidays: [], workdays: [] });
  });
});
