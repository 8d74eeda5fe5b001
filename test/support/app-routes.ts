// Every API route the app serves (the dashboard's pages at / are not API routes), as "METHOD /path/:param" strings, read from the Hono app itself so tests
// can hold tables and documents to it.
import { createApp } from '../../server/app.ts';
import type { Store } from '../../server/store/store-contract.ts';

export function appRoutes(): string[] {
  // Registering routes never touches the store.
  const app = createApp({ store: {} as Store, clock: () => 0, config: { timeZone: 'Asia/Shanghai' } });
  const routes = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(routes)].sort();
}
