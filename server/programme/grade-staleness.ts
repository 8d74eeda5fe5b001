// A grade decision is made on figures: the suggestion and what it rests on (hours against the target,
// attendance rate, reports counted, notes). When any of them differs afterwards, the decision is stale
// and the leader is asked to reconfirm; a decision stored before the figures were kept is never stale.
import type { AnnualRecord, DecisionFigures, GradeDecision } from '../../shared/schemas/programme-record.ts';

/** Rounded as shown, so a change too small to see never marks a decision stale. */
const shown = (value: number | null, places: number) => (value === null ? null : Math.round(value * 10 ** places) / 10 ** places);

export function decisionFigures(record: Pick<AnnualRecord, 'hours' | 'attendance' | 'research' | 'notes'> & { grade: { suggested: AnnualRecord['grade']['suggested'] } }): DecisionFigures {
  return {
    suggested: record.grade.suggested,
    totalHours: shown(record.hours.totalHours, 1)!,
    targetHours: shown(record.hours.targetHours, 1)!,
    attendanceRate: shown(record.attendance.rate, 3),
    reportsCounted: record.research.reportsCounted,
    notesCount: record.notes.count,
  };
}

/** The figures that differ now from those the decision was made on (empty: still current). */
export function staleFigures(decision: GradeDecision | null, now: DecisionFigures): (keyof DecisionFigures)[] {
  if (decision === null || decision.figures === null) return [];
  const then = decision.figures;
  return (Object.keys(now) as (keyof DecisionFigures)[]).filter((k) => then[k] !== now[k]);
}
