// The organisation's (or a unit's) year from its people's annual records: hours against targets, how
// many reached them (no gap left in tenths of an hour), attendance, notes, reports, and the grades
// suggested and decided; the same for each committee (委室) in it, so they can be read side by side.
import { GRADES, type AnnualRecord, type Grade, type OrganisationSummary } from '../../shared/schemas/programme-record.ts';
import { sumCounts } from './attendance-counts.ts';
import { targetGapSeconds } from './effective-target.ts';

const tenth = (h: number) => Math.round(h * 10) / 10;
const zeroGrades = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;

export interface Committee {
  unitId: string;
  name: string;
}

function tally(records: readonly AnnualRecord[]) {
  const suggested = zeroGrades();
  const final = zeroGrades();
  let undecided = 0;
  for (const r of records) {
    suggested[r.grade.suggested] += 1;
    if (r.grade.decision) final[r.grade.decision.grade] += 1;
    else undecided += 1;
  }
  return {
    people: records.length,
    totalHours: tenth(records.reduce((s, r) => s + r.hours.totalHours, 0)),
    targetHours: tenth(records.reduce((s, r) => s + r.hours.targetHours, 0)),
    onTarget: records.filter((r) => targetGapSeconds(r.hours.targetHours * 3600, r.hours.totalHours * 3600) === 0).length,
    attendance: sumCounts(records.map((r) => r.attendance)),
    notesCount: records.reduce((s, r) => s + r.notes.count, 0),
    reportsCounted: records.reduce((s, r) => s + r.research.reportsCounted, 0),
    missingReports: records.filter((r) => r.research.reportsCounted < r.research.target.min).length,
    suggested,
    final,
    undecided,
  };
}

/** `committeeOf` names the committee a record's unit lies in (null: none of them, e.g. no unit). */
export function organisationSummary(
  year: number,
  records: readonly AnnualRecord[],
  committees: readonly Committee[] = [],
  committeeOf: (unitId: string | null) => string | null = () => null,
): OrganisationSummary {
  const byCommittee = new Map<string, AnnualRecord[]>(committees.map((c) => [c.unitId, []]));
  for (const r of records) byCommittee.get(committeeOf(r.unitId) ?? '')?.push(r);
  return {
    year,
    ...tally(records),
    units: committees.map((c) => ({ unitId: c.unitId, name: c.name, ...tally(byCommittee.get(c.unitId)!) })),
    records: [...records],
  };
}
