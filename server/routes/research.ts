// Research (调查研究): field visits and reports. Staff record their own; leaders for the people of their
// units; admins for anyone. A record for someone outside one's units is 403 and stores nothing. Dates are
// not in the future; an author never adopts their own report (they propose it, a leader over them
// approves); a visit or report is withdrawn with a reason. Every change is audited.
import { Hono } from 'hono';
import { z } from 'zod';
import { fieldVisitInputSchema, researchReportInputSchema, reportStatusSchema } from '../../shared/schemas/programme-research.ts';
import { dateSchema } from '../../shared/schemas/domain.ts';
import { researchOverview } from '../programme/research-overview.ts';
import { isUnder } from '../programme/unit-tree.ts';
import { canViewPerson } from '../access/access-rules.ts';
import { personInReach } from '../http/person-in-reach.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { withdrawalInputSchema } from '../../shared/schemas/programme-calendar.ts';
import type { FieldVisit, ResearchReport } from '../../shared/schemas/programme-research.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { DATE_PROBLEM_MESSAGES, pastDateProblem } from '../programme/plausible-dates.ts';
import { ApiError, notFound, validationFailed } from '../http/api-error.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { personName } from '../http/audit-details.ts';
import { proposeChange } from '../http/propose-change.ts';
import { assertYearsOpen } from '../http/year-lock.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { yearParam } from '../http/programme-params.ts';
import { signedIn } from '../http/signed-in.ts';
import { loadDirectory, type Directory } from '../report-inputs/directory.ts';
import { researchOverviewInputs } from '../report-inputs/research-overview-inputs.ts';
import { newId } from '../store/ids.ts';
import type { UserRecord } from '../store/store-contract.ts';

const updateReportSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    status: reportStatusSchema.optional(),
    date: dateSchema.optional(),
    fileUrl: z.url({ protocol: /^https?$/ }).max(2048).nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'nothing to change' });

/** Research is recorded by whoever may see the person: themselves, leaders over them, admins. */
const writablePerson = (directory: Directory, viewer: UserRecord, personId: string) =>
  personInReach(directory.person(personId), personId, (p) => canViewPerson(viewer, p, directory.parentOf), 'You may only record research for yourself or the people of your units');

const describeVisit = (v: FieldVisit, directory: Directory) => `${personName(directory, v.personId)}: ${v.kind} visit, ${v.date}, ${v.place}`;
const describeReport = (r: ResearchReport, directory: Directory) => `${personName(directory, r.personId)}: "${r.title}", ${r.date}, ${r.status}`;

export function researchRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  /** Visits and reports record what has happened, in an open year. */
  const checkDate = async (date: string) => {
    const problem = pastDateProblem(date, dateInZone(clock(), config.timeZone));
    if (problem !== null) throw new ApiError(400, ERROR_CODES.implausibleDate, `date: ${DATE_PROBLEM_MESSAGES[problem]}`, { problem, date });
    await assertYearsOpen(store.programme, date);
  };
  const ownAdoption = () => new ApiError(403, ERROR_CODES.ownRecord, 'Nobody adopts their own report: a leader over the author does', { record: 'report' });
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const year = yearParam(c.req.query('year'));
      const unitId = c.req.query('unitId');
      const directory = await loadDirectory(store);
      if (unitId !== undefined && !directory.units.some((u) => u.id === unitId)) throw validationFailed(`unitId: there is no unit with id "${unitId}"`);
      const people = directory.people.filter((p) => canViewPerson(viewer, p, directory.parentOf) && (unitId === undefined || isUnder(p.unitId, [unitId], directory.parentOf)));
      return c.json(researchOverview(await researchOverviewInputs(store, people, year)));
    })
    .post('/visits', signedIn(deps), async (c) => {
      const input = await readJson(c, fieldVisitInputSchema);
      const directory = await loadDirectory(store);
      writablePerson(directory, c.get('user'), input.personId);
      await checkDate(input.date);
      const visit: FieldVisit = { id: newId(), ...input, createdAt: new Date(clock()).toISOString() };
      return c.json(await store.programme.saveVisit(visit, programmeAudit(c, 'visit.create', `person:${visit.personId}`, describeVisit(visit, directory))), 201);
    })
    .delete('/visits/:id', signedIn(deps), async (c) => {
      const visit = await store.programme.findVisit(c.req.param('id'));
      if (!visit) throw notFound(`There is no field visit with id "${c.req.param('id')}"`);
      const directory = await loadDirectory(store);
      writablePerson(directory, c.get('user'), visit.personId);
      await assertYearsOpen(store.programme, visit.date);
      const { reason } = await readJson(c, withdrawalInputSchema);
      await store.programme.deleteVisit(visit.id, programmeAudit(c, 'visit.withdraw', `person:${visit.personId}`, describeVisit(visit, directory), reason));
      return c.body(null, 204);
    })
    .post('/reports', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const input = await readJson(c, researchReportInputSchema);
      const directory = await loadDirectory(store);
      writablePerson(directory, viewer, input.personId);
      if (input.personId === viewer.id && input.status === 'adopted') throw ownAdoption();
      await checkDate(input.date);
      const at = new Date(clock()).toISOString();
      const report: ResearchReport = { id: newId(), ...input, createdAt: at, updatedAt: at };
      return c.json(await store.programme.saveReport(report, programmeAudit(c, 'report.create', `person:${report.personId}`, describeReport(report, directory))), 201);
    })
    .patch('/reports/:id', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const existing = await store.programme.findReport(c.req.param('id'));
      if (!existing) throw notFound(`There is no report with id "${c.req.param('id')}"`);
      const directory = await loadDirectory(store);
      writablePerson(directory, viewer, existing.personId);
      await assertYearsOpen(store.programme, existing.date);
      const update = await readJson(c, updateReportSchema);
      if (update.date !== undefined) await checkDate(update.date);
      const own = existing.personId === viewer.id;
      // The author's "adopted" is a proposal: the rest of the edit applies, the status waits for a leader.
      const proposed = own && update.status === 'adopted' && existing.status !== 'adopted';
      const changes = Object.fromEntries(Object.entries(update).filter(([k, v]) => v !== undefined && !(proposed && k === 'status')));
      const next: ResearchReport = { ...existing, ...changes, updatedAt: new Date(clock()).toISOString() };
      const saved = Object.keys(changes).length === 0 ? existing : await store.programme.saveReport(next, programmeAudit(c, 'report.update', `person:${next.personId}`, `${describeReport(existing, directory)} → ${describeReport(next, directory)}`));
      if (!proposed) return c.json(saved);
      await proposeChange(c, store.programme, { kind: 'report-status', reportId: saved.id, title: saved.title, from: saved.status, to: 'adopted' }, clock());
      return c.json(saved, 202);
    })
    .delete('/reports/:id', signedIn(deps), async (c) => {
      const report = await store.programme.findReport(c.req.param('id'));
      if (!report) throw notFound(`There is no report with id "${c.req.param('id')}"`);
      const directory = await loadDirectory(store);
      writablePerson(directory, c.get('user'), report.personId);
      await assertYearsOpen(store.programme, report.date);
      const { reason } = await readJson(c, withdrawalInputSchema);
      await store.programme.deleteReport(report.id, programmeAudit(c, 'report.withdraw', `person:${report.personId}`, describeReport(report, directory), reason));
      return c.body(null, 204);
    });
}
