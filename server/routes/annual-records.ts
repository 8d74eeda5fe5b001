// Annual learning records: one person's year (self, their leaders, admins), the leader's remarks and
// grade decision (leaders over the person, never for themselves, and admins), and the year summary of
// a unit or the whole organisation (leaders over it, admins).
import { Hono } from 'hono';
import { gradeDecisionInputSchema, remarksInputSchema, type AnnualRecord } from '../../shared/schemas/programme-record.ts';
import { annualRecord } from '../programme/annual-record.ts';
import { organisationSummary } from '../programme/organisation-summary.ts';
import { planProgress } from '../programme/plan-progress.ts';
import { stageRange } from '../programme/stage-range.ts';
import { isUnder } from '../programme/unit-tree.ts';
import { forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { yearParam } from '../http/programme-params.ts';
import { signedIn } from '../http/signed-in.ts';
import { loadDirectory, type Directory, type DirectoryPerson } from '../programme-io/directory.ts';
import { notesInRange, onlineSecondsByCategory } from '../programme-io/learning-figures.ts';
import { effectivePlan, personSessions } from '../programme-io/person-year.ts';
import type { UserRecord } from '../store/records.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { assertYearsOpen } from '../programme-io/year-lock.ts';
import { decisionFigures } from '../programme/grade-staleness.ts';

export function annualRecordRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  async function recordOf(directory: Directory, person: DirectoryPerson, year: number): Promise<AnnualRecord> {
    const range = stageRange(year, 'year');
    const resources = await store.listResources();
    const settings = store.programme.settings();
    const plan = effectivePlan(store.programme, directory, person, year, 'year');
    const sessions = personSessions({ programme: store.programme, directory, person, ...range, resources, nowMs: clock() });
    const online = await onlineSecondsByCategory(store, person.id, range.from, range.to);
    const notes = await notesInRange(store, config.timeZone, person.id, range.from, range.to);
    const note = store.programme.annualNote(person.id, year);
    return annualRecord({
      person,
      year,
      progress: planProgress({ plan, range, onlineSecondsByCategory: online, sessions: sessions.attended, notes }),
      onlineSeconds: Object.values(online).reduce((a, b) => a + b, 0),
      sessionHours: sessions.sessionHours,
      online: settings.online,
      attendance: sessions.attendance,
      notes,
      reports: store.programme.reports(),
      visits: store.programme.visits(),
      reportTarget: settings.reportTarget,
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
      const people = directory
        .visiblePeople(viewer)
        .filter((p) => p.active && p.unitId !== null && (unitId === undefined || isUnder(p.unitId, [unitId], directory.parentOf)));
      const records: AnnualRecord[] = [];
      for (const p of people) records.push(await recordOf(directory, p, year));
      return c.json(organisationSummary(year, records));
    })
    .get('/:personId/:year', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = directory.person(c.req.param('personId'));
      if (!person) throw notFound(`There is no person with id "${c.req.param('personId')}"`);
      if (!directory.canView(c.get('user'), person)) throw forbidden("You may not see this person's annual record");
      return c.json(await recordOf(directory, person, yearParam(c.req.param('year'))));
    })
    .put('/:personId/:year/grade', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const directory = await loadDirectory(store);
      const person = decidable(directory, viewer, c.req.param('personId'));
      const year = yearParam(c.req.param('year'));
      assertYearsOpen(store.programme, year);
      const input = await readJson(c, gradeDecisionInputSchema);
      const current = await recordOf(directory, person, year);
      if (input.grade !== current.grade.suggested && input.reason === '') {
        throw validationFailed('reason: a grade other than the suggested one needs a reason');
      }
      const at = new Date(clock()).toISOString();
      const note = store.programme.annualNote(person.id, year);
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
      return c.json(await recordOf(directory, person, year));
    })
    .put('/:personId/:year/remarks', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = decidable(directory, c.get('user'), c.req.param('personId'));
      const year = yearParam(c.req.param('year'));
      assertYearsOpen(store.programme, year);
      const { remarks } = await readJson(c, remarksInputSchema);
      const note = store.programme.annualNote(person.id, year);
      await store.programme.saveAnnualNote(
        { personId: person.id, year, remarks, decision: note?.decision ?? null, updatedAt: new Date(clock()).toISOString() },
        programmeAudit(c, 'remarks.update', `person:${person.id}`, `${person.name}, ${year}: ${remarks === '' ? '(cleared)' : remarks.slice(0, 200)}`),
      );
      return c.json(await recordOf(directory, person, year));
    });
}
