// GET /api/audit: the log of administrative changes, newest first, for admins.
import { Hono } from 'hono';
import { auditQuerySchema } from '../../shared/schemas/organisation.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { parseOrFail } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { auditView } from '../http/views.ts';

export function auditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', signedIn(deps, 'admin'), async (c) => {
    const query = parseOrFail(auditQuerySchema, c.req.query());
    return c.json((await deps.store.listAudit(query)).map(auditView));
  });
}
