// Units (委室) of the organisation: a tree through parentId.
import { Hono } from 'hono';
import { createUnitSchema } from '../../shared/schemas/organisation.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { unitView } from '../http/views.ts';

export function unitRoutes({ store }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', signedIn(store), async (c) => c.json((await store.listUnits()).map(unitView)))
    .post('/', signedIn(store, 'admin'), async (c) => {
      const input = await readJson(c, createUnitSchema);
      const unit = await store.createUnit({ name: input.name, parentId: input.parentId ?? null });
      return c.json(unitView(unit), 201);
    });
}
