// One person's annual learning record's inputs (programme/annual-record.ts): their year plan, figures,
// notes, research and attendance over the year, the unit they were in at its end, and the leader's
// remarks and grade decision.
import type { annualRecord } from '../programme/annual-record.ts';
import { planProgress } from '../programme/plan-progress.ts';
import { stageRange } from '../programme/stage-range.ts';
import { latestMembershipBy } from '../programme/membership-history.ts';
import type { DirectoryPerson } from './directory.ts';
import { onlineByCategory, personFigures, withMembersPreloaded, type FiguresContext } from './person-figures.ts';
import { effectivePlan } from './person-year.ts';

type AnnualRecordInputs = Parameters<typeof annualRecord>[0];

/** People whose year's inputs the organisation's summary reads at a time: a year of 2,000 people's daily totals is about 500,000 records. */
const ANNUAL_BATCH = 2000;

/**
 * annualRecordInputs of each of `people`, in order, over `base` (a context loaded for the year). Their
 * inputs are read in one store read of each kind per batch, not one per person (issue 19); in batches
 * so that a province's year of daily totals is never in memory at once (two batches at most: the next
 * batch is read while this one is worked out, so the database and the server work at the same time
 * rather than in turns).
 */
export async function* annualRecordsInputs(base: FiguresContext, people: readonly DirectoryPerson[], year: number): AsyncGenerator<AnnualRecordInputs> {
  const range = stageRange(year, 'year');
  const load = (from: number) => {
    const read = withMembersPreloaded(base, people.slice(from, from + ANNUAL_BATCH).map((p) => p.id), range, { records: true });
    // Awaited below; until then (or if the caller stops early) a failure is not left unhandled.
    read.catch(() => undefined);
    return read;
  };
  let next = people.length > 0 ? load(0) : null;
  for (let i = 0; i < people.length; i += ANNUAL_BATCH) {
    const ctx = await next!;
    next = i + ANNUAL_BATCH < people.length ? load(i + ANNUAL_BATCH) : null;
    for (const person of people.slice(i, i + ANNUAL_BATCH)) yield await annualRecordInputs(ctx, person, year);
  }
}

export async function annualRecordInputs(ctx: FiguresContext, person: DirectoryPerson, year: number): Promise<AnnualRecordInputs> {
  const range = stageRange(year, 'year');
  const plan = await effectivePlan(ctx.plans, ctx.directory, person, year, 'year', ctx.organisationAnnualHours);
  const figures = await personFigures(ctx, person, range);
  const notes = await ctx.notesOf(person.id, range);
  const note = await ctx.annualNoteOf(person.id, year);
  // The unit the person was in at the end of the year (or by today, or when they left).
  const asAt = range.to < ctx.today ? range.to : ctx.today;
  const unitId = latestMembershipBy(person.memberships, asAt)?.unitId ?? person.unitId;
  return {
    person: { id: person.id, name: person.name, unitId },
    year,
    progress: planProgress({
      plan,
      range,
      onlineSecondsByCategory: onlineByCategory(ctx, figures),
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
