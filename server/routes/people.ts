// People: accounts with a role and a unit, and each person's learning log.
import { Hono } from 'hono';
import { createPersonSchema } from '../../shared/schemas/organisation.ts';
import { logQuerySchema } from '../../shared/schemas/log.ts';
import { canViewPerson } from '../access/can-view-person.ts';
import { dateRangeMs, learningLog } from '../aggregation/learning-log.ts';
import { hashPassword } from '../auth/password.ts';
import { conflict, forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { parseOrFail, readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { userView } from '../http/views.ts';
import type { Store } from '../store/records.ts';

/** A year, leap day included: enough for the annual assessment, bounded for the server's sake. */
const MAX_LOG_DAYS = 366;
const DAY_MS = 86_400_000;

async function unitParents(store: Store): Promise<(unitId: string) => string | null | undefined> {
  const parents = new Map((await store.listUnits()).map((u) => [u.id, u.parentId]));
  return (unitId) => parents.get(unitId);
}

export function peopleRoutes({ store, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', signedIn(store), async (c) => {
      const viewer = c.get('user');
      const parentOf = await unitParents(store);
      const visible = (await store.listUsers()).filter((person) => canViewPerson(viewer, person, parentOf));
      return c.json(visible.map(userView));
    })
    .post('/', signedIn(store, 'admin'), async (c) => {
      const input = await readJson(c, createPersonSchema);
      const { password, ...person } = input;
      // Checked before hashing so a request doomed to fail costs no scrypt; the store checks again.
      if (await store.findUserByUsername(person.username)) {
        throw conflict(`The username "${person.username}" is already taken`);
      }
      const user = await store.createUser({ ...person, passwordHash: await hashPassword(password) });
      return c.json(userView(user), 201);
    })
    .get('/:id/log', signedIn(store), async (c) => {
      const person = await store.findUserById(c.req.param('id'));
      if (!person) throw notFound(`There is no person with id "${c.req.param('id')}"`);
      if (!canViewPerson(c.get('user'), person, await unitParents(store))) {
        throw forbidden("You may not see this person's learning log");
      }
      const { from, to } = parseOrFail(logQuerySchema, c.req.query());
      if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_LOG_DAYS) {
        throw validationFailed(`to: the range may span at most ${MAX_LOG_DAYS} days`);
      }
      const { fromMs, toMs } = dateRangeMs(from, to, config.timeZone);
      const segments = await store.segmentsForPerson(person.id, fromMs, toMs);
      const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
      return c.json(
        learningLog({
          personId: person.id,
          from,
          to,
          timeZone: config.timeZone,
          segments,
          categoryOf: (id) => categories.get(id),
        }),
      );
    });
}
