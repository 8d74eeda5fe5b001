// `GET /api/people/{id}/figures`: one person's credited hours against their effective target over a
// range (self, their leaders, admins), from the same computation as every other screen and export.
import { Hono } from 'hono';
import type { PersonFigures } from '../../shared/schemas/figures.ts';
import { forbidden, notFound } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { reportRange } from '../http/report-range.ts';
import { signedIn } from '../http/signed-in.ts';
import { targetBasis } from '../programme/effective-target.ts';
import { loadDirectory } from '../programme-io/directory.ts';
import { loadFiguresContext, personFigures } from '../programme-io/person-figures.ts';

export function personFiguresRoutes(deps: AppDeps) {
  const { store, clock, config } = deps;
  return new Hono<AppEnv>().get('/:id/figures', signedIn(deps), async (c) => {
    const directory = await loadDirectory(store);
    const person = directory.person(c.req.param('id'));
    if (!person) throw notFound(`There is no person with id "${c.req.param('id')}"`);
    if (!directory.canView(c.get('user'), person)) throw forbidden("You may not see this person's figures");
    const range = reportRange(c.req.query(), { nowMs: clock(), timeZone: config.timeZone });
    const f = await personFigures(await loadFiguresContext(store, directory, clock(), config.timeZone, range), person, range);
    const body: PersonFigures = {
      personId: person.id,
      ...range,
      onlineSeconds: f.credit.onlineSeconds,
      onlineCreditedHours: f.credit.onlineCreditedHours,
      sessionHours: f.credit.sessionHours,
      totalSeconds: f.credit.totalSeconds,
      totalHours: f.credit.totalHours,
      adjustments: f.credit.adjustments,
      creditRules: f.credit.creditRules,
      targetHours: f.target.targetSeconds / 3600,
      targetBasis: targetBasis(f.target),
      gapHours: f.gapSeconds / 3600,
      behind: f.gapSeconds > 0,
    };
    return c.json(body);
  });
}
