// One person's annual learning record's inputs (programme/annual-record.ts): their year plan, figures,
// notes, research and attendance over the year, the unit they were in at its end, and the leader's
// remarks and grade decision.
import type { annualRecord } from '../programme/annual-record.ts';
import { planProgress } from '../programme/plan-progress.ts';
import { stageRange } from '../programme/stage-range.ts';
import { latestMembershipBy } from '../programme/membership-history.ts';
import type { Store } from '../store/store-contract.ts';
import type { DirectoryPerson } from './directory.ts';
import { personFigures, type FiguresContext } from './person-figures.ts';
import { effectivePlan } from './person-year.ts';

export async function annualRecordInputs(store: Store, ctx: FiguresContext, person: DirectoryPerson, year: number): Promise<Parameters<typeof annualRecord>[0]> {
  const range = stageRange(year, 'year');
  const plan = await effectivePlan(store.programme, ctx.directory, person, year, 'year', ctx.organisationAnnualHours);
  const figures = await personFigures(ctx, person, range);
  const notes = await ctx.notesOf(person.id, range);
  const note = await store.programme.annualNote(person.id, year);
  // The unit the person was in at the end of the year (or by today, or when they left).
  const asAt = range.to < ctx.today ? range.to : ctx.today;
  const unitId = latestMembershipBy(person.memberships, asAt)?.unitId ?? person.unitId;
  return {
    person: { id: person.id, name: person.name, unitId },
    year,
    progress: planProgress({
      plan,
      range,
      onlineSecondsByCategory: figures.onlineByCategory,
      sessions: figures.sessions.attended,
      notes,
      credit: figures.credit,
      target: figures.target,
    }),
    credit: figures.credit,
    target: figures.target,
    attendance: figures.sessions.attendance,
    notes,
    ...(await ctx.researchOf(person.id)),
    reportTarget: ctx.settings.reportTarget,
    remarks: note?.remarks ?? '',
    decision: note?.decision ?? null,
  };
}
