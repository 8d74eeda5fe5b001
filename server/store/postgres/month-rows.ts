// A sync's change to its person's month_totals rows (migrations/095-month-totals.sql), worked out here
// rather than summed again in the database (issue 19: re-summing a month's days cost about half of
// PostgreSQL's time per sync). A month row is the sum of its days, so when some of its days change it
// becomes: the row as it was − those days as they were + those days as they are now. Exact as long as
// the old values are the ones stored, which the person's lock in recordSync ensures: the sync reads the
// day rows and month rows it changes under that lock, and every other writer of a person's days
// (erasePerson) takes the same lock. Node does the arithmetic because server processes can be added
// and the database cannot.
import { monthEndOf, monthStartOf } from '../../../shared/time/day-numbers.ts';
import type { DayTotalRecord } from '../store-contract.ts';

/** A month_totals row as the sync reads and writes it. */
export interface MonthRow {
  /** The month's first day number. */
  month: number;
  /** How many day rows the month sums. */
  days: number;
  rawSeconds: number;
  creditedSeconds: number;
  overlapSeconds: number;
  dailyCapSeconds: number;
  outsideAllowlistSeconds: number;
  invalidSeconds: number;
  /** Credited seconds by resource id; a resource no day of the month credits has no key. */
  byResource: Record<string, number>;
  /** Credited seconds on each day of the month, its first day first. */
  dailyCredited: number[];
}

/** What to write: the rows to store (whole), and the months left with no days (their rows deleted). */
export interface MonthChanges {
  put: MonthRow[];
  remove: number[];
}

const SUMMED = ['rawSeconds', 'creditedSeconds', 'overlapSeconds', 'dailyCapSeconds', 'outsideAllowlistSeconds', 'invalidSeconds'] as const;

function emptyMonth(month: number): MonthRow {
  return {
    month,
    days: 0,
    rawSeconds: 0,
    creditedSeconds: 0,
    overlapSeconds: 0,
    dailyCapSeconds: 0,
    outsideAllowlistSeconds: 0,
    invalidSeconds: 0,
    byResource: {},
    dailyCredited: new Array<number>(monthEndOf(month) - month + 1).fill(0),
  };
}

/** Adds (sign 1) or takes away (sign −1) one day's total from its month's row. */
function apply(row: MonthRow, day: DayTotalRecord, sign: 1 | -1): void {
  row.days += sign;
  for (const key of SUMMED) row[key] += sign * day[key];
  for (let i = 0; i < day.byResource.length; i += 2) {
    const id = day.byResource[i] as string;
    const seconds = (row.byResource[id] ?? 0) + sign * (day.byResource[i + 1] as number);
    // A day keeps only resources it credits (more than 0 s), so a month's sum is 0 exactly when no day
    // of it credits the resource any more: then, as a sum made afresh, it has no key.
    if (seconds === 0) delete row.byResource[id];
    else row.byResource[id] = seconds;
  }
  row.dailyCredited[day.day - row.month] = sign === 1 ? day.creditedSeconds : 0;
}

/**
 * The month rows after the days in `after` take their new totals (null: the day keeps no row). `before`
 * holds what is stored now: the month rows of those days' months (a month with no row has no days) and
 * the day rows of those days. The rows given are not changed.
 */
export function changedMonths(
  before: { months: readonly MonthRow[]; days: readonly DayTotalRecord[] },
  after: ReadonlyMap<number, DayTotalRecord | null>,
): MonthChanges {
  const stored = new Map(before.months.map((m) => [m.month, m]));
  const oldDays = new Map(before.days.map((d) => [d.day, d]));
  const rows = new Map<number, MonthRow>();
  for (const [day, now] of after) {
    const month = monthStartOf(day);
    let row = rows.get(month);
    if (!row) {
      const kept = stored.get(month);
      row = kept ? { ...kept, byResource: { ...kept.byResource }, dailyCredited: [...kept.dailyCredited] } : emptyMonth(month);
      rows.set(month, row);
    }
    const old = oldDays.get(day);
    if (old) apply(row, old, -1);
    if (now) apply(row, now, 1);
  }
  const changes: MonthChanges = { put: [], remove: [] };
  for (const row of rows.values()) {
    if (row.days < 0) throw new Error(`month_totals for ${row.month} counts fewer days than are stored`);
    if (row.days === 0) {
      if (stored.has(row.month)) changes.remove.push(row.month);
    } else changes.put.push(row);
  }
  return changes;
}
