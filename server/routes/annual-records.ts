// Annual learning records: one person's year (self, their leaders, admins), the leader's remarks and
// grade decision (leaders over the person, never for themselves, and admins), and the year summary of
// a unit or the whole organisation (leaders over it, admins).
import { Hono } from 'hono';
import { gradeDecisionInputSchema, remarksInputSchema, type AnnualRecord } from '../../shared/schemas/programme-record.ts';
import { annualRecord } from '../programme/annual-record.ts';
import { organisationSummary } from '../programme/organisation-summary.ts';
import { stageRange } from '../programme/stage-range.ts';
import { committeesUnder } from '../programme/committees.ts';
import { belongedDuring } from '../programme/membership-history.ts';
import { isUnder, unitsAbove } from '../programme/unit-tree.ts';
import { byName } from '../programme/roster.ts';
import { canViewPerson, leadsUnit, oversees } from '../access/access-rules.ts';
import { personInReach } from '../http/person-in-reach.ts';
import { forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { yearParam } from '../http/programme-params.ts';
import { signedIn } from '../http/signed-in.ts';
import { loadDirectory, type Directory, type DirectoryPerson } from '../report-inputs/directory.ts';
import { loadFiguresContext, type FiguresContext } from '../report-inputs/person-figures.ts';
import { annualRecordInputs, annualRecordsInputs } from '../report-inputs/annual-record-inputs.ts';
import type { UserRecord } from '../store/store-contract.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { assertYearsOpen } from '../http/year-lock.ts';
import { decisionFigures } from '../programme/grade-staleness.ts';

export function annualRecordRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  const contextFor = async (directory: Directory, year: number) => loadFiguresContext(store, directory, clock(), config.timeZone, stageRange(year, 'year'));
  const recordOf = async (ctx: FiguresContext, person: DirectoryPerson, year: number): Promise<AnnualRecord> =>
    annualRecord(await annualRecordInputs(ctx, person, year));

  const decidable = (directory: Directory, viewer: UserRecord, id: string): DirectoryPerson =>
    personInReach(directory.person(id), id, (p) => oversees(viewer, p, directory.parentOf), 'Only a leader over the person or an admin writes remarks and decides the grade, never for themselves');

  return new Hono<AppEnv>()
    .get('/', signedIn(deps, 'admin', 'leader'), async (c) => {
      const viewer = c.get('user');
      const year = yearParam(c.req.query('year'));
      const unitId = c.req.query('unitId');
      const directory = await loadDirectory(store);
      if (unitId !== undefined) {
        if (!directory.units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
        if (!leadsUnit(viewer, unitId, directory.parentOf)) throw forbidden('You may only see the year of units you lead');
      }
      // Everyone who belonged to the unit (or any unit) on some day of the year, by membership history.
      const range = stageRange(year, 'year');
      const inScope = (u: string | null) => u !== null && (unitId === undefined || isUnder(u, [unitId], directory.parentOf));
      const people = directory.people.filter((p) => canViewPerson(viewer, p, directory.parentOf) && belongedDuring(p.memberships, range.from, range.to, inScope)).sort(byName);
      const records: AnnualRecord[] = [];
      for await (const input of annualRecordsInputs(await contextFor(directory, year), people, year)) records.push(annualRecord(input));
      const committees = committeesUnder(directory.units, unitId ?? null);
      const ids = new Set(committees.map((u) => u.unitId));
      const committeeOf = (u: string | null) => (u === null ? null : (unitsAbove(u, directory.parentOf).find((a) => ids.has(a)) ?? null));
      return c.json(organisationSummary(year, records, committees, committeeOf));
    })
    .get('/:personId/:year', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const id = c.req.param('personId');
      const person = personInReach(directory.person(id), id, (p) => canViewPerson(c.get('user'), p, directory.parentOf), "You may not see this person's annual record");
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
