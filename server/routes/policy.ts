// The policy extensions follow: designated resources and tracking settings, with a version that
// changes whenever either does, so a client can tell when to refresh.
import { Hono } from 'hono';
import { trackingSettingsSchema } from '../../shared/schemas/policy.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';

export function policyRoutes({ store }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', signedIn(store), async (c) => c.json(await store.getPolicy()))
    .put('/settings', signedIn(store, 'admin'), async (c) => {
      const settings = await readJson(c, trackingSettingsSchema);
      return c.json(await store.updateSettings(settings));
    });
}
