// Units (委室) of the organisation: a tree through parentId. Admins change it (sibling units have
// distinct names) and remove a unit nobody and nothing is in; everyone lists what they may see; leaders
// and admins read a unit's summary.
import { Hono } from 'hono';
import { createUnitSchema, updateUnitSchema } from '../../shared/schemas/organisation.ts';
import { canReportOnUnit, subtreeOf, visibleUnitIds } from '../access/visibility.ts';
import { dateRangeMs } from '../aggregation/date-range.ts';
import { unitSummary, type SummaryMember } from '../aggregation/unit-summary.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { withdrawalInputSchema } from '../../shared/schemas/programme-calendar.ts';
import { ApiError, forbidden, notFound } from '../http/api-error.ts';
import type { Store } from '../store/records.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { auditContext } from '../http/audit-context.ts';
import { readJson } from '../http/json-body.ts';
import { reportRange } from '../http/report-range.ts';
import { signedIn } from '../http/signed-in.ts';
import { unitView } from '../http/views.ts';
import { belongedDuring } from '../programme/membership-history.ts';
import { loadDirectory } from '../programme-io/directory.ts';
import { loadFiguresContext, personFigures, withMembersPreloaded } from '../programme-io/person-figures.ts';

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
      if (!canReportOnUnit(c.get('user'), unitId, units)) throw forbidden("Only admins and the unit's leaders may see its summary");
      const range = reportRange(c.req.query(), { nowMs: clock(), timeZone: config.timeZone });
      const { fromMs, toMs } = dateRangeMs(range.from, range.to, config.timeZone);
      const subtree = subtreeOf(unitId, units);
      const inSubtree = (id: string | null) => id !== null && subtree.has(id);
      const notes = await store.countNotesByPerson({ fromMs, toMs });
      const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
      // Whoever belonged to the unit on some day of the range (membership history). Someone
      // deactivated before history was kept has none: they stay where they were, if they left a trace.
      const users = await store.listUsers();
      const candidates = users.flatMap((person) => {
        const legacy = person.memberships.length === 0 && inSubtree(person.unitId);
        return legacy || belongedDuring(person.memberships, range.from, range.to, inSubtree) ? [{ person, legacy }] : [];
      });
      // The members' daily totals and plans in one store read each, not one per member (issue 19).
      const base = await loadFiguresContext(store, await loadDirectory(store, users), clock(), config.timeZone, range);
      const ctx = await withMembersPreloaded(base, candidates.map((m) => m.person.id), range);
      const members: SummaryMember[] = [];
      for (const { person, legacy } of candidates) {
        const notesCount = notes.get(person.id) ?? 0;
        const figures = await personFigures(ctx, person, range);
        if (legacy && figures.days.length === 0 && notesCount === 0) continue;
        members.push({ person, days: figures.days, notesCount, credit: figures.credit, target: figures.target, gapSeconds: figures.gapSeconds });
      }
      return c.json(unitSummary({ unitId, ...range, members, categoryOf: (id) => categories.get(id) }));
    });
}
