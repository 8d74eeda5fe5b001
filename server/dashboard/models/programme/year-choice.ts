// The year (and plan stage) a programme page shows, kept in the URL query so it can be bookmarked.
import { PLAN_STAGES, type PlanStage } from '../../../../shared/schemas/programme-plans.ts';

export function yearFromQuery(query: URLSearchParams, today: string): number {
  const y = Number(query.get('year'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number(today.slice(0, 4));
}

export function stageFromQuery(query: URLSearchParams): PlanStage {
  const s = query.get('stage');
  return (PLAN_STAGES as readonly string[]).includes(s ?? '') ? (s as PlanStage) : 'year';
}

/** The previous year, this one and the next, for a year picker. */
export function yearOptions(year: number, today: string): number[] {
  const current = Number(today.slice(0, 4));
  return [...new Set([current - 2, current - 1, current, current + 1, year])].sort((a, b) => a - b);
}
