// Units (委室) of the organisation (`/api/units`): a tree through parentId. Admins change it (sibling
// units have distinct names) and remove a unit nobody and nothing is in; everyone lists what they may
// see; leaders and admins read a unit's summary, its xAPI statements and its monthly attendance
// bulletin; a unit's default plan is read by anyone in or over the unit, saved by its leaders and admins.
import { Hono } from 'hono';
import { createUnitSchema, updateUnitSchema } from '../../shared/schemas/organisation.ts';
import { leadsUnit, canSeeUnitPlan, parentLookup, subtreeOf, visibleUnitIds } from '../access/access-rules.ts';
import { unitSummary } from '../aggregation/unit-summary.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { withdrawalInputSchema } from '../../shared/schemas/programme-calendar.ts';
import { ApiError, forbidden, notFound } from '../http/api-error.ts';
import type { Store } from '../store/store-contract.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { auditContext } from '../http/audit-context.ts';
import { readJson } from '../http/json-body.ts';
import { reportRange } from '../http/report-range.ts';
import { signedIn } from '../http/signed-in.ts';
import { unitView } from '../http/records-to-wire.ts';
import { loadDirectory } from '../report-inputs/directory.ts';
import { savePlanSchema, type UnitPlanDefaults } from '../../shared/schemas/programme-plans.ts';
import { UNIT_XAPI_MAX_DAYS } from '../../shared/schemas/xapi.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { monthParam, stageParam, yearParam } from '../http/programme-params.ts';
import { monthlyBulletin } from '../programme/monthly-bulletin.ts';
import { checkReadingListResources, describeTargets } from '../http/plan-edit.ts';
import { bulletinInputs } from '../report-inputs/bulletin-inputs.ts';
import { xapiHomePage, xapiStatementsFor } from '../report-inputs/xapi-statements.ts';
import { assertYearsOpen } from '../http/year-lock.ts';
import { newId } from '../store/ids.ts';
import { unitSummaryInputs } from '../report-inputs/unit-summary-inputs.ts';

/** Two units under one parent (or two top-level units) never share a name: people pick units by name. */
async function assertNameFree(store: Store, name: string, parentId: string | null, exceptId: string | null): Promise<void> {
  const key = name.trim().toLowerCase();
  const taken = (await store.listUnits()).some((u) => u.id !== exceptId && u.parentId === parentId && u.name.trim().toLowerCase() === key);
  if (taken) throw new ApiError(409, ERROR_CODES.duplicateUnitName, `There is already a unit named "${name}" at that place in the tree`, { name });
}

