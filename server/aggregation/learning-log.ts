// One person's learning log over a range of dates, from the daily totals kept on ingest (never from
// raw segments): the contract's fields, plus raw seconds, the reasons for discounted seconds and the
// notes count.
import type { DayCredit } from './split-day-seconds.ts';
import { CATEGORIES, type Category } from '../../shared/schemas/domain.ts';
import type { DetailedLearningLog } from '../../shared/schemas/log.ts';
import type { Discounts } from '../../shared/schemas/reports.ts';
import { dateOfDay, dayNumber } from '../../shared/time/day-numbers.ts';

export function emptyCategories(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

/**
 * Credited seconds by category, summed over many days' `byResource`: each resource's category is looked
 * up once, not once per day (a unit-year report adds up half a million entries).
 */
export class CategorySeconds {
  private readonly sums = new Float64Array(CATEGORIES.length);
  private readonly slotOf = new Map<string, number>();

  constructor(private readonly categoryOf: (resourceId: string) => Category | undefined) {}

  add(byResource: DayTotal['byResource']): void {
    for (let i = 0; i < byResource.length; i += 2) {
      const resourceId = byResource[i] as string;
      let slot = this.slotOf.get(resourceId);
      if (slot === undefined) this.slotOf.set(resourceId, (slot = CATEGORIES.indexOf(this.categoryOf(resourceId) ?? 'other')));
      this.sums[slot]! += byResource[i + 1] as number;
    }
  }

  result(): Record<Category, number> {
    return Object.fromEntries(CATEGORIES.map((c, i) => [c, this.sums[i]!])) as Record<Category, number>;
  }
}

export function emptyDiscounts(): Required<Discounts> {
  return { overlap: 0, daily_cap: 0, outside_allowlist: 0, invalid: 0 };
}

/** Adds a day's discounted seconds, by reason, into `into`. */
/**
 * One person's one day as the reports read it: what `split-day-seconds.ts` made of it, kept by the store
 * as its day total (store/record-schemas.ts; the store's records satisfy this shape, so aggregation/
 * never imports the store).
 */
export type DayTotal = Pick<DayCredit, 'rawSeconds' | 'creditedSeconds' | 'overlapSeconds' | 'dailyCapSeconds' | 'outsideAllowlistSeconds' | 'invalidSeconds'> & {
  day: number;
  /** Credited seconds per resource, flattened as the store keeps them: [resourceId, seconds, resourceId, seconds, ...]. */
  byResource: readonly (string | number)[];
};

export function addDiscounts(into: Required<Discounts>, day: DayTotal): void {
  into.overlap += day.overlapSeconds;
  into.daily_cap += day.dailyCapSeconds;
  into.outside_allowlist += day.outsideAllowlistSeconds;
  into.invalid += day.invalidSeconds;
}

export function learningLog(input: {
  personId: string;
  from: string;
  to: string;
  /** The person's daily totals within the range. */
  days: readonly DayTotal[];
  /** Category of a resource; resources the server no longer knows count as 'other'. */
  categoryOf: (resourceId: string) => Category | undefined;
  notesCount: number;
}): DetailedLearningLog {
  const first = dayNumber(input.from);
  const last = dayNumber(input.to);
  const credited = new Array<number>(last - first + 1).fill(0);
  const raw = new Array<number>(last - first + 1).fill(0);
  const byCategory = emptyCategories();
  const byResource = new Map<string, number>();
  const discounts = emptyDiscounts();
  let totalSeconds = 0;
  let rawSeconds = 0;
  for (const day of input.days) {
    if (day.day < first || day.day > last) continue;
    credited[day.day - first] = day.creditedSeconds;
    raw[day.day - first] = day.rawSeconds;
    totalSeconds += day.creditedSeconds;
    rawSeconds += day.rawSeconds;
    addDiscounts(discounts, day);
    for (let i = 0; i < day.byResource.length; i += 2) {
      const resourceId = day.byResource[i] as string;
      const seconds = day.byResource[i + 1] as number;
      byCategory[input.categoryOf(resourceId) ?? 'other'] += seconds;
      byResource.set(resourceId, (byResource.get(resourceId) ?? 0) + seconds);
    }
  }
  return {
    personId: input.personId,
    from: input.from,
    to: input.to,
    totalSeconds,
    rawSeconds,
    discounts,
    notesCount: input.notesCount,
    days: credited.map((seconds, i) => ({ date: dateOfDay(first + i), seconds, rawSeconds: raw[i]! })),
    byCategory,
    // Most-studied first; ties by id so the order is stable.
    byResource: [...byResource]
      .map(([resourceId, seconds]) => ({ resourceId, seconds }))
      .sort((a, b) => b.seconds - a.seconds || (a.resourceId < b.resourceId ? -1 : 1)),
  };
}
