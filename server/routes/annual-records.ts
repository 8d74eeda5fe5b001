// Annual learning records: one person's year (self, their leaders, admins), the leader's remarks and
// grade decision (leaders over the person, never for themselves, and admins), and the year summary of
// a unit or the whole organisation (leaders over it, admins).
import { Hono } from 'hono';
import { gradeDecisionInputSchema, remarksInputSchema, type AnnualRecord } from '../../shared/schemas/programme-record.ts';
import { annualRecord } from '../programme/annual-record.ts';
import { organisationSummary } from '../programme/organisation-summary.ts';
import { planProgress } from '../programme/plan-progress.ts';
import { stageRange } from '../programme/stage-range.ts';
import { committeesUnder } from '../programme/committees.ts';
import { belongedDuring, latestMembershipBy } from '../programme/membership-history.ts';
import { isUnder, unitsAbove } from '../programme/unit-tree.ts';
import { forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { yearParam } from '../http/programme-params.ts';
import { signedIn } from '../http/signed-in.ts';
import { loadDirectory, type Directory, type DirectoryPerson } from '../programme-io/directory.ts';
import { loadFiguresContext, personFigures, withMembersPreloaded, type FiguresContext } from '../programme-io/person-figures.ts';
import { effectivePlan } from '../programme-io/person-year.ts';
import type { UserRecord } from '../store/records.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { assertYearsOpen } from '../programme-io/year-lock.ts';
import { decisionFigures } from '../programme/grade-staleness.ts';

/** People whose year's inputs the organisation's summary reads at a time: a year of 2,000 people's daily totals is about 500,000 records. */
const ANNUAL_BATCH = 2000;

export function annualRecordRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  const contextFor = async (directory: Directory, year: number) => loadFiguresContext(store, directory, clock(), config.timeZone, stageRange(year, 'year'));
  async function recordOf(ctx: FiguresContext, person: DirectoryPerson, year: number): Promise<AnnualRecord> {
    const range = stageRange(year, 'year');
    const plan = await effectivePlan(ctx.plans, ctx.directory, person, year, 'year', ctx.organisationAnnualHours);
    const figures = await personFigures(ctx, person, range);
    const notes = await ctx.notesOf(person.id, range);
    const note = await ctx.annualNoteOf(person.id, year);
    // The unit the person was in at the end of the year (or by today, or when they left).
    const asAt = range.to < ctx.today ? range.to : ctx.today;
    const unitId = latestMembershipBy(person.memberships, asAt)?.unitId ?? person.unitId;
    return annualRecord({
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
    });
  }

  function decidable(directory: Directory, viewer: UserRecord, id: string): DirectoryPerson {
    const person = directory.person(id);
    if (!person) throw notFound(`There is no person with id "${id}"`);
    if (viewer.role === 'staff' || viewer.id === person.id || !directory.canView(viewer, person)) {
      throw forbidden('Only a leader over the person or an admin writes remarks and decides the grade, never for themselves');
    }
    return person;
  }

  return new Hono<AppEnv>()
    .get('/', signedIn(deps, 'admin', 'leader'), async (c) => {
      const viewer = c.get('user');
      const year = yearParam(c.req.query('year'));
      const unitId = c.req.query('unitId');
      const directory = await loadDirectory(store);
      if (unitId !== undefined) {
        if (!directory.units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
        if (!directory.manages(viewer, unitId)) throw forbidden('You may only see the year of units you lead');
      }
      // Everyone who belonged to the unit (or any unit) on some day of the year, by membership history.
      const range = stageRange(year, 'year');
      const inScope = (u: string | null) => u !== null && (unitId === undefined || isUnder(u, [unitId], directory.parentOf));
      const people = directory.visiblePeople(viewer).filter((p) => belongedDuring(p.memberships, range.from, range.to, inScope));
      // The people's inputs in one store read of each kind per batch, not one per person (issue 19); in
      // batches so that a province's year of daily totals is never in memory at once.
      const base = await contextFor(directory, year);
      const records: AnnualRecord[] = [];
      for (let i = 0; i < people.length; i += ANNUAL_BATCH) {
        const batch = people.slice(i, i + ANNUAL_BATCH);
        const ctx = await withMembersPreloaded(base, batch.map((p) => p.id), range, { records: true });
        for (const p of batch) records.push(await recordOf(ctx, p, year));
      }
      const committees = committeesUnder(directory.units, unitId ?? null);
      const ids = new Set(committees.map((u) => u.unitId));
      const committeeOf = (u: string | null) => (u === null ? null : (unitsAbove(u, directory.parentOf).find((a) => ids.has(a)) ?? null));
      return c.json(organisationSummary(year, records, committees, committeeOf));
    })
    .get('/:personId/:year', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = directory.person(c.req.param('personId'));
      if (!person) throw notFound(`There is no person with id "${c.req.param('personId')}"`);
      if (!directory.canView(c.get('user'), person)) throw forbidden("You may not see this person's annual record");
      const year = yearParam(c.req.param('year'));
      return c.json(await recordOf(await contextFor(directory, year), person, year));
    })
    .put('/:personId/:year/grade', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const directory = await loadDirectory(store);
      const person = decidable(directory, viewer, c.req.param('personId'));
      const year = yearParam(c.req.param('year'));
      await assertYearsOpen(store.programme, year);
      const input = await readJson(c, gradeDecisionInputSchema);
      const current = await recordOf(await contextFor(directory, year), person, year);
      if (input.grade !== current.grade.suggested && input.reason === '') {
        throw validationFailed('reason: a grade other than the suggested one needs a reason');
      }
      const at = new Date(clock()).toISOString();
      const note = await store.programme.annualNote(person.id, year);
      // The figures it was made on, so a later change to them shows the decision as stale.
      const figures = decisionFigures(current);
      await store.programme.saveAnnualNote(
        {
          personId: person.id,
          year,
          remarks: note?.remarks ?? '',
          decision: { grade: input.grade, reason: input.reason, decidedBy: viewer.id, decidedByName: viewer.name, decidedAt: at, figures },
          updatedAt: at,
        },
        programmeAudit(
          c,
          'grade.decide',
          `person:${person.id}`,
          `${person.name}, ${year}: ${input.grade} (suggested ${figures.suggested}; ${figures.totalHours} of ${figures.targetHours} h, attendance ${figures.attendanceRate === null ? '—' : `${Math.round(figures.attendanceRate * 100)}%`}, ${figures.reportsCounted} report(s), ${figures.notesCount} note(s))`,
          input.reason,
        ),
      );
      return c.json(await recordOf(await contextFor(directory, year), person, year));
    })
    .put('/:personId/:year/remarks', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = decidable(directory, c.get('user'), c.req.param('personId'));
      const year = yearParam(c.req.param('year'));
      await assertYearsOpen(store.programme, year);
      const { remarks } = await readJson(c, remarksInputSchema);
      const note = await store.programme.annualNote(person.id, year);
      await store.programme.saveAnnualNote(
        { personId: person.id, year, remarks, decision: note?.decision ?? null, updatedAt: new Date(clock()).toISOString() },
        programmeAudit(c, 'remarks.update', `person:${person.id}`, `${person.name}, ${year}: ${remarks === '' ? '(cleared)' : remarks.slice(0, 200)}`),
      );
      return c.json(await recordOf(await contextFor(directory, year), person, year));
    });
}
