// A sync's change to its person's month_totals rows (migrations/095-month-totals.sql), worked out here
// rather than summed again in the database (issue 19: re-summing a month's days cost about half of
// PostgreSQL's time per sync). A month row is the sum of its days, so when some of its days change it
// becomes: the row as it was − those days as they were + those days as they are now. Exact as long as
// the old values are the ones stored, which the person's lock in recordSync ensures: the sync reads the
// day rows and month rows it changes under that lock, and every other writer of a person's days
// (erasePerson) takes the same lock; a stored row that cannot be right is summed afresh instead
// (MonthChanges.resum). Node does the arithmetic because server processes can be added and the
// database cannot.
import { monthEndOf, monthStartOf } from '../../../shared/time/day-numbers.ts';
import { byResourcePairs } from '../period-totals.ts';
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
  /** Credited seconds by resource, [id, seconds, …] by id as the days keep them (migration 097); a
   *  resource no day of the month credits is absent. */
  byResource: readonly (string | number)[];
  /** Credited seconds on each day of the month, its first day first. */
  dailyCredited: number[];
}

function resourceMap(pairs: readonly (string | number)[]): Map<string, number> {
  const seconds = new Map<string, number>();
  for (let i = 0; i < pairs.length; i += 2) seconds.set(pairs[i] as string, pairs[i + 1] as number);
  return seconds;
}

/**
 * What to write: the rows to store (whole), the months left with no days (their rows deleted), and the
 * months whose stored row cannot be the sum of the days read (no row though a day is stored, fewer days
 * than are stored, a sum below 0): those are summed afresh from their days instead, so a row left wrong
 * by something else (a server from before the monthly sums) is mended rather than carried on or made to
 * fail every sync of the person.
 */
export interface MonthChanges {
  put: MonthRow[];
  remove: number[];
  resum: number[];
}

/** A row being worked on: its resources in a map for the arithmetic. */
type WorkingRow = Omit<MonthRow, 'byResource'> & { byResource: Map<string, number> };

const SUMMED = ['rawSeconds', 'creditedSeconds', 'overlapSeconds', 'dailyCapSeconds', 'outsideAllowlistSeconds', 'invalidSeconds'] as const;

function emptyMonth(month: number): WorkingRow {
  return {
    month,
    days: 0,
    rawSeconds: 0,
    creditedSeconds: 0,
    overlapSeconds: 0,
    dailyCapSeconds: 0,
    outsideAllowlistSeconds: 0,
    invalidSeconds: 0,
    byResource: new Map(),
    dailyCredited: new Array<number>(monthEndOf(month) - month + 1).fill(0),
  };
}

/** Adds (sign 1) or takes away (sign −1) one day's total from its month's row. */
function apply(row: WorkingRow, day: DayTotalRecord, sign: 1 | -1): void {
  row.days += sign;
  for (const key of SUMMED) row[key] += sign * day[key];
  for (let i = 0; i < day.byResource.length; i += 2) {
    const id = day.byResource[i] as string;
    const seconds = (row.byResource.get(id) ?? 0) + sign * (day.byResource[i + 1] as number);
    // A day keeps only resources it credits (more than 0 s), so a month's sum is 0 exactly when no day
    // of it credits the resource any more: then, as a sum made afresh, it does not name it.
    if (seconds === 0) row.byResource.delete(id);
    else row.byResource.set(id, seconds);
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
  const rows = new Map<number, WorkingRow>();
  /** How many of each month's days the sync replaces are stored: its row must count at least those. */
  const replaced = new Map<number, number>();
  for (const [day, now] of after) {
    const month = monthStartOf(day);
    let row = rows.get(month);
    if (!row) {
      const kept = stored.get(month);
      row = kept ? { ...kept, byResource: resourceMap(kept.byResource), dailyCredited: [...kept.dailyCredited] } : emptyMonth(month);
      rows.set(month, row);
    }
    const old = oldDays.get(day);
    if (old) {
      replaced.set(month, (replaced.get(month) ?? 0) + 1);
      apply(row, old, -1);
    }
    if (now) apply(row, now, 1);
  }
  const changes: MonthChanges = { put: [], remove: [], resum: [] };
  for (const row of rows.values()) {
    if ((stored.get(row.month)?.days ?? 0) < (replaced.get(row.month) ?? 0) || SUMMED.some((key) => row[key] < 0) || [...row.byResource.values()].some((seconds) => seconds < 0)) {
      changes.resum.push(row.month);
    } else if (row.days === 0) {
      if (stored.has(row.month)) changes.remove.push(row.month);
    } else changes.put.push({ ...row, byResource: byResourcePairs(row.byResource) });
  }
  return changes;
}
