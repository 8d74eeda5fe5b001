// GET /api/audit: the log of administrative changes and of every change to what feeds a grade, newest
// first, for admins; each target named (a person, unit, resource, session topic, date or year).
import { Hono } from 'hono';
import { idSchema } from '../../shared/schemas/domain.ts';
import { auditQuerySchema } from '../../shared/schemas/organisation.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { parseOrFail } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { auditView } from '../http/records-to-wire.ts';

export function auditRoutes(deps: AppDeps) {
  const { store } = deps;
  return new Hono<AppEnv>().get('/', signedIn(deps, 'admin'), async (c) => {
    const query = parseOrFail(auditQuerySchema, c.req.query());
    const entries = await store.listAudit(query);
    // Only the people this page names are read (a target that is no id names nobody).
    const named = entries.flatMap((a) => (a.target.startsWith('person:') ? [a.target.slice('person:'.length)] : [])).filter((id) => idSchema.safeParse(id).success);
    const people = new Map((await store.listUsers({ ids: named })).map((u) => [u.id, u.name]));
    const units = new Map((await store.listUnits()).map((u) => [u.id, u.name]));
    const resources = new Map((await store.listResources()).map((r) => [r.id, r.name]));
    // Likewise only the sessions it names, cancelled ones included.
    const sessions = new Map<string, string>();
    for (const a of entries) {
      const id = a.target.startsWith('session:') ? a.target.slice('session:'.length) : null;
      if (id === null || sessions.has(id)) continue;
      const session = await store.programme.findSession(id);
      if (session) sessions.set(id, session.topic);
    }
    const labelOf = (target: string): string | null => {
      const [kind, id = ''] = target.split(/:(.*)/s) as [string, string?];
      switch (kind) {
        case 'person':
          return people.get(id) ?? null;
        case 'unit':
          return units.get(id) ?? null;
        case 'resource':
          return resources.get(id) ?? null;
        case 'session':
          return sessions.get(id) ?? null;
        case 'calendar':
        case 'year':
          return id;
        default:
          // `settings`, `programme-settings` and `note:<id>` (a note's text is not the auditor's to read) are labelled by the dashboard.
          return null;
      }
    };
    return c.json(entries.map((a) => auditView(a, labelOf)));
  });
}
