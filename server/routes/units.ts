// Units (委室) of the organisation: a tree through parentId. Admins change it; everyone lists what
// they may see; leaders and admins read a unit's summary.
import { Hono } from 'hono';
import { createUnitSchema, updateUnitSchema } from '../../shared/schemas/organisation.ts';
import { canReportOnUnit, subtreeOf, visibleUnitIds } from '../access/visibility.ts';
import { dateRangeMs } from '../aggregation/date-range.ts';
import { unitSummary } from '../aggregation/unit-summary.ts';
import { forbidden, notFound } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { auditContext } from '../http/audit-context.ts';
import { readJson } from '../http/json-body.ts';
import { reportRange } from '../http/report-range.ts';
import { signedIn } from '../http/signed-in.ts';
import { unitView } from '../http/views.ts';
import { countNotesByPerson } from '../notes/note-filters.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { proRatedTargetSeconds } from '../../shared/time/periods.ts';

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
      const unit = await store.createUnit({ name: input.name, parentId: input.parentId ?? null }, auditContext(c, input.reason));
      return c.json(unitView(unit), 201);
    })
    .patch('/:id', signedIn(deps, 'admin'), async (c) => {
      const { reason, ...changes } = await readJson(c, updateUnitSchema);
      return c.json(unitView(await store.updateUnit(c.req.param('id'), changes, auditContext(c, reason))));
    })
    .get('/:id/summary', signedIn(deps), async (c) => {
      const unitId = c.req.param('id');
      const units = await store.listUnits();
      if (!units.some((u) => u.id === unitId)) throw notFound(`There is no unit with id "${unitId}"`);
      if (!canReportOnUnit(c.get('user'), unitId, units)) throw forbidden("Only admins and the unit's leaders may see its summary");
      const range = reportRange(c.req.query(), { nowMs: clock(), timeZone: config.timeZone });
      const { fromMs, toMs } = dateRangeMs(range.from, range.to, config.timeZone);
      const subtree = subtreeOf(unitId, units);
      const notes = countNotesByPerson(await store.listNotes(), fromMs, toMs);
      const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
      const settings = await store.getSettings();
      const fromDay = dayNumber(range.from);
      const toDay = dayNumber(range.to);
      const members = [];
      for (const person of await store.listUsers()) {
        if (person.unitId === null || !subtree.has(person.unitId)) continue;
        const days = await store.dayTotals(person.id, fromDay, toDay);
        const notesCount = notes.get(person.id) ?? 0;
        // People who have left stay in the reports of the time they were here.
        if (!person.active && days.length === 0 && notesCount === 0) continue;
        members.push({ person, days, notesCount });
      }
      return c.json(
        unitSummary({
          unitId,
          ...range,
          members,
          categoryOf: (id) => categories.get(id),
          targetSeconds: proRatedTargetSeconds(settings.annualTargetHours * 3600, range),
        }),
      );
    });
}
