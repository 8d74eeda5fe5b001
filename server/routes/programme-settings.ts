// The programme's settings: session tariff, online credit conversion and cap, check-in window, report
// target. Everyone signed in reads them (the dashboard shows the window); admins change them.
import { Hono } from 'hono';
import { programmeSettingsSchema } from '../../shared/schemas/programme-settings.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';

export function programmeSettingsRoutes(deps: AppDeps) {
  const { store } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), (c) => c.json(store.programme.settings()))
    .put('/', signedIn(deps, 'admin'), async (c) => c.json(await store.programme.saveSettings(await readJson(c, programmeSettingsSchema))));
}
