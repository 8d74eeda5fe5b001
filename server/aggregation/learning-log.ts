// One person's learning log over a range of dates. The pipeline, one pure transform per file:
//   segments ─ union-intervals.ts ─→ runs ─ daily-totals.ts ─→ credits per day and resource ─ here ─→ log
import { CATEGORIES, type Category } from '../../shared/schemas/domain.ts';
import type { LearningLog } from '../../shared/schemas/log.ts';
import { datesBetween, nextDate, startOfDate } from '../../shared/time/zoned-days.ts';
import { dailyCredits } from './daily-totals.ts';
import { unionIntervals } from './union-intervals.ts';

export interface LoggedSegment {
  resourceId: string;
  startedAt: string;
  endedAt: string;
}

/** [start of `from`, start of the day after `to`) in the zone, in epoch milliseconds. */
export function dateRangeMs(from: string, to: string, timeZone: string): { fromMs: number; toMs: number } {
  return { fromMs: startOfDate(from, timeZone), toMs: startOfDate(nextDate(to), timeZone) };
}

export function learningLog(input: {
  personId: string;
  from: string;
  to: string;
  timeZone: string;
  segments: readonly LoggedSegment[];
  /** Category of a resource; resources the caller no longer knows count as 'other'. */
  categoryOf: (resourceId: string) => Category | undefined;
}): LearningLog {
  const { fromMs, toMs } = dateRangeMs(input.from, input.to, input.timeZone);
  const runs = unionIntervals(
    input.segments.map((s) => ({ startMs: Date.parse(s.startedAt), endMs: Date.parse(s.endedAt), resourceId: s.resourceId })),
  );
  const credits = dailyCredits(runs, input.timeZone, fromMs, toMs);

  const byDate = new Map(datesBetween(input.from, input.to).map((date) => [date, 0]));
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const byResource = new Map<string, number>();
  let totalSeconds = 0;
  for (const credit of credits) {
    totalSeconds += credit.seconds;
    byDate.set(credit.date, (byDate.get(credit.date) ?? 0) + credit.seconds);
    byCategory[input.categoryOf(credit.resourceId) ?? 'other'] += credit.seconds;
    byResource.set(credit.resourceId, (byResource.get(credit.resourceId) ?? 0) + credit.seconds);
  }

  return {
    personId: input.personId,
    from: input.from,
    to: input.to,
    totalSeconds,
    days: [...byDate].map(([date, seconds]) => ({ date, seconds })),
    byCategory,
    // Most-studied first; ties by id so the order is stable.
    byResource: [...byResource]
      .map(([resourceId, seconds]) => ({ resourceId, seconds }))
      .sort((a, b) => b.seconds - a.seconds || (a.resourceId < b.resourceId ? -1 : 1)),
  };
}
