// Which engine keeps the data: PostgreSQL when STUDYTRAIL_DATABASE_URL is set, else the embedded store
// in the data folder. Both speak the same Store contract.
import type { ServerConfig } from '../config.ts';
import { openLowdbStore } from './lowdb-store.ts';
import { openPostgresStore } from './postgres/postgres-store.ts';
import type { Store } from './store-contract.ts';

export function openStore(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'timeZone'>, options: { clock: () => number }): Promise<Store> {
  return config.databaseUrl === null
    ? openLowdbStore(config.dataDir, { clock: options.clock, timeZone: config.timeZone })
    : openPostgresStore(config.databaseUrl, { clock: options.clock, timeZone: config.timeZone });
}
