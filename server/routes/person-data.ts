// A person's own data: `GET /api/people/{id}/export` (the person, or an admin) downloads everything
// recorded about them; `DELETE /api/people/{id}/data` (admin) erases it when they leave, with an audit
// entry. Erasure removes the account itself: nothing is kept about the person but the audit log.
import { Hono } from 'hono';
import { eraseRequestSchema, type EraseResult } from '../../shared/schemas/personal-data.ts';
import { conflict, forbidden, notFound } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { auditContext } from '../http/audit-context.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { personalExport } from '../personal-data/personal-export.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';

export function personDataRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  return new Hono<AppEnv>()
    .get('/:id/export', signedIn(deps), async (c) => {
      const id = c.req.param('id');
      const viewer = c.get('user');
      // Leaders see their people's learning through reports; the whole file is the person's own.
      if (viewer.id !== id && viewer.role !== 'admin') throw forbidden('Only the person themselves or an admin may download this');
      const person = await store.findUserById(id);
      if (!person) throw notFound(`There is no person with id "${id}"`);
      const all = { fromMs: Number.NEGATIVE_INFINITY, toMs: Number.POSITIVE_INFINITY };
      const notes = (await store.notesChangedSince(id, 0, Number.MAX_SAFE_INTEGER)).notes;
      const body = personalExport({
        person,
        unit: person.unitId === null ? null : await store.findUnit(person.unitId),
        tokens: await store.tokensOf(id),
        segments: await store.segmentsForPerson(id, all.fromMs, all.toMs),
        refused: await store.refusedForPerson(id, all.fromMs, all.toMs),
        dayTotals: await store.dayTotals(id, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
        notes,
        resources: await store.listResources(),
        audit: await store.auditFor([`person:${id}`, ...notes.map((n) => `note:${n.note.id}`)]),
        programme: await store.programme.recordsOf(id),
        nowMs: clock(),
      });
      // The organisation's day, as every date the person is shown.
      const date = dateInZone(Date.parse(body.exportedAt), config.timeZone);
      c.header('Content-Disposition', `attachment; filename="studytrail-${person.username}-${date}.json"`);
      return c.json(body);
    })
    .delete('/:id/data', signedIn(deps, 'admin'), async (c) => {
      const id = c.req.param('id');
      const actor = c.get('user');
      const { reason } = await readJson(c, eraseRequestSchema);
      // Guarantees an administrator always remains: only another one can erase an admin.
      if (actor.id === id) throw conflict('You cannot erase your own account: ask another administrator');
      const erased = await store.erasePerson(id, auditContext(c, reason));
      if (!erased) throw notFound(`There is no person with id "${id}"`);
      const body: EraseResult = { personId: id, removed: erased.counts, auditId: erased.audit.id };
      return c.json(body);
    });
}