export function unitRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => {
      const units = await store.listUnits();
      const visible = visibleUnitIds(c.get('user'), units);
      return c.json(units.filter((u) => visible.has(u.id)).map(unitView));
    })
    .post('/', signedIn(deps, 'admin'), async (c) => {
      const input = await readJson(c, createUnitSchema);
      await assertNameFree(store, input.name, input.parentId ?? null, null);
      const unit = await store.createUnit({ name: input.name, parentId: input.parentId ?? null }, auditContext(c, input.reason));
      return c.json(unitView(unit), 201);
    })
    .patch('/:id', signedIn(deps, 'admin'), async (c) => {
      const { reason, ...changes } = await readJson(c, updateUnitSchema);
      const existing = await store.findUnit(c.req.param('id'));
      if (existing && (changes.name !== undefined || changes.parentId !== undefined)) {
        await assertNameFree(store, changes.name ?? existing.name, changes.parentId === undefined ? existing.parentId : changes.parentId, existing.id);
      }
      return c.json(unitView(await store.updateUnit(c.req.param('id'), changes, auditContext(c, reason))));
    })
    .delete('/:id', signedIn(deps, 'admin'), async (c) => {
      const id = c.req.param('id');
      const units = await store.listUnits();
      if (!units.some((u) => u.id === id)) throw notFound(`There is no unit with id "${id}"`);
      const { reason } = await readJson(c, withdrawalInputSchema);
      // People (current or former), sub-units and sessions all name the unit: removing it would orphan them.
      const people = await store.countUsers({ unitIds: [id] });
      const subUnits = units.filter((u) => u.parentId === id).length;
      const sessions = (await store.programme.sessions({ unitId: id })).length;
      if (people + subUnits + sessions > 0) {
        throw new ApiError(409, ERROR_CODES.unitNotEmpty, `The unit still has ${people} person(s), ${subUnits} sub-unit(s) and ${sessions} session(s)`, {
          people: String(people),
          units: String(subUnits),
          sessions: String(sessions),
        });
      }
      await store.deleteUnit(id, auditContext(c, reason));
      return c.body(null, 204);
    })
    .get('/:id/summary', signedIn(deps), async (c) => {
      const unitId = c.req.param('id');
      const units = await store.listUnits();
      if (!units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
      if (!leadsUnit(c.get('user'), unitId, parentLookup(units))) throw forbidden("Only admins and the unit's leaders may see its summary");
      const range = reportRange(c.req.query(), { nowMs: clock(), timeZone: config.timeZone });
      return c.json(unitSummary(await unitSummaryInputs(store, { unitId, units, range, nowMs: clock(), timeZone: config.timeZone })));
    })
    .get('/:id/xapi', signedIn(deps, 'leader', 'admin'), async (c) => {
      const unitId = c.req.param('id');
      const units = await store.listUnits();
      if (!units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
      if (!leadsUnit(c.get('user'), unitId, parentLookup(units))) throw forbidden("You may not see this unit's learning records");
      const range = reportRange(c.req.query(), { nowMs: clock(), timeZone: config.timeZone, maxDays: UNIT_XAPI_MAX_DAYS });
      const people = (await store.listUsers({ unitIds: [...subtreeOf(unitId, units)] })).sort((a, b) => (a.username < b.username ? -1 : 1));
      const homePage = xapiHomePage(config.publicUrl, c.get('client').origin);
      return c.json(await xapiStatementsFor(store, people, range, { homePage, timeZone: config.timeZone }));
    })
    .get('/:id/bulletin', signedIn(deps, 'admin', 'leader'), async (c) => {
      const viewer = c.get('user');
      const month = monthParam(c.req.query('month'));
      const directory = await loadDirectory(store);
      const unitId = c.req.param('id');
      if (!directory.units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
      if (!leadsUnit(viewer, unitId, directory.parentOf)) throw forbidden('You may only see the bulletin of units you lead');
      return c.json(monthlyBulletin(await bulletinInputs(store, directory, unitId, month, clock())));
    })
    .get('/:id/plan-defaults/:year/:stage', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const directory = await loadDirectory(store);
      const unitId = c.req.param('id');
      if (!directory.units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
      if (!canSeeUnitPlan(viewer, unitId, directory.parentOf)) throw forbidden("You may not see this unit's plan");
      const year = yearParam(c.req.param('year'));
      const stage = stageParam(c.req.param('stage'));
      const d = await store.programme.unitDefaults(unitId, year, stage);
      const body: UnitPlanDefaults = { unitId, year, stage, targets: d?.targets ?? { totalHours: 0, byCategory: {} }, readingList: d?.items ?? [], updatedAt: d?.updatedAt ?? null };
      return c.json(body);
    })
    .put('/:id/plan-defaults/:year/:stage', signedIn(deps, 'admin', 'leader'), async (c) => {
      const viewer = c.get('user');
      const directory = await loadDirectory(store);
      const unitId = c.req.param('id');
      if (!directory.units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
      if (!leadsUnit(viewer, unitId, directory.parentOf)) throw forbidden('You may only set the plan of units you lead');
      const year = yearParam(c.req.param('year'));
      const stage = stageParam(c.req.param('stage'));
      await assertYearsOpen(store.programme, year);
      const edit = await readJson(c, savePlanSchema);
      await checkReadingListResources(store, edit);
      const unitName = directory.units.find((u) => u.id === unitId)?.name ?? '';
      const before = await store.programme.unitDefaults(unitId, year, stage);
      const previous = new Set(before?.items.map((i) => i.id) ?? []);
      const saved = await store.programme.saveUnitDefaults({
        unitId,
        year,
        stage,
        targets: edit.targets,
        items: edit.readingList.map((i) => ({
          id: i.id !== undefined && previous.has(i.id) ? i.id : newId(),
          title: i.title,
          author: i.author,
          resourceId: i.resourceId,
          status: 'not-started',
          source: 'unit',
        })),
        updatedAt: new Date(clock()).toISOString(),
      }, programmeAudit(c, 'unit_defaults.update', `unit:${unitId}`, `${unitName}: plan ${year} ${stage}, ${describeTargets(before?.targets ?? null)} → ${describeTargets(edit.targets)}; ${edit.readingList.length} must-read item(s)`));
      const body: UnitPlanDefaults = { unitId, year, stage, targets: saved.targets ?? { totalHours: 0, byCategory: {} }, readingList: saved.items, updatedAt: saved.updatedAt };
      return c.json(body);
    });
}
