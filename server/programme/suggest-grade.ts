// The suggested learning grade for the annual assessment (年度考核). A leader confirms it or chooses
// another with a reason; the suggestion is never final on its own.
//
// The rule: each criterion gives a grade, and the suggestion is the lowest of them.
//   hours (credited / target)   ≥100% excellent   ≥80% competent   ≥60% basically   else not
//   attendance rate             ≥95%  excellent   ≥85% competent   ≥70% basically   else not
//   reports (counted vs min)    ≥min  excellent   ≥1   competent   0 basically (never "not" alone)
//   notes written in the year   ≥12   excellent   ≥6   competent   else basically (never "not" alone)
// A criterion with nothing to measure (no target, no session expected) counts as met (excellent).
import { GRADES, type Grade } from '../../shared/schemas/programme-record.ts';

export const GRADE_RULE = {
  hoursShare: [1, 0.8, 0.6],
  attendanceRate: [0.95, 0.85, 0.7],
  notes: [12, 6],
} as const;

export type Criterion = 'hours' | 'attendance' | 'reports' | 'notes';

function byThresholds(value: number, [excellent, competent, basic]: readonly number[]): Grade {
  if (value >= excellent!) return 'excellent';
  if (value >= competent!) return 'competent';
  if (basic === undefined || value >= basic) return 'basically-competent';
  return 'not-competent';
}

export function suggestGrade(input: {
  hoursShare: number | null;
  attendanceRate: number | null;
  reportsCounted: number;
  reportMin: number;
  notesCount: number;
}): { suggested: Grade; basis: { criterion: Criterion; met: Grade }[] } {
  const basis: { criterion: Criterion; met: Grade }[] = [
    { criterion: 'hours', met: input.hoursShare === null ? 'excellent' : byThresholds(input.hoursShare, GRADE_RULE.hoursShare) },
    { criterion: 'attendance', met: input.attendanceRate === null ? 'excellent' : byThresholds(input.attendanceRate, GRADE_RULE.attendanceRate) },
    {
      criterion: 'reports',
      met: input.reportsCounted >= input.reportMin ? 'excellent' : input.reportsCounted >= 1 ? 'competent' : 'basically-competent',
    },
    { criterion: 'notes', met: byThresholds(input.notesCount, GRADE_RULE.notes) },
  ];
  const suggested = GRADES[Math.max(...basis.map((b) => GRADES.indexOf(b.met)))]!;
  return { suggested, basis };
}
