// The overview of one unit for one range, from the server's unit summary: totals against target, the
// trend, the split by category, and the people below target with their gap. Never a ranking: people
// stay in the server's name order.
import { CATEGORIES, type Category } from '../../../shared/schemas/domain.ts';
import type { PersonSummary, UnitSummary } from '../../../shared/schemas/reports.ts';
import { trendBuckets, granularityFor, type Granularity, type TrendBucket } from './trend.ts';

export interface CategoryShare {
  category: Category;
  seconds: number;
  /** 0..1 of the unit's credited seconds; 0 when nothing was credited. */
  share: number;
}

export interface OverviewModel {
  from: string;
  to: string;
  peopleCount: number;
  totalSeconds: number;
  rawSeconds: number;
  targetSeconds: number;
  /** Credited over target (0..n); null when there is no target to compare with. */
  progress: number | null;
  notesCount: number;
  granularity: Granularity;
  trend: TrendBucket[];
  categories: CategoryShare[];
  belowTarget: PersonSummary[];
  people: PersonSummary[];
  isEmpty: boolean;
}

export function categoryShares(byCategory: Partial<Record<Category, number>>): CategoryShare[] {
  const total = CATEGORIES.reduce((sum, c) => sum + (byCategory[c] ?? 0), 0);
  return CATEGORIES.map((category) => {
    const seconds = byCategory[category] ?? 0;
    return { category, seconds, share: total === 0 ? 0 : seconds / total };
  });
}

export function overviewModel(summary: UnitSummary): OverviewModel {
  const granularity = granularityFor(summary.from, summary.to);
  return {
    from: summary.from,
    to: summary.to,
    peopleCount: summary.people.length,
    totalSeconds: summary.totalSeconds,
    rawSeconds: summary.rawSeconds,
    targetSeconds: summary.targetSeconds,
    progress: summary.targetSeconds === 0 ? null : summary.totalSeconds / summary.targetSeconds,
    notesCount: summary.notesCount,
    granularity,
    trend: trendBuckets(summary.days, summary.from, summary.to, granularity),
    categories: categoryShares(summary.byCategory),
    belowTarget: summary.belowTarget,
    people: summary.people,
    isEmpty: summary.people.length === 0,
  };
}

/** Average target per bucket for the trend's reference line: the range's target spread evenly over its days. */
export function bucketTargetSeconds(model: OverviewModel, bucket: TrendBucket): number {
  const rangeDays = Math.round((Date.parse(model.to) - Date.parse(model.from)) / 86_400_000) + 1;
  const bucketDays = Math.round((Date.parse(bucket.end) - Date.parse(bucket.start)) / 86_400_000) + 1;
  return (model.targetSeconds * bucketDays) / rangeDays;
}
