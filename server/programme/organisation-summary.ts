// The organisation's (or a unit's) year from its people's annual records: hours against targets, how
// many reached them, attendance, notes, reports, and the grades suggested and decided.
import { GRADES, type AnnualRecord, type Grade, type OrganisationSummary } from '../../shared/schemas/programme-record.ts';
import { sumCounts } from './attendance-counts.ts';

const tenth = (h: number) => Math.round(h * 10) / 10;
const zeroGrades = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;

export function organisationSummary(year: number, records: readonly AnnualRecord[]): OrganisationSummary {
  const suggested = zeroGrades();
  const final = zeroGrades();
  let undecided = 0;
  for (const r of records) {
    suggested[r.grade.suggested] += 1;
    if (r.grade.decision) final[r.grade.decision.grade] += 1;
    else undecided += 1;
  }
  return {
    year,
    people: records.length,
    totalHours: tenth(records.reduce((s, r) => s + r.hours.totalHours, 0)),
    targetHours: tenth(records.reduce((s, r) => s + r.hours.targetHours, 0)),
    onTarget: records.filter((r) => r.hours.totalHours >= r.hours.targetHours).length,
    attendance: sumCounts(records.map((r) => r.attendance)),
    notesCount: records.reduce((s, r) => s + r.notes.count, 0),
    reportsCounted: records.reduce((s, r) => s + r.research.reportsCounted, 0),
    missingReports: records.filter((r) => r.research.reportsCounted < r.research.target.min).length,
    suggested,
    final,
    undecided,
    records: [...records],
  };
}
