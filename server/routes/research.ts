// Research (调查研究): field visits and reports. Staff record their own; leaders for the people of their
// units; admins for anyone. A record for someone outside one's units is 403 and stores nothing.
import { Hono } from 'hono';
import { z } from 'zod';
import { fieldVisitInputSchema, researchReportInputSchema, reportStatusSchema, type ResearchOverview } from '../../shared/schemas/programme-research.ts';
import { dateSchema } from '../../shared/schemas/domain.ts';
import { researchStanding } from '../programme/research-standing.ts';
import { isUnder } from '../programme/unit-tree.ts';
import { forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { yearParam } from '../http/programme-params.ts';
import { signedIn } from '../http/signed-in.ts';
import { loadDirectory, type Directory } from '../programme-io/directory.ts';
import { newId } from '../store/ids.ts';
import type { UserRecord } from '../store/records.ts';

const updateReportSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    status: reportStatusSchema.optional(),
    date: dateSchema.optional(),
    fileUrl: z.url({ protocol: /^https?$/ }).max(2048).nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'nothing to change' });

function writablePerson(directory: Directory, viewer: UserRecord, personId: string) {
  const person = directory.person(personId);
  if (!person) throw notFound(`There is no person with id "${personId}"`);
  if (!directory.canView(viewer, person)) throw forbidden('You may only record research for yourself or the people of your units');
  return person;
}

export function researchRoutes(deps: AppDeps) {
  const { store, clock } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const year = yearParam(c.req.query('year'));
      const unitId = c.req.query('unitId');
      const directory = await loadDirectory(store);
      if (unitId !== undefined && !directory.units.some((u) => u.id === unitId)) throw validationFailed(`unitId: there is no unit with id "${unitId}"`);
      const people = directory.visiblePeople(viewer).filter((p) => unitId === undefined || isUnder(p.unitId, [unitId], directory.parentOf));
      const ids = new Set(people.map((p) => p.id));
      const target = store.programme.settings().reportTarget;
      const inYear = (date: string) => date.startsWith(`${year}-`);
      const visits = store.programme.visits().filter((v) => ids.has(v.personId) && inYear(v.date));
      const reports = store.programme.reports().filter((r) => ids.has(r.personId) && inYear(r.date));
      const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
      const body: ResearchOverview = {
        year,
        target,
        visits: visits.sort(byDate),
        reports: reports.sort(byDate),
        // Only people who are expected to write: active accounts (admins included only if in a unit).
        people: people
          .filter((p) => p.active && p.unitId !== null)
          .map((p) => ({ name: p.name, unitId: p.unitId, ...researchStanding(p.id, year, reports, visits, target) })),
      };
      return c.json(body);
    })
    .post('/visits', signedIn(deps), async (c) => {
      const input = await readJson(c, fieldVisitInputSchema);
      writablePerson(await loadDirectory(store), c.get('user'), input.personId);
      const visit = await store.programme.saveVisit({ id: newId(), ...input, createdAt: new Date(clock()).toISOString() });
      return c.json(visit, 201);
    })
    .post('/reports', signedIn(deps), async (c) => {
      const input = await readJson(c, researchReportInputSchema);
      writablePerson(await loadDirectory(store), c.get('user'), input.personId);
      const at = new Date(clock()).toISOString();
      return c.json(await store.programme.saveReport({ id: newId(), ...input, createdAt: at, updatedAt: at }), 201);
    })
    .patch('/reports/:id', signedIn(deps), async (c) => {
      const existing = store.programme.findReport(c.req.param('id'));
      if (!existing) throw notFound(`There is no report with id "${c.req.param('id')}"`);
      writablePerson(await loadDirectory(store), c.get('user'), existing.personId);
      const update = await readJson(c, updateReportSchema);
      const next = { ...existing, ...Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)), updatedAt: new Date(clock()).toISOString() };
      return c.json(await store.programme.saveReport(next));
    });
}
