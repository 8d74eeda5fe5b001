// Closed years: everyone signed in lists them (the dashboard greys out a closed year's forms); admins
// close a year (its records become read-only: writes are 409 year_closed) and reopen it with a reason.
import { Hono } from 'hono';
import { closeYearInputSchema, reopenYearInputSchema } from '../../shared/schemas/programme-years.ts';
import { conflict } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { yearParam } from '../http/programme-params.ts';
import { signedIn } from '../http/signed-in.ts';

export function closedYearRoutes(deps: AppDeps) {
  const { store, clock } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => c.json(await store.programme.closedYears()))
    .put('/:year/closed', signedIn(deps, 'admin'), async (c) => {
      const viewer = c.get('user');
      const year = yearParam(c.req.param('year'));
      const { reason } = await readJson(c, closeYearInputSchema);
      const existing = await store.programme.closedYear(year);
      if (existing) return c.json(existing);
      const closed = { year, closedAt: new Date(clock()).toISOString(), closedById: viewer.id, closedByName: viewer.name };
      return c.json(await store.programme.closeYear(closed, programmeAudit(c, 'year.close', `year:${year}`, `${year}`, reason)));
    })
    .delete('/:year/closed', signedIn(deps, 'admin'), async (c) => {
      const year = yearParam(c.req.param('year'));
      const { reason } = await readJson(c, reopenYearInputSchema);
      const existing = await store.programme.closedYear(year);
      if (!existing) throw conflict(`The year ${year} is not closed`);
      await store.programme.reopenYear(year, programmeAudit(c, 'year.reopen', `year:${year}`, `${year}, closed by ${existing.closedByName} on ${existing.closedAt.slice(0, 10)}`, reason));
      return c.body(null, 204);
    });
}
