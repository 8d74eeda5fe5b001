// GET /api/me: the signed-in user.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { signedIn } from '../http/signed-in.ts';
import { userView } from '../http/records-to-wire.ts';

export function meRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', signedIn(deps), (c) => c.json(userView(c.get('user'))));
}
