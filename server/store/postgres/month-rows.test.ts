import { describe, expect, it } from 'vitest';
import { dayNumber, monthEndOf, monthStartOf } from '../../../shared/time/day-numbers.ts';
import { byResourcePairs, sumOfDays } from '../period-totals.ts';
import type { DayTotalRecord } from '../store-contract.ts';
import { changedMonths, type MonthRow } from './month-rows.ts';

const D = dayNumber;
const day = (date: string, credited: number, byResource: (string | number)[] = ['r1', credited]): DayTotalRecord => ({
  personId: 'p',
  day: D(date),
  rawSeconds: credited + 50,
  creditedSeconds: credited,
  overlapSeconds: 10,
  dailyCapSeconds: 20,
  outsideAllowlistSeconds: 15,
  invalidSeconds: 5,
  byResource,
});

/** The month row summed afresh from all its days, as refresh_month_totals makes it (null: no days, no row). */
function summed(month: number, days: readonly DayTotalRecord[]): MonthRow | null {
  const own = days.filter((d) => monthStartOf(d.day) === month);
  if (own.length === 0) return null;
  const sum = sumOfDays('p', month, monthEndOf(month), own);
  const dailyCredited = new Array<number>(monthEndOf(month) - month + 1).fill(0);
  for (const d of own) dailyCredited[d.day - month] = d.creditedSeconds;
  return {
    month,
    days: own.length,
    rawSeconds: sum.rawSeconds,
    creditedSeconds: sum.creditedSeconds,
    overlapSeconds: sum.overlapSeconds,
    dailyCapSeconds: sum.dailyCapSeconds,
    outsideAllowlistSeconds: sum.outsideAllowlistSeconds,
    invalidSeconds: sum.invalidSeconds,
    byResource: sum.byResource,
    dailyCredited,
  };
}

/** The rows a table would hold after applying the changes to `months`. */
function applied(months: readonly MonthRow[], changes: ReturnType<typeof changedMonths>): MonthRow[] {
  const table = new Map(months.map((m) => [m.month, m]));
  for (const m of changes.remove) table.delete(m);
  for (const m of changes.put) table.set(m.month, m);
  return [...table.values()].sort((a, b) => a.month - b.month);
}

const rowsOf = (days: readonly DayTotalRecord[]) => [...new Set(days.map((d) => monthStartOf(d.day)))].map((m) => summed(m, days)!);

