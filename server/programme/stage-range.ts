// The dates a plan stage covers: the whole year or one quarter.
import type { PlanStage } from '../../shared/schemas/programme-plans.ts';
import { periodRange, type DateRange } from '../../shared/time/periods.ts';

export function stageRange(year: number, stage: PlanStage): DateRange {
  if (stage === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  const month = (Number(stage.slice(1)) - 1) * 3 + 1;
  return periodRange('quarter', `${year}-${String(month).padStart(2, '0')}-01`);
}

/** The stage a date falls in, for "the current plan". */
export function quarterOf(date: string): PlanStage {
  return `q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}` as PlanStage;
}
