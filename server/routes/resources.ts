// Designated learning resources. Creating or changing one makes a new policy version; an inactive
// resource leaves the policy but stays listed here, so past time on it keeps its name and category.
import { Hono } from 'hono';
import { plainTextSchema } from '../../shared/schemas/domain.ts';
import { createResourceSchema, updateResourceSchema } from '../../shared/schemas/policy.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { auditContext } from '../http/audit-context.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { managedResourceView } from '../http/records-to-wire.ts';

export function resourceRoutes(deps: AppDeps) {
  const { store } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => c.json((await store.listResources()).map(managedResourceView)))
    .post('/', signedIn(deps, 'admin'), async (c) => {
      const { reason, ...input } = await readJson(c, createResourceSchema.extend({ reason: plainTextSchema(500).optional() }));
      return c.json(managedResourceView(await store.createResource(input, auditContext(c, reason))), 201);
    })
    .patch('/:id', signedIn(deps, 'admin'), async (c) => {
      const { reason, ...changes } = await readJson(c, updateResourceSchema);
      return c.json(managedResourceView(await store.updateResource(c.req.param('id'), changes, auditContext(c, reason))));
    });
}
