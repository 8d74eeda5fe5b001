// Each person's research in a year against the 2–3 report target: submitted and adopted reports count
// (drafts do not), visits are listed by kind, and anyone below the minimum is "missing reports".
import type { FieldVisit, ReportTarget, ResearchReport } from '../../shared/schemas/programme-research.ts';

export interface ResearchStanding {
  personId: string;
  reportsCounted: number;
  drafts: number;
  visits: number;
  missing: number;
}

export function researchStanding(
  personId: string,
  year: number,
  reports: readonly Pick<ResearchReport, 'personId' | 'status' | 'date'>[],
  visits: readonly Pick<FieldVisit, 'personId' | 'date'>[],
  target: ReportTarget,
): ResearchStanding {
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const own = reports.filter((r) => r.personId === personId && inYear(r.date));
  const reportsCounted = own.filter((r) => r.status !== 'draft').length;
  return {
    personId,
    reportsCounted,
    drafts: own.length - reportsCounted,
    visits: visits.filter((v) => v.personId === personId && inYear(v.date)).length,
    missing: Math.max(0, target.min - reportsCounted),
  };
}
