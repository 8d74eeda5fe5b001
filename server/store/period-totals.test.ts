import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { creditedByDayOf, periodTotalsFromDays, splitByMonths, sumOfDays, wholeMonthsWithin } from './period-totals.ts';
import type { DayTotalRecord } from './store-contract.ts';

const D = dayNumber;
const day = (date: string, credited: number, byResource: (string | number)[] = ['r1', credited]): DayTotalRecord => ({
  personId: 'p',
  day: D(date),
  rawSeconds: credited + 5,
  creditedSeconds: credited,
  overlapSeconds: 1,
  dailyCapSeconds: 2,
  outsideAllowlistSeconds: 1,
  invalidSeconds: 1,
  byResource,
});

describe('splitByMonths', () => {
  it('reads the months given as sums and the days around and between them one by one', () => {
    expect(splitByMonths(D('2026-01-20'), D('2026-05-10'), [D('2026-04-01'), D('2026-02-01')])).toEqual({
      months: [
        [D('2026-02-01'), D('2026-02-28')],
        [D('2026-04-01'), D('2026-04-30')],
      ],
      dayRanges: [
        [D('2026-01-20'), D('2026-01-31')],
        [D('2026-03-01'), D('2026-03-31')],
        [D('2026-05-01'), D('2026-05-10')],
      ],
    });
    expect(splitByMonths(D('2026-02-01'), D('2026-02-28'), [D('2026-02-01')])).toEqual({ months: [[D('2026-02-01'), D('2026-02-28')]], dayRanges: [] });
    expect(splitByMonths(D('2026-02-03'), D('2026-02-05'), [])).toEqual({ months: [], dayRanges: [[D('2026-02-03'), D('2026-02-05')]] });
  });

  it('refuses a month the range cuts, and a day that does not start a month', () => {
    expect(() => splitByMonths(D('2026-02-01'), D('2026-02-27'), [D('2026-02-01')])).toThrow('The month from 2026-02-01 does not lie whole within 2026-02-01–2026-02-27');
    expect(() => splitByMonths(D('2026-01-01'), D('2026-12-31'), [D('2026-02-02')])).toThrow('Day 20486 (2026-02-02) is not the first day of a month');
  });
});

describe('periodTotalsFromDays', () => {
  const days = [day('2026-01-31', 100), day('2026-02-01', 10, ['r2', 4, 'r1', 6]), day('2026-02-28', 20, ['r1', 20]), day('2026-03-01', 7)];

  it('sums each month given, every field and each resource, and leaves the other days as they are', () => {
    const totals = periodTotalsFromDays('p', days, D('2026-01-01'), D('2026-03-31'), [D('2026-02-01')]);
    expect(totals).toEqual([
      days[0],
      { personId: 'p', day: D('2026-02-01'), lastDay: D('2026-02-28'), rawSeconds: 40, creditedSeconds: 30, overlapSeconds: 2, dailyCapSeconds: 4, outsideAllowlistSeconds: 2, invalidSeconds: 2, byResource: ['r1', 26, 'r2', 4] },
      days[3],
    ]);
    // A day is handed out as it is, not copied.
    expect(totals[0]).toBe(days[0]);
    expect(sumOfDays('p', D('2026-02-01'), D('2026-02-28'), days.slice(1, 3))).toEqual(totals[1]);
  });

  it('gives a month with no days no record, and every day when no month is given', () => {
    expect(periodTotalsFromDays('p', [days[0]!, days[3]!], D('2026-01-01'), D('2026-03-31'), [D('2026-02-01')]).map((t) => t.day)).toEqual([D('2026-01-31'), D('2026-03-01')]);
    expect(periodTotalsFromDays('p', days, D('2026-01-01'), D('2026-03-31'), []).map((t) => [t.day, t.lastDay])).toEqual(days.map((d) => [d.day, undefined]));
    expect(periodTotalsFromDays('p', days, D('2026-01-01'), D('2026-03-31'), [D('2026-01-01'), D('2026-02-01'), D('2026-03-01')]).map((t) => t.creditedSeconds)).toEqual([100, 30, 7]);
  });
});

describe('wholeMonthsWithin', () => {
  it('lists the months a range holds whole, none when it holds none', () => {
    expect(wholeMonthsWithin(D('2025-12-09'), D('2026-03-31'))).toEqual([D('2026-01-01'), D('2026-02-01'), D('2026-03-01')]);
    expect(wholeMonthsWithin(D('2026-01-01'), D('2026-01-30'))).toEqual([]);
    expect(wholeMonthsWithin(D('2026-01-01'), D('2026-01-31'))).toEqual([D('2026-01-01')]);
    expect(wholeMonthsWithin(D('2026-01-02'), D('2026-02-27'))).toEqual([]);
  });
});

describe('creditedByDayOf', () => {
  it("adds up many people's credited seconds by day, leaving out days credited nothing", () => {
    expect(creditedByDayOf([[day('2026-02-01', 10), day('2026-02-02', 3), day('2026-02-03', 0)], [day('2026-02-01', 5)], []])).toEqual(
      new Map([
        [D('2026-02-01'), 15],
        [D('2026-02-02'), 3],
      ]),
    );
  });
});
