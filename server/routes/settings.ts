// The organisation's settings: everyone signed in reads them; admins change them (audited). A change
// to a tracking setting makes a new policy version.
import { Hono } from 'hono';
import { updateSettingsSchema } from '../../shared/schemas/settings.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { auditContext } from '../http/audit-context.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';

export function settingsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => c.json(await deps.store.getSettings()))
    .put('/', signedIn(deps, 'admin'), async (c) => {
      const { reason, ...settings } = await readJson(c, updateSettingsSchema);
      return c.json(await deps.store.updateSettings(settings, auditContext(c, reason)));
    });
}