describe('changedMonths', () => {
  const jan = D('2026-01-01');
  const feb = D('2026-02-01');
  const stored = [day('2026-01-05', 600), day('2026-01-20', 1200, ['r1', 200, 'r2', 1000]), day('2026-02-01', 300, ['r2', 300])];

  it('starts a month that had no row from the new day alone', () => {
    const now = day('2026-03-10', 900);
    expect(changedMonths({ months: rowsOf(stored), days: [] }, new Map([[now.day, now]]))).toEqual({ put: [summed(D('2026-03-01'), [now])], remove: [], resum: [] });
  });

  it('replaces a day that changed by its new total: the month loses the old and gains the new, other days kept', () => {
    const now = day('2026-01-20', 1500, ['r2', 1500]);
    const changes = changedMonths({ months: rowsOf(stored), days: [stored[1]!] }, new Map([[now.day, now]]));
    expect(changes).toEqual({ put: [summed(jan, [stored[0]!, now])], remove: [], resum: [] });
    // r1 is still credited on 5 January, r2 grew; the day's own slot holds its new credit.
    expect(changes.put[0]!.byResource).toEqual(['r1', 600, 'r2', 1500]);
    expect(changes.put[0]!.dailyCredited[19]).toBe(1500);
    expect(changes.put[0]!.days).toBe(2);
  });

  it('leaves a month as it was when a day is sent again with the same total', () => {
    const again = { ...stored[0]! };
    expect(changedMonths({ months: rowsOf(stored), days: [stored[0]!] }, new Map([[again.day, again]]))).toEqual({ put: [summed(jan, stored)], remove: [], resum: [] });
  });

  it('drops a resource no day of the month credits any more, and keeps one with seconds left', () => {
    const now = day('2026-01-05', 600, ['r2', 600]);
    const [row] = changedMonths({ months: rowsOf(stored), days: [stored[0]!] }, new Map([[now.day, now]])).put;
    expect(row!.byResource).toEqual(['r1', 200, 'r2', 1600]);
    const gone = day('2026-01-20', 1200, ['r2', 1200]);
    const [after] = changedMonths({ months: [row!], days: [stored[1]!] }, new Map([[gone.day, gone]])).put;
    expect(after!.byResource).toEqual(['r2', 1800]);
  });

  it('removes the row of a month whose last day is gone, and keeps a month that still has days', () => {
    const changes = changedMonths(
      { months: rowsOf(stored), days: [stored[0]!, stored[2]!] },
      new Map<number, DayTotalRecord | null>([
        [stored[0]!.day, null],
        [stored[2]!.day, null],
      ]),
    );
    expect(changes).toEqual({ put: [summed(jan, [stored[1]!])], remove: [feb], resum: [] });
  });

  it('writes nothing for a day that kept no row and still keeps none', () => {
    expect(changedMonths({ months: rowsOf(stored), days: [] }, new Map([[D('2026-04-02'), null]]))).toEqual({ put: [], remove: [], resum: [] });
  });

  it('changes several days of two months in one go', () => {
    const now = [day('2026-01-31', 100), day('2026-02-01', 50, ['r3', 50]), day('2026-02-02', 70)];
    const changes = changedMonths({ months: rowsOf(stored), days: [stored[2]!] }, new Map(now.map((d) => [d.day, d])));
    expect(applied(rowsOf(stored), changes)).toEqual([summed(jan, [...stored.slice(0, 2), now[0]!]), summed(feb, now.slice(1))]);
  });

  it('does not change the rows it is given', () => {
    const months = rowsOf(stored);
    const copy = structuredClone(months);
    const now = day('2026-01-05', 10, ['r9', 10]);
    changedMonths({ months, days: [stored[0]!] }, new Map([[now.day, now]]));
    expect(months).toEqual(copy);
  });

  it('sums afresh, rather than carrying on, a month whose stored row cannot be the sum of the days read', () => {
    const [jan1] = rowsOf([stored[0]!]);
    const gone = new Map<number, DayTotalRecord | null>(stored.slice(0, 2).map((d) => [d.day, null]));
    // The row counts one day, two are stored and both go.
    expect(changedMonths({ months: [jan1!], days: stored.slice(0, 2) }, gone)).toEqual({ put: [], remove: [], resum: [jan] });
    // No row, though a day of the month is stored (changed in place, the count would look right).
    const now = day('2026-01-05', 700);
    expect(changedMonths({ months: [], days: [stored[0]!] }, new Map([[now.day, now]]))).toEqual({ put: [], remove: [], resum: [jan] });
    // A sum that would go below 0, or a resource's seconds.
    const small = { ...summed(jan, stored.slice(0, 2))!, creditedSeconds: 100 };
    expect(changedMonths({ months: [small], days: [stored[1]!] }, new Map([[stored[1]!.day, now]])).resum).toEqual([jan]);
    const fewer = { ...summed(jan, stored.slice(0, 2))!, byResource: ['r1', 800, 'r2', 10] };
    expect(changedMonths({ months: [fewer], days: [stored[1]!] }, new Map([[stored[1]!.day, { ...stored[1]!, byResource: ['r1', 1200] }]])).resum).toEqual([jan]);
    // The other months of the same sync are changed as usual.
    const march = day('2026-03-03', 60);
    expect(changedMonths({ months: [], days: [stored[0]!] }, new Map([[now.day, now], [march.day, march]]))).toEqual({ put: [summed(D('2026-03-01'), [march])], remove: [], resum: [jan] });
  });

  it('keeps every month the sum of its days through a long run of random changes, as summing afresh gives', () => {
    // A small generator with a fixed seed, so a failure is the same at every run.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const days = new Map<number, DayTotalRecord>();
    let months: MonthRow[] = [];
    const first = D('2026-01-25');
    for (let step = 0; step < 2000; step++) {
      // One to four days near each other (a sync's days), often across a month's end; some lose their row.
      const after = new Map<number, DayTotalRecord | null>();
      const start = first + Math.floor(rnd() * 60);
      for (let k = Math.floor(rnd() * 4); k >= 0; k--) {
        const d = start + Math.floor(rnd() * 5);
        if (rnd() < 0.15) {
          after.set(d, null);
          continue;
        }
        const byResource = new Map<string, number>();
        for (const r of ['r1', 'r2', 'r3']) if (rnd() < 0.5) byResource.set(r, 1 + Math.floor(rnd() * 3000));
        const credited = [...byResource.values()].reduce((a, b) => a + b, 0);
        after.set(d, { ...day('2026-01-01', credited, byResourcePairs(byResource)), day: d, overlapSeconds: Math.floor(rnd() * 100) });
      }
      const before = { months: months.filter((m) => [...after.keys()].some((d) => monthStartOf(d) === m.month)), days: [...after.keys()].flatMap((d) => days.get(d) ?? []) };
      months = applied(months, changedMonths(before, after));
      for (const [d, t] of after) {
        if (t) days.set(d, t);
        else days.delete(d);
      }
    }
    expect(days.size).toBeGreaterThan(20);
    expect(months).toEqual(rowsOf([...days.values()]).sort((a, b) => a.month - b.month));
  });
});
