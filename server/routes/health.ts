// GET /api/health: liveness, for monitors and for the extension's "is the server there" check. It
// also says whether the store can save changes: 503 store_read_only with the reason while a write to
// its files is failing (issue 18), so a monitor sees a full disk before people lose work to it.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { ERROR_CODES, type ErrorBody } from '../../shared/schemas/errors.ts';

export function healthRoutes({ store }: Pick<AppDeps, 'store'>) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const health = await store.health();
    if (!health.writable) {
      const message = `The store cannot save changes since ${health.since} (${health.reason}); it answers reads and retries its files. Free space on the data folder's disk.`;
      const body: ErrorBody = { error: { code: ERROR_CODES.storeReadOnly, message } };
      return c.json(body, 503, { 'Retry-After': '5' });
    }
    return c.json({ ok: true });
  });
}
