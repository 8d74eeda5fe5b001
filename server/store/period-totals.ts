// A person's daily totals summed over whole calendar months (issue 19): what Store.periodTotalsOf
// answers. PostgreSQL keeps the sums (migrations/095-month-totals.sql); the embedded store adds up its
// days here. Both answer with these records, so a report gets the same sums from either.
import { dateOfDay, monthEndOf, monthStartOf } from '../../shared/time/day-numbers.ts';
import type { DayTotalRecord, PeriodTotalRecord } from './store-contract.ts';

/** A range split into the whole months to read as sums and the day ranges around them (both in day order). */
export interface MonthSplit {
  /** [first day, last day] of each month read as one sum. */
  months: [number, number][];
  /** [from, to] of each run of days read one by one. */
  dayRanges: [number, number][];
}

/**
 * [fromDay, toDay] as the months of `months` (their first days) and the days between them. Throws when
 * a month given is not a month's first day or does not lie whole within the range: the caller chose
 * the months, and a month cut by the range would count days outside it.
 */
export function splitByMonths(fromDay: number, toDay: number, months: readonly number[]): MonthSplit {
  const starts = [...new Set(months)].sort((a, b) => a - b);
  const split: MonthSplit = { months: [], dayRanges: [] };
  let next = fromDay;
  for (const start of starts) {
    const end = monthEndOf(start);
    if (monthStartOf(start) !== start) throw new Error(`Day ${start} (${dateOfDay(start)}) is not the first day of a month`);
    if (start < fromDay || end > toDay) throw new Error(`The month from ${dateOfDay(start)} does not lie whole within ${dateOfDay(fromDay)}–${dateOfDay(toDay)}`);
    if (start > next) split.dayRanges.push([next, start - 1]);
    split.months.push([start, end]);
    next = end + 1;
  }
  if (next <= toDay) split.dayRanges.push([next, toDay]);
  return split;
}

/** Credited seconds by resource, [id, seconds, …] by id as the days keep them. */
export function byResourcePairs(seconds: ReadonlyMap<string, number>): (string | number)[] {
  const pairs: (string | number)[] = [];
  for (const [id, n] of [...seconds].sort(([a], [b]) => (a < b ? -1 : 1))) pairs.push(id, n);
  return pairs;
}

/** One record summing `days` (a month's, at least one) over [day, lastDay]. */
export function sumOfDays(personId: string, day: number, lastDay: number, days: readonly DayTotalRecord[]): PeriodTotalRecord {
  const sum: PeriodTotalRecord = { personId, day, lastDay, rawSeconds: 0, creditedSeconds: 0, overlapSeconds: 0, dailyCapSeconds: 0, outsideAllowlistSeconds: 0, invalidSeconds: 0, byResource: [] };
  const byResource = new Map<string, number>();
  for (const d of days) {
    sum.rawSeconds += d.rawSeconds;
    sum.creditedSeconds += d.creditedSeconds;
    sum.overlapSeconds += d.overlapSeconds;
    sum.dailyCapSeconds += d.dailyCapSeconds;
    sum.outsideAllowlistSeconds += d.outsideAllowlistSeconds;
    sum.invalidSeconds += d.invalidSeconds;
    for (let i = 0; i < d.byResource.length; i += 2) {
      const id = d.byResource[i] as string;
      byResource.set(id, (byResource.get(id) ?? 0) + (d.byResource[i + 1] as number));
    }
  }
  sum.byResource = byResourcePairs(byResource);
  return sum;
}

/** A person's days (in day order, within [fromDay, toDay]) as Store.periodTotalsOf answers: each month of `months` summed, the other days as they are. */
/**
 * `sums`, when given, keeps each month's sum by its first day for the next call over the same days: the
 * caller owns it and drops it when the days change.
 */
export function periodTotalsFromDays(
  personId: string,
  days: readonly DayTotalRecord[],
  fromDay: number,
  toDay: number,
  months: readonly number[] | MonthSplit,
  sums?: Map<number, PeriodTotalRecord>,
): PeriodTotalRecord[] {
  // A report reads a thousand people over one range: the caller may split it once for them all.
  const split = 'dayRanges' in months ? months : splitByMonths(fromDay, toDay, months);
  const out: PeriodTotalRecord[] = [];
  let m = 0;
  let i = 0;
  while (i < days.length) {
    const month = split.months[m];
    const day = days[i]!;
    if (month && day.day > month[1]) {
      m++;
      continue;
    }
    if (month && day.day >= month[0]) {
      let j = i;
      while (j < days.length && days[j]!.day <= month[1]) j++;
      let sum = sums?.get(month[0]);
      if (sum === undefined) {
        sum = sumOfDays(personId, month[0], month[1], days.slice(i, j));
        sums?.set(month[0], sum);
      }
      out.push(sum);
      i = j;
      m++;
      continue;
    }
    out.push(day);
    i++;
  }
  return out;
}

/** The credited seconds of many people's days added up by day; a day credited nothing has no entry. */
export function creditedByDayOf(days: Iterable<readonly DayTotalRecord[]>): Map<number, number> {
  const out = new Map<number, number>();
  for (const list of days) for (const d of list) if (d.creditedSeconds > 0) out.set(d.day, (out.get(d.day) ?? 0) + d.creditedSeconds);
  return out;
}

/** The first days of the calendar months that lie whole within [fromDay, toDay]. */
export function wholeMonthsWithin(fromDay: number, toDay: number): number[] {
  const months: number[] = [];
  for (let start = monthStartOf(fromDay) === fromDay ? fromDay : monthEndOf(fromDay) + 1; monthEndOf(start) <= toDay; start = monthEndOf(start) + 1) months.push(start);
  return months;
}
