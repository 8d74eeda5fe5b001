// Study plans: a person's plan for a year or quarter (the person, their leaders and admins read it;
// the person, their leaders and admins save it), its progress, and a unit's default plan (read by
// anyone in or over the unit, saved by its leaders and admins). Negative targets are 400. A person's
// change to their own hour targets is a proposal a leader over them approves (their reading list applies
// at once); every change is audited, and a closed year's plans are read-only.
import { Hono } from 'hono';
import { CATEGORIES } from '../../shared/schemas/domain.ts';
import { savePlanSchema, type UnitPlanDefaults } from '../../shared/schemas/programme-plans.ts';
import { applyPlanEdit } from '../programme/plan-resolution.ts';
import { planProgress } from '../programme/plan-progress.ts';
import { stageRange } from '../programme/stage-range.ts';
import { isUnder } from '../programme/unit-tree.ts';
import { forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { stageParam, yearParam } from '../http/programme-params.ts';
import { signedIn } from '../http/signed-in.ts';
import { loadDirectory, type Directory } from '../programme-io/directory.ts';
import { notesInRange } from '../programme-io/learning-figures.ts';
import { loadFiguresContext, personFigures } from '../programme-io/person-figures.ts';
import { effectivePlan, unitItemIds } from '../programme-io/person-year.ts';
import { newId } from '../store/ids.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { proposeChange } from '../programme-io/propose-change.ts';
import { assertYearsOpen } from '../programme-io/year-lock.ts';
import type { PlanTargets } from '../../shared/schemas/programme-plans.ts';
import type { Store, UserRecord } from '../store/store-contract.ts';
import type { SavePlan } from '../../shared/schemas/programme-plans.ts';

function visiblePerson(directory: Directory, viewer: UserRecord, id: string) {
  const person = directory.person(id);
  if (!person) throw notFound(`There is no person with id "${id}"`);
  if (!directory.canView(viewer, person)) throw forbidden("You may not see this person's plan");
  return person;
}

const sameTargets = (a: PlanTargets, b: PlanTargets) =>
  a.totalHours === b.totalHours && CATEGORIES.every((k) => (a.byCategory[k] ?? null) === (b.byCategory[k] ?? null));

const describeTargets = (t: PlanTargets | null) =>
  t === null ? 'unit default' : `total ${t.totalHours} h${CATEGORIES.filter((k) => t.byCategory[k] !== undefined).map((k) => `, ${k} ${t.byCategory[k]} h`).join('')}`;

async function checkResources(store: Store, plan: SavePlan): Promise<void> {
  for (const item of plan.readingList) {
    if (item.resourceId !== null && !(await store.findResource(item.resourceId))) {
      throw validationFailed(`readingList: there is no resource with id "${item.resourceId}"`);
    }
  }
}

export function planRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  return new Hono<AppEnv>()
    .get('/people/:id/plans/:year/:stage', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = visiblePerson(directory, c.get('user'), c.req.param('id'));
      const { annualTargetHours } = await store.getSettings();
      return c.json(await effectivePlan(store.programme, directory, person, yearParam(c.req.param('year')), stageParam(c.req.param('stage')), annualTargetHours));
    })
    .put('/people/:id/plans/:year/:stage', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = visiblePerson(directory, c.get('user'), c.req.param('id'));
      const year = yearParam(c.req.param('year'));
      const stage = stageParam(c.req.param('stage'));
      await assertYearsOpen(store.programme, year);
      const edit = await readJson(c, savePlanSchema);
      await checkResources(store, edit);
      const viewer = c.get('user');
      const previous = await store.programme.personalPlan(person.id, year, stage);
      const { annualTargetHours } = await store.getSettings();
      const current = await effectivePlan(store.programme, directory, person, year, stage, annualTargetHours);
      // One's own targets move one's own grade: an admin's apply, anyone else's wait for a leader over them.
      const proposed = viewer.id === person.id && viewer.role !== 'admin' && !sameTargets(edit.targets, current.targets);
      const plan = applyPlanEdit({
        personId: person.id,
        year,
        stage,
        edit,
        unitItemIds: await unitItemIds(store.programme, directory, person, year, stage),
        previous,
        newId,
        now: new Date(clock()).toISOString(),
      });
      const saved = proposed ? { ...plan, targets: previous?.targets ?? null } : plan;
      await store.programme.savePersonalPlan(
        saved,
        programmeAudit(c, 'plan.update', `person:${person.id}`, `${person.name}: plan ${year} ${stage}, ${describeTargets(previous?.targets ?? null)} → ${describeTargets(saved.targets)}; ${saved.ownItems.length} own item(s)`),
      );
      if (proposed) await proposeChange(c, store.programme, { kind: 'plan-targets', year, stage, from: current.targets, to: edit.targets }, clock());
      return c.json(await effectivePlan(store.programme, directory, person, year, stage, annualTargetHours), proposed ? 202 : 200);
    })
    .get('/people/:id/plans/:year/:stage/progress', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = visiblePerson(directory, c.get('user'), c.req.param('id'));
      const year = yearParam(c.req.param('year'));
      const stage = stageParam(c.req.param('stage'));
      const range = stageRange(year, stage);
      const ctx = await loadFiguresContext(store, directory, clock(), config.timeZone, range);
      const plan = await effectivePlan(store.programme, directory, person, year, stage, ctx.organisationAnnualHours);
      const figures = await personFigures(ctx, person, range, stage);
      return c.json(
        planProgress({
          plan,
          range,
          onlineSecondsByCategory: figures.onlineByCategory,
          sessions: figures.sessions.attended,
          notes: await notesInRange(store, config.timeZone, person.id, range.from, range.to),
          credit: figures.credit,
          target: figures.target,
        }),
      );
    })
    .get('/units/:id/plan-defaults/:year/:stage', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const directory = await loadDirectory(store);
      const unitId = c.req.param('id');
      if (!directory.units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
      // Members read the defaults their plans start from; leaders over the unit and admins too.
      if (!directory.manages(viewer, unitId) && !isUnder(viewer.unitId, [unitId], directory.parentOf)) throw forbidden("You may not see this unit's plan");
      const year = yearParam(c.req.param('year'));
      const stage = stageParam(c.req.param('stage'));
      const d = await store.programme.unitDefaults(unitId, year, stage);
      const body: UnitPlanDefaults = { unitId, year, stage, targets: d?.targets ?? { totalHours: 0, byCategory: {} }, readingList: d?.items ?? [], updatedAt: d?.updatedAt ?? null };
      return c.json(body);
    })
    .put('/units/:id/plan-defaults/:year/:stage', signedIn(deps, 'admin', 'leader'), async (c) => {
      const viewer = c.get('user');
      const directory = await loadDirectory(store);
      const unitId = c.req.param('id');
      if (!directory.units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
      if (!directory.manages(viewer, unitId)) throw forbidden('You may only set the plan of units you lead');
      const year = yearParam(c.req.param('year'));
      const stage = stageParam(c.req.param('stage'));
      await assertYearsOpen(store.programme, year);
      const edit = await readJson(c, savePlanSchema);
      await checkResources(store, edit);
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
