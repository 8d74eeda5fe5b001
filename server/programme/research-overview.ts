// A year's research overview over the people a viewer may see: their visits and reports by date, and the
// standing against the report target of those expected to write (active accounts in a unit: an admin
// outside every unit is not), by name.
import type { FieldVisit, ReportTarget, ResearchOverview, ResearchReport } from '../../shared/schemas/programme-research.ts';
import { researchStanding } from './research-standing.ts';
import { byName } from './roster.ts';

export interface ResearchPerson {
  id: string;
  name: string;
  unitId: string | null;
  active: boolean;
}

const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export function researchOverview(input: {
  year: number;
  target: ReportTarget;
  people: readonly ResearchPerson[];
  visits: readonly FieldVisit[];
  reports: readonly ResearchReport[];
}): ResearchOverview {
  const { year, target, visits, reports } = input;
  return {
    year,
    target,
    visits: [...visits].sort(byDate),
    reports: [...reports].sort(byDate),
    people: input.people
      .filter((p) => p.active && p.unitId !== null)
      .sort(byName)
      .map((p) => ({ name: p.name, unitId: p.unitId, ...researchStanding(p.id, year, reports, visits, target) })),
  };
}
