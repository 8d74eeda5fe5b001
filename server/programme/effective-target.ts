// The one hour target every screen and export measures against: the person's own plan, else the
// nearest unit's defaults, else the organisation's annual target (a missing plan is never a target
// of 0), pro-rated to the days of the range that have happened while the person belonged (the range
// clipped at today, at their first day and, once they have left, at their last). The gap is counted in the tenths of an hour it is shown
// in, so "behind" is exactly a shown gap above 0.0.
import type { TargetBasis } from '../../shared/schemas/figures.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { daysInRange, proRatedTargetSeconds, type DateRange } from '../../shared/time/periods.ts';

export type TargetSource = 'plan' | 'unit' | 'organisation';

/** A target of `totalHours` over a stage (`period`), or per calendar year (`period` null). */
export interface TargetCandidate {
  totalHours: number | null;
  period: DateRange | null;
}

export interface EffectiveTarget {
  source: TargetSource;
  /** The hours set, over `period` (null: per calendar year). */
  totalHours: number;
  period: DateRange | null;
  /** The part of the range the target is due for (clipped at today and the first day), or null if none. */
  dueRange: DateRange | null;
  /** The target due for the range, in whole tenths of an hour (as seconds). */
  targetSeconds: number;
}

const TENTH_SECONDS = 360;
const toTenth = (seconds: number) => Math.round(seconds / TENTH_SECONDS) * TENTH_SECONDS;
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

export function effectiveTarget(input: {
  personal: TargetCandidate | null;
  /** The nearest unit's defaults that set a target, if any. */
  unit: TargetCandidate | null;
  organisationAnnualHours: number;
  range: DateRange;
  today: string;
  /** The person's first day in the organisation (membership history), or null if unknown. */
  firstDay: string | null;
  /** Their last day, when they have left; null while they belong. */
  lastDay?: string | null;
}): EffectiveTarget {
  const chosen: { source: TargetSource; candidate: TargetCandidate } =
    input.personal?.totalHours != null
      ? { source: 'plan', candidate: input.personal }
      : input.unit?.totalHours != null
        ? { source: 'unit', candidate: input.unit }
        : { source: 'organisation', candidate: { totalHours: input.organisationAnnualHours, period: null } };
  const totalHours = chosen.candidate.totalHours!;
  const period = chosen.candidate.period;
  const from = later(input.range.from, input.firstDay ?? input.range.from);
  const to = earlier(earlier(input.range.to, input.today), input.lastDay ?? input.today);
  const dueRange = from <= to ? { from, to } : null;
  return { source: chosen.source, totalHours, period, dueRange, targetSeconds: toTenth(dueSeconds(totalHours * 3600, period, dueRange)) };
}

function dueSeconds(totalSeconds: number, period: DateRange | null, due: DateRange | null): number {
  if (due === null) return 0;
  if (period === null) return proRatedTargetSeconds(totalSeconds, due);
  const from = later(due.from, period.from);
  const to = earlier(due.to, period.to);
  if (from > to) return 0;
  return (totalSeconds * (dayNumber(to) - dayNumber(from) + 1)) / daysInRange(period);
}

/** The target's basis as the API sends it beside the figure. */
export function targetBasis(target: EffectiveTarget): TargetBasis {
  return { source: target.source, setHours: target.totalHours, dueFrom: target.dueRange?.from ?? null, dueTo: target.dueRange?.to ?? null };
}

/** How far below target, in whole tenths of an hour (0 when on or above): behind means above 0. */
export function targetGapSeconds(targetSeconds: number, creditedSeconds: number): number {
  return Math.max(0, toTenth(targetSeconds - creditedSeconds));
}
