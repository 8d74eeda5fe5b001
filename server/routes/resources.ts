// Designated learning resources. Creating one changes the policy every extension follows.
import { Hono } from 'hono';
import { createResourceSchema } from '../../shared/schemas/policy.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { resourceView } from '../http/views.ts';

export function resourceRoutes({ store }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', signedIn(store), async (c) => c.json((await store.listResources()).map(resourceView)))
    .post('/', signedIn(store, 'admin'), async (c) => {
      const input = await readJson(c, createResourceSchema);
      return c.json(resourceView(await store.createResource(input)), 201);
    });
}
