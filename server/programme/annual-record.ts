// One person's annual learning record (年度学习档案): plan against achieved hours by category, credit with
// its adjustments, attendance, notes (count, characters, reviewed share), research, the leader's
// remarks, and the suggested grade with its basis and any leader decision.
import type { AttendanceCounts } from '../../shared/schemas/programme-attendance.ts';
import { decisionFigures, staleFigures } from './grade-staleness.ts';
import type { AnnualRecord, GradeDecision } from '../../shared/schemas/programme-record.ts';
import { VISIT_KINDS, type FieldVisit, type ReportTarget, type ResearchReport } from '../../shared/schemas/programme-research.ts';
import type { PlanProgress } from '../../shared/schemas/programme-plans.ts';
import type { StudyHours } from './study-hours.ts';
import { targetBasis, type EffectiveTarget } from './effective-target.ts';
import { researchStanding } from './research-standing.ts';
import { suggestGrade } from './suggest-grade.ts';

export interface RecordNote {
  quote: string;
  comment: string;
  reviewed: boolean;
}

const tenth = (h: number) => Math.round(h * 10) / 10;
/** Characters as a reader counts them: one per Chinese character, including ones outside the BMP. */
const characters = (text: string) => [...text].length;

export function annualRecord(input: {
  person: { id: string; name: string; unitId: string | null };
  year: number;
  /** The year plan's progress (stage `year`), from the learning log and sessions attended. */
  progress: PlanProgress;
  /** The year's credited hours and effective target (person-figures.ts), as every other screen has them. */
  credit: StudyHours;
  target: EffectiveTarget;
  attendance: AttendanceCounts;
  notes: readonly RecordNote[];
  reports: readonly ResearchReport[];
  visits: readonly FieldVisit[];
  reportTarget: ReportTarget;
  remarks: string;
  decision: GradeDecision | null;
}): AnnualRecord {
  const { credit } = input;
  const targetHours = input.target.targetSeconds / 3600;
  const share = targetHours > 0 ? credit.totalHours / targetHours : null;
  const reviewed = input.notes.filter((n) => n.reviewed).length;
  const standing = researchStanding(input.person.id, input.year, input.reports, input.visits, input.reportTarget);
  const inYear = (date: string) => date.startsWith(`${input.year}-`);
  const grade = suggestGrade({
    hoursShare: share,
    attendanceRate: input.attendance.rate,
    reportsCounted: standing.reportsCounted,
    reportMin: input.reportTarget.min,
    notesCount: input.notes.length,
  });
  const record: AnnualRecord = {
    personId: input.person.id,
    name: input.person.name,
    unitId: input.person.unitId,
    year: input.year,
    hours: {
      targetHours,
      targetBasis: targetBasis(input.target),
      onlineSeconds: credit.onlineSeconds,
      onlineCreditedHours: credit.onlineCreditedHours,
      sessionHours: credit.sessionHours,
      totalHours: credit.totalHours,
      share,
      adjustments: credit.adjustments,
      // By category as counted (online plus sessions), before conversion and cap: those apply to the total.
      byCategory: input.progress.byCategory.map((c) => ({
        category: c.category,
        targetHours: c.targetHours,
        achievedHours: tenth(c.achievedSeconds / 3600),
      })),
    },
    reading: { total: input.progress.reading.total, done: input.progress.reading.done },
    attendance: input.attendance,
    notes: {
      count: input.notes.length,
      characters: input.notes.reduce((sum, n) => sum + characters(n.quote) + characters(n.comment), 0),
      reviewed,
      reviewedShare: input.notes.length > 0 ? reviewed / input.notes.length : null,
    },
    research: {
      target: input.reportTarget,
      reports: input.reports
        .filter((r) => r.personId === input.person.id && inYear(r.date))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .map((r) => ({ title: r.title, status: r.status, date: r.date })),
      reportsCounted: standing.reportsCounted,
      visits: VISIT_KINDS.map((kind) => ({
        kind,
        count: input.visits.filter((v) => v.personId === input.person.id && v.kind === kind && inYear(v.date)).length,
      })),
    },
    remarks: input.remarks,
    grade: { suggested: grade.suggested, basis: grade.basis, decision: input.decision, staleFigures: [] },
  };
  record.grade.staleFigures = staleFigures(input.decision, decisionFigures(record));
  return record;
}
