// One person's learning log for a range, ready to show: by resource (named, with category), by
// category, raw against credited with every discount reason, and the days they studied.
import { DISCOUNT_REASONS, type DiscountReason } from '../../../shared/schemas/reports.ts';
import type { Category } from '../../../shared/schemas/domain.ts';
import type { DetailedLearningLog } from '../../../shared/schemas/log.ts';
import type { Resource } from '../../../shared/schemas/policy.ts';
import { categoryShares, type CategoryShare } from './overview.ts';
import { granularityFor, trendBuckets, type Granularity, type TrendBucket } from './trend.ts';

export interface ResourceRow {
  resourceId: string;
  /** null when the resource is unknown to the caller (deleted, or not listed). */
  name: string | null;
  category: Category | null;
  seconds: number;
}

export interface DayRow {
  date: string;
  seconds: number;
  rawSeconds: number;
}

export interface PersonLogModel {
  from: string;
  to: string;
  totalSeconds: number;
  rawSeconds: number;
  discounts: { reason: DiscountReason; seconds: number }[];
  notesCount: number;
  granularity: Granularity;
  trend: TrendBucket[];
  categories: CategoryShare[];
  resources: ResourceRow[];
  /** Only days with something sent, newest last. */
  days: DayRow[];
  isEmpty: boolean;
}

export function personLogModel(log: DetailedLearningLog, resources: readonly Resource[]): PersonLogModel {
  const byId = new Map(resources.map((r) => [r.id, r]));
  const granularity = granularityFor(log.from, log.to);
  return {
    from: log.from,
    to: log.to,
    totalSeconds: log.totalSeconds,
    rawSeconds: log.rawSeconds,
    discounts: DISCOUNT_REASONS.map((reason) => ({ reason, seconds: log.discounts[reason] ?? 0 })).filter((d) => d.seconds > 0),
    notesCount: log.notesCount,
    granularity,
    trend: trendBuckets(log.days, log.from, log.to, granularity),
    categories: categoryShares(log.byCategory),
    resources: log.byResource
      .map((r) => ({ resourceId: r.resourceId, name: byId.get(r.resourceId)?.name ?? null, category: byId.get(r.resourceId)?.category ?? null, seconds: r.seconds }))
      .sort((a, b) => b.seconds - a.seconds),
    days: log.days.filter((d) => d.seconds > 0 || d.rawSeconds > 0).sort((a, b) => (a.date < b.date ? -1 : 1)),
    isEmpty: log.rawSeconds === 0 && log.totalSeconds === 0,
  };
}
